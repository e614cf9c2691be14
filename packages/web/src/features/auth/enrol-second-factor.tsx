import type { SecondFactorConfirmed, SecondFactorEnrolment } from "@lantern/core";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Alert, Button, Field, TextInput } from "../../components/ui/index.ts";
import { t } from "../../i18n/t.ts";
import { ApiError } from "../../lib/api-client.ts";
import { describeError } from "../../lib/error-message.ts";
import { QrCode } from "./qr-code.tsx";
import { confirmEnrolment, startEnrolment } from "./second-factor-api.ts";

/** The secret in groups of four, easier to type. */
function grouped(secret: string): string {
  return secret.replace(/(.{4})/g, "$1 ").trim();
}

/**
 * Setting up an authenticator app: the key as a QR code and as text, then its first code; then
 * the recovery codes, shown this once, until the person says they have saved them.
 */
export function EnrolSecondFactor({
  pendingToken,
  onDone,
}: {
  pendingToken?: string;
  onDone: (confirmed: SecondFactorConfirmed) => void;
}) {
  const [enrolment, setEnrolment] = useState<SecondFactorEnrolment | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmed, setConfirmed] = useState<SecondFactorConfirmed | null>(null);
  const codesRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    startEnrolment(pendingToken).then(setEnrolment, (e: unknown) => setLoadError(describeError(e)));
  }, [pendingToken]);

  useEffect(() => {
    if (confirmed) codesRef.current?.focus();
  }, [confirmed]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!/^\d{6}$/.test(code.replace(/\s/g, ""))) {
      setError(t("auth.secondFactor.codeFormat"));
      return;
    }
    setBusy(true);
    try {
      setConfirmed(await confirmEnrolment(code.replace(/\s/g, ""), pendingToken));
    } catch (e) {
      setError(
        e instanceof ApiError && e.status === 400
          ? t("auth.secondFactor.enrolWrong")
          : e instanceof ApiError
            ? e.message
            : describeError(e),
      );
    } finally {
      setBusy(false);
    }
  };

  if (loadError) return <Alert tone="error">{loadError}</Alert>;
  if (!enrolment) return <p>{t("auth.secondFactor.loading")}</p>;
  if (confirmed) {
    return (
      <section aria-labelledby="recovery-codes-title">
        <h2 id="recovery-codes-title" ref={codesRef} tabIndex={-1}>
          {t("auth.secondFactor.recoveryTitle")}
        </h2>
        <p>{t("auth.secondFactor.recoveryIntro")}</p>
        <ul className="recovery-codes" aria-label={t("auth.secondFactor.recoveryTitle")}>
          {confirmed.recoveryCodes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ul>
        <Button type="button" onClick={() => onDone(confirmed)}>
          {t("auth.secondFactor.recoverySaved")}
        </Button>
      </section>
    );
  }
  return (
    <section aria-labelledby="enrol-title">
      <h2 id="enrol-title">{t("auth.secondFactor.enrolTitle")}</h2>
      <ol>
        <li>{t("auth.secondFactor.enrolStep1")}</li>
        <li>
          {t("auth.secondFactor.enrolStep2")}
          <QrCode value={enrolment.otpauthUri} label={t("auth.secondFactor.qrLabel")} />
          <p>
            {t("auth.secondFactor.keyLabel")} <code data-testid="totp-secret">{grouped(enrolment.secret)}</code>
          </p>
          <details>
            <summary>{t("auth.secondFactor.uriLabel")}</summary>
            <p className="break-anywhere">
              <code>{enrolment.otpauthUri}</code>
            </p>
          </details>
        </li>
        <li>{t("auth.secondFactor.enrolStep3")}</li>
      </ol>
      <form className="form" noValidate onSubmit={onSubmit} aria-label={t("auth.secondFactor.enrolTitle")}>
        <Field id="enrol-code" label={t("auth.secondFactor.firstCode")} error={error ?? undefined}>
          <TextInput
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            value={code}
            onChange={(event) => setCode(event.target.value)}
          />
        </Field>
        <Button type="submit" busy={busy} busyLabel={t("auth.secondFactor.checking")}>
          {t("auth.secondFactor.enrolSubmit")}
        </Button>
      </form>
    </section>
  );
}
