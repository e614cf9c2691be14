/**
 * A real OpenID provider (oidc-provider) on this machine, for the single sign-on tests and the
 * browser journey: one client (Lantern) and accounts that are email addresses; a login of the form
 * "unverified:x@y" has an unverified email. Its own login and consent pages are the provider's
 * development interaction pages (any password is accepted).
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

export const OIDC_CLIENT_ID = "lantern";
export const OIDC_CLIENT_SECRET = "a-client-secret-for-tests-only-0123456789";

export type TestOidcProvider = { issuer: string; close(): Promise<void> };

export async function startOidcProvider(options: { redirectUrl: string }): Promise<TestOidcProvider> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: OIDC_CLIENT_ID,
        client_secret: OIDC_CLIENT_SECRET,
        redirect_uris: [options.redirectUrl],
        response_types: ["code"],
        grant_types: ["authorization_code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"] },
    cookies: { keys: ["cookie-key-for-tests"] },
    findAccount: async (_ctx, id) => ({
      accountId: id,
      claims: async () => ({
        sub: id,
        email: id.replace(/^unverified:/, ""),
        email_verified: !id.startsWith("unverified:"),
      }),
    }),
  });
  server.on("request", provider.callback());
  return {
    issuer,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
