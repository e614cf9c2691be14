import type { SecondFactorChallenge, SessionResponse } from "@lantern/core";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Alert, Button, Field, TextInput } from "../../components/ui/index.ts";
import { t } from "../../i18n/t.ts";
import { ApiError } from "../../lib/api-client.ts";
import { describeError } from "../../lib/error-message.ts";
import { signInWait } from "./api.ts";
import { EnrolSecondFactor } from "./enrol-second-factor.tsx";
import { verifySecondFactor } from "./second-factor-api.ts";

/**
 * The second step of a sign-in: a code from the authenticator app (or a recovery code), or, when
 * the district requires a second factor and the person has none, setting up the app.
 */
export function SecondFactorStep({
  challenge,
  onSignedIn,
}: {
  challenge: SecondFactorChallenge;
  onSignedIn: (response: SessionResponse) => void;
}) {
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  if (challenge.step === "enrol") {
    return (
      <>
        <h2 ref={headingRef} tabIndex={-1}>
          {t("auth.secondFactor.requiredTitle")}
        </h2>
        <p>{t("auth.secondFactor.requiredIntro")}</p>
        <EnrolSecondFactor pendingToken={challenge.pendingToken} onDone={onSignedIn} />
      </>
    );
  }

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!code.trim()) {
      setError(t("auth.secondFactor.codeMissing"));
      return;
    }
    setBusy(true);
    try {
      const typed = code.trim();
      onSignedIn(
        await verifySecondFactor(challenge.pendingToken, /^[\d\s]+$/.test(typed) ? typed.replace(/\s/g, "") : typed),
      );
    } catch (e) {
      setBusy(false);
      if (e instanceof ApiError && e.status === 429) {
        const wait = signInWait(e);
        setError(
          t(wait?.unit === "seconds" ? "auth.signIn.tooManySeconds" : "auth.signIn.tooMany", {
            count: wait?.count ?? 15,
          }),
        );
      } else if (e instanceof ApiError && e.status === 401) {
        setError(/expired/.test(e.message) ? t("auth.secondFactor.expired") : t("auth.secondFactor.wrong"));
      } else {
        setError(describeError(e));
      }
    }
  };

  return (
    <section aria-labelledby="second-factor-title">
      <h2 id="second-factor-title" ref={headingRef} tabIndex={-1}>
        {t("auth.secondFactor.verifyTitle")}
      </h2>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <form className="form" noValidate onSubmit={onSubmit} aria-label={t("auth.secondFactor.verifyTitle")}>
        <Field
          id="second-factor-code"
          label={t("auth.secondFactor.code")}
          hint={t("auth.secondFactor.codeHint")}
          error={error ?? undefined}
        >
          <TextInput
            name="code"
            autoComplete="one-time-code"
            spellCheck={false}
            value={code}
            onChange={(event) => setCode(event.target.value)}
          />
        </Field>
        <Button type="submit" busy={busy} busyLabel={t("auth.secondFactor.checking")}>
          {t("auth.secondFactor.verifySubmit")}
        </Button>
      </form>
    </section>
  );
}
