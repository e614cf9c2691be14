/**
 * The district's OpenID provider, through openid-client: the authorization code flow with PKCE
 * (S256), state and nonce. The provider's metadata is discovered at the first sign-in and kept.
 */
import * as client from "openid-client";

export type OidcSettings = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The district whose staff sign in this way. */
  districtId: string;
  /** Lantern's callback address as registered with the provider (…/api/auth/oidc/callback). */
  redirectUrl: string;
};

export type OidcClaims = { email: string | null; emailVerified: boolean };

export type OidcClient = {
  districtId: string;
  redirectUrl: string;
  /** Where to send the browser, and what to keep until it comes back. */
  start(): Promise<{ url: string; state: string; codeVerifier: string; nonce: string }>;
  /** Exchange the code the provider sent back (checking state, PKCE and nonce); the ID token's claims. */
  finish(callbackUrl: URL, checks: { state: string; codeVerifier: string; nonce: string }): Promise<OidcClaims>;
};

/** Plain HTTP only for a provider on this machine (a test or a local development provider). */
function isLocal(url: URL): boolean {
  return url.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
}

export function createOidcClient(settings: OidcSettings): OidcClient {
  let configuration: Promise<client.Configuration> | null = null;
  const discover = () => {
    const issuer = new URL(settings.issuer);
    configuration ??= client
      .discovery(
        issuer,
        settings.clientId,
        { client_secret: settings.clientSecret },
        // HTTP Basic: the method every provider accepts by default (RFC 6749 section 2.3.1).
        client.ClientSecretBasic(settings.clientSecret),
        isLocal(issuer) ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        configuration = null; // try again at the next sign-in
        throw error;
      });
    return configuration;
  };
  return {
    districtId: settings.districtId,
    redirectUrl: settings.redirectUrl,
    async start() {
      const config = await discover();
      const codeVerifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUrl,
        scope: "openid email",
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: "S256",
        state,
        nonce,
      });
      return { url: url.href, state, codeVerifier, nonce };
    },
    async finish(callbackUrl, checks) {
      const config = await discover();
      const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims();
      if (!idToken) throw new Error("the provider sent no ID token");
      // Many providers put the email in the ID token; others (as the specification prefers when
      // an access token is issued) only at the userinfo endpoint, for the same subject.
      const claims: Record<string, unknown> =
        typeof idToken.email === "string"
          ? idToken
          : await client.fetchUserInfo(config, tokens.access_token, idToken.sub);
      return {
        email: typeof claims.email === "string" ? claims.email : null,
        emailVerified: claims.email_verified === true,
      };
    },
  };
}
