import { MIN_PASSWORD_LENGTH } from "@lantern/core";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Link } from "wouter";
import { Page } from "../../app/page.tsx";
import { paths } from "../../app/paths.ts";
import { FormProblems, useProblems } from "../../components/ui/form-problems.tsx";
import { Alert, Button, Field, TextInput } from "../../components/ui/index.ts";
import { t } from "../../i18n/t.ts";
import { ApiError } from "../../lib/api-client.ts";
import { describeError } from "../../lib/error-message.ts";
import { setPassword } from "./api.ts";

type F = "password" | "confirm";
const IDS: Record<F, string> = { password: "new-password", confirm: "new-password-again" };

/** The token from an invitation or reset link: after `#`, so it never reaches a server log. */
function tokenFromAddress(): string {
  return new URLSearchParams(window.location.hash.replace(/^#/, "")).get("token") ?? "";
}

/** Choose a password from an emailed link (an invitation or a reset). */
export default function SetPasswordPage() {
  const [token] = useState(tokenFromAddress);
  const [password, setPasswordValue] = useState("");
  const [confirm, setConfirm] = useState("");
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const problems = useProblems<F>();
  const doneRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found: Partial<Record<F, string>> = {};
    if ([...password].length < MIN_PASSWORD_LENGTH) found.password = t("accounts.password.tooShort");
    else if (password !== confirm) found.confirm = t("accounts.password.mismatch");
    if (Object.keys(found).length > 0) return problems.show(found, null);
    setBusy(true);
    try {
      const answer = await setPassword(token, password);
      problems.clear();
      setDone(answer.email);
    } catch (error) {
      const issue = error instanceof ApiError ? error.issuesFor("password")[0] : undefined;
      if (issue) {
        problems.show({ password: issue.message }, null);
      } else {
        problems.show({}, describeError(error));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t("accounts.password.title")}>
      {done ? (
        <Alert tone="success" ref={doneRef} tabIndex={-1}>
          <p>{t("accounts.password.done")}</p>
          <p>
            <Link href={paths.signIn}>{t("accounts.password.signIn")}</Link>
          </p>
        </Alert>
      ) : !token ? (
        <Alert tone="error">{t("accounts.password.noToken")}</Alert>
      ) : (
        <>
          <p>{t("accounts.password.intro")}</p>
          <FormProblems
            title={t("accounts.password.errorTitle")}
            general={problems.general}
            problems={problems.errors}
            ids={IDS}
            summaryRef={problems.summaryRef}
          />
          <form className="form" noValidate onSubmit={onSubmit} aria-label={t("accounts.password.title")}>
            <Field id={IDS.password} label={t("accounts.password.password")} error={problems.errors.password} required>
              <TextInput
                type="password"
                name="new-password"
                autoComplete="new-password"
                value={password}
                onChange={(e) => setPasswordValue(e.target.value)}
              />
            </Field>
            <Field id={IDS.confirm} label={t("accounts.password.confirm")} error={problems.errors.confirm} required>
              <TextInput
                type="password"
                name="new-password-again"
                autoComplete="new-password"
                value={confirm}
                onChange={(e) => setConfirm(e.target.value)}
              />
            </Field>
            <Button type="submit" busy={busy} busyLabel={t("accounts.password.submitting")}>
              {t("accounts.password.submit")}
            </Button>
          </form>
        </>
      )}
    </Page>
  );
}
