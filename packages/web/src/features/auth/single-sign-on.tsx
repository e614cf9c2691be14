import { useEffect, useState } from "react";
import { Alert } from "../../components/ui/index.ts";
import { t } from "../../i18n/t.ts";
import { api } from "../../lib/api-client.ts";

/** "Sign in with your district account", when the district has connected its OpenID provider. */
export function SingleSignOnLink() {
  const [enabled, setEnabled] = useState(false);
  useEffect(() => {
    api.get<{ enabled: boolean }>("/api/auth/oidc").then(
      (answer) => setEnabled(answer.enabled),
      () => setEnabled(false),
    );
  }, []);
  if (!enabled) return null;
  return (
    <p>
      {/* A full page load: the browser goes to the district's sign-in page and comes back. */}
      <a className="button button-secondary" href="/api/auth/oidc/start">
        {t("auth.sso.button")}
      </a>
    </p>
  );
}

const REASONS = ["state", "provider", "unverified-email", "unknown-account", "deactivated", "not-staff"] as const;

/** Why single sign-on did not sign the person in (the `sso` address parameter), in plain words. */
export function SingleSignOnRefused({ reason }: { reason: string | null }) {
  if (!reason) return null;
  const known = (REASONS as readonly string[]).includes(reason) ? reason : "provider";
  return (
    <Alert tone="error" title={t("auth.sso.refusedTitle")}>
      <p>{t(`auth.sso.refused.${known}` as "auth.sso.refused.state")}</p>
    </Alert>
  );
}
