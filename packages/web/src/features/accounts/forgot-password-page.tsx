import { type FormEvent, useEffect, useRef, useState } from "react";
import { Page } from "../../app/page.tsx";
import { FormProblems, useProblems } from "../../components/ui/form-problems.tsx";
import { Alert, Button, Field, TextInput } from "../../components/ui/index.ts";
import { t } from "../../i18n/t.ts";
import { ApiError } from "../../lib/api-client.ts";
import { describeError } from "../../lib/error-message.ts";
import { forgotPassword } from "./api.ts";

const IDS = { email: "forgot-email" };

/** Ask for a link to choose a new password; the answer is the same whether or not the address has an account. */
export default function ForgotPasswordPage() {
  const [email, setEmail] = useState("");
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<string | null>(null);
  const problems = useProblems<"email">();
  const answerRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (answer) answerRef.current?.focus();
  }, [answer]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!/^[^\s@]+@[^\s@]+$/.test(email.trim()))
      return problems.show({ email: t("accounts.forgot.emailInvalid") }, null);
    setBusy(true);
    try {
      const reply = await forgotPassword({ email: email.trim() });
      problems.clear();
      setAnswer(reply.message);
    } catch (error) {
      const issue = error instanceof ApiError ? error.issuesFor("email")[0] : undefined;
      problems.show(issue ? { email: issue.message } : {}, issue ? null : describeError(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t("accounts.forgot.title")}>
      {answer ? (
        <Alert tone="success" ref={answerRef} tabIndex={-1}>
          <p>{answer}</p>
        </Alert>
      ) : (
        <>
          <p>{t("accounts.forgot.intro")}</p>
          <FormProblems
            title={t("accounts.forgot.errorTitle")}
            general={problems.general}
            problems={problems.errors}
            ids={IDS}
            summaryRef={problems.summaryRef}
          />
          <form className="form" noValidate onSubmit={onSubmit} aria-label={t("accounts.forgot.title")}>
            <Field id={IDS.email} label={t("accounts.forgot.email")} error={problems.errors.email} required>
              <TextInput
                type="email"
                name="email"
                autoComplete="username"
                spellCheck={false}
                value={email}
                onChange={(e) => setEmail(e.target.value)}
              />
            </Field>
            <Button type="submit" busy={busy} busyLabel={t("accounts.forgot.submitting")}>
              {t("accounts.forgot.submit")}
            </Button>
          </form>
        </>
      )}
    </Page>
  );
}
