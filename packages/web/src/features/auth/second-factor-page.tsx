import type { SecondFactorStatus } from "@lantern/core";
import { useCallback, useEffect, useState } from "react";
import { Page } from "../../app/page.tsx";
import { Alert, Button } from "../../components/ui/index.ts";
import { t } from "../../i18n/t.ts";
import { describeError } from "../../lib/error-message.ts";
import { EnrolSecondFactor } from "./enrol-second-factor.tsx";
import { NewRecoveryCodes } from "./new-recovery-codes.tsx";
import { removeSecondFactor, secondFactorStatus } from "./second-factor-api.ts";

/** Account security: the second factor of the signed-in person (set up, or turn off). */
export default function SecondFactorPage() {
  const [status, setStatus] = useState<SecondFactorStatus | null>(null);
  const [enrolling, setEnrolling] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    secondFactorStatus().then(setStatus, (e: unknown) => setError(describeError(e)));
  }, []);
  useEffect(load, [load]);

  return (
    <Page title={t("auth.security.title")}>
      {message ? <Alert tone="success">{message}</Alert> : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      <p>{t("auth.security.intro")}</p>
      {status === null ? null : enrolling ? (
        <EnrolSecondFactor
          onDone={() => {
            setEnrolling(false);
            setMessage(t("auth.security.enrolled"));
            load();
          }}
        />
      ) : status.enabled ? (
        <>
          <p>{t("auth.security.on", { count: status.recoveryCodesLeft })}</p>
          {status.required ? (
            <p>{t("auth.security.required")}</p>
          ) : (
            <Button
              variant="secondary"
              busy={busy}
              busyLabel={t("auth.security.turningOff")}
              onClick={async () => {
                setBusy(true);
                try {
                  await removeSecondFactor();
                  setMessage(t("auth.security.turnedOff"));
                  load();
                } catch (e) {
                  setError(describeError(e));
                } finally {
                  setBusy(false);
                }
              }}
            >
              {t("auth.security.turnOff")}
            </Button>
          )}
          <NewRecoveryCodes onDone={load} />
        </>
      ) : (
        <>
          <p>{status.required ? t("auth.security.offRequired") : t("auth.security.off")}</p>
          <Button
            onClick={() => {
              setMessage(null);
              setEnrolling(true);
            }}
          >
            {t("auth.security.setUp")}
          </Button>
        </>
      )}
    </Page>
  );
}
