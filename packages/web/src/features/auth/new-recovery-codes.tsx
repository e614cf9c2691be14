import { type FormEvent, useEffect, useRef, useState } from "react";
import { Button, Field, TextInput } from "../../components/ui/index.ts";
import { t } from "../../i18n/t.ts";
import { ApiError } from "../../lib/api-client.ts";
import { describeError } from "../../lib/error-message.ts";
import { regenerateRecoveryCodes } from "./second-factor-api.ts";

/**
 * Make new recovery codes with a current code from the app: the earlier codes stop working, and
 * the new ones are shown this once, until the person says they have saved them.
 */
export function NewRecoveryCodes({ onDone }: { onDone(): void }) {
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [codes, setCodes] = useState<string[] | null>(null);
  const codesRef = useRef<HTMLHeadingElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (codes) codesRef.current?.focus();
  }, [codes]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!/^\d{6}$/.test(code.replace(/\s/g, ""))) {
      setError(t("auth.security.newCodesMissing"));
      inputRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const made = await regenerateRecoveryCodes(code.replace(/\s/g, ""));
      setError(undefined);
      setCode("");
      setCodes(made.recoveryCodes);
    } catch (e) {
      setError(e instanceof ApiError ? (e.issuesFor("code")[0]?.message ?? e.message) : describeError(e));
      inputRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  if (codes) {
    return (
      <section aria-labelledby="new-codes-title">
        <h2 id="new-codes-title" ref={codesRef} tabIndex={-1}>
          {t("auth.secondFactor.recoveryTitle")}
        </h2>
        <p>{t("auth.security.newCodesDone")}</p>
        <p>{t("auth.secondFactor.recoveryIntro")}</p>
        <ul className="recovery-codes" aria-label={t("auth.secondFactor.recoveryTitle")}>
          {codes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ul>
        <Button
          onClick={() => {
            setCodes(null);
            onDone();
          }}
        >
          {t("auth.secondFactor.recoverySaved")}
        </Button>
      </section>
    );
  }
  return (
    <section aria-labelledby="new-codes-title">
      <h2 id="new-codes-title">{t("auth.security.newCodesTitle")}</h2>
      <p>{t("auth.security.newCodesIntro")}</p>
      <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="new-codes-title">
        <Field
          id="new-codes-code"
          label={t("auth.security.newCodesCode")}
          hint={t("auth.security.newCodesCodeHint")}
          error={error}
          required
        >
          <TextInput
            ref={inputRef}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
        </Field>
        <Button type="submit" busy={busy} busyLabel={t("auth.security.newCodesSubmitting")}>
          {t("auth.security.newCodesSubmit")}
        </Button>
      </form>
    </section>
  );
}
