/**
 * Single sign-on for staff with the district's OpenID provider. An account is matched by the
 * provider's verified email to an existing, active account with a staff role in the district;
 * nobody is created or given a role this way. Every refusal is an audit event with its reason.
 */
import type { OidcClient } from "../../oidc/oidc-client.ts";
import type { UseCaseDeps } from "../deps.ts";

/** How long the provider may take to send the browser back. */
export const SINGLE_SIGN_ON_SECONDS = 10 * 60;

export type SingleSignOnRefusal =
  | "state"
  | "provider"
  | "unverified-email"
  | "unknown-account"
  | "deactivated"
  | "not-staff";

/** Start: where to send the browser; the state also goes into a cookie of this browser. */
export async function startSingleSignOn(
  deps: UseCaseDeps,
  input: { oidc: OidcClient },
): Promise<{ url: string; state: string }> {
  const started = await input.oidc.start();
  await deps.repos.singleSignOn.saveStart(started.state, started.codeVerifier, started.nonce, SINGLE_SIGN_ON_SECONDS);
  return { url: started.url, state: started.state };
}

/**
 * The provider sent the browser back: check the state (known, unused, and the one this browser
 * started), exchange the code (PKCE and nonce checked), then match the account.
 */
export async function finishSingleSignOn(
  deps: UseCaseDeps,
  input: {
    oidc: OidcClient;
    state: string | undefined;
    browserState: string | undefined;
    callbackUrl: URL;
    requestId: string;
  },
): Promise<{ personId: string } | { refused: SingleSignOnRefusal }> {
  const refuse = async (reason: SingleSignOnRefusal, personId: string | null = null) => {
    await deps.audit.append({
      action: "auth.single-sign-on-refused",
      personId,
      requestId: input.requestId,
      details: { reason },
    });
    return { refused: reason };
  };
  if (!input.state || input.state !== input.browserState) return refuse("state");
  const started = await deps.repos.singleSignOn.takeStart(input.state);
  if (!started) return refuse("state");
  let claims: Awaited<ReturnType<OidcClient["finish"]>>;
  try {
    claims = await input.oidc.finish(input.callbackUrl, { state: input.state, ...started });
  } catch {
    return refuse("provider");
  }
  if (!claims.email || !claims.emailVerified) return refuse("unverified-email");
  const account = await deps.repos.singleSignOn.staffByEmail(claims.email, input.oidc.districtId);
  if (!account) return refuse("unknown-account");
  if (!account.active) return refuse("deactivated", account.id);
  if (!account.staff) return refuse("not-staff", account.id);
  await deps.audit.append({
    action: "auth.signed-in",
    personId: account.id,
    requestId: input.requestId,
    details: { method: "oidc" },
  });
  return { personId: account.id };
}
