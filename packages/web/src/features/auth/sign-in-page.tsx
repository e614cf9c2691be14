import type { SecondFactorChallenge } from "@lantern/core";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Link, useLocation, useSearch } from "wouter";
import { Page } from "../../app/page.tsx";
import { paths, safeNextPath } from "../../app/paths.ts";
import { useSession } from "../../app/session.tsx";
import { Alert, Button, Field, TextInput } from "../../components/ui/index.ts";
import { t } from "../../i18n/t.ts";
import { ApiError } from "../../lib/api-client.ts";
import { describeError } from "../../lib/error-message.ts";
import { signIn, signInWait } from "./api.ts";
import { SecondFactorStep } from "./second-factor-step.tsx";
import { SingleSignOnLink, SingleSignOnRefused } from "./single-sign-on.tsx";

type FieldName = "email" | "password";
type Errors = Partial<Record<FieldName, string>>;

const FIELD_IDS: Record<FieldName, string> = { email: "sign-in-email", password: "sign-in-password" };

export function validateSignIn(email: string, password: string): Errors {
  const errors: Errors = {};
  if (!email.trim()) errors.email = t("auth.signIn.emailMissing");
  else if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) errors.email = t("auth.signIn.emailInvalid");
  if (!password) errors.password = t("auth.signIn.passwordMissing");
  return errors;
}

/**
 * After single sign-on, when a second factor comes next, the server sends the browser here with
 * the pending sign-in in the fragment (`#step=verify&pending=…`): take it, and remove it from the
 * address so it stays out of the history.
 */
function singleSignOnChallenge(): SecondFactorChallenge | null {
  const fragment = new URLSearchParams(window.location.hash.slice(1));
  const step = fragment.get("step");
  const pendingToken = fragment.get("pending");
  if ((step !== "verify" && step !== "enrol") || !pendingToken) return null;
  window.history.replaceState(window.history.state, "", window.location.pathname + window.location.search);
  return { step, pendingToken, expiresInSeconds: PENDING_SIGN_IN_SECONDS };
}

/** How long the server keeps a pending sign-in (PENDING_SIGN_IN_SECONDS on the server). */
const PENDING_SIGN_IN_SECONDS = 10 * 60;

/**
 * Sign-in. Problems are listed in a summary that takes focus (and is announced), each linking to
 * its field; the same text sits under the field, tied to it with aria-describedby.
 */
export default function SignInPage() {
  const session = useSession();
  const [, navigate] = useLocation();
  const search = useSearch();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  /** Counts failed submits: each one moves focus to the (re-rendered) summary. */
  const [attempt, setAttempt] = useState(0);
  /** The password (or the district's account) was right and a second factor comes next (no session yet). */
  const [challenge, setChallenge] = useState<SecondFactorChallenge | null>(singleSignOnChallenge);

  useEffect(() => {
    if (attempt > 0) summaryRef.current?.focus();
  }, [attempt]);

  const showProblems = (fieldErrors: Errors, general: string | null) => {
    setErrors(fieldErrors);
    setFormError(general);
    setAttempt((n) => n + 1);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found = validateSignIn(email, password);
    if (Object.keys(found).length > 0) {
      showProblems(found, null);
      return;
    }
    setBusy(true);
    try {
      const response = await signIn(email.trim(), password);
      if (response.secondFactor) {
        setBusy(false);
        setChallenge(response.secondFactor);
        return;
      }
      session.signedIn(response);
      navigate(safeNextPath(new URLSearchParams(search).get("next")), { replace: true });
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiError && error.status === 401) {
        showProblems({ email: t("auth.signIn.wrong") }, null);
      } else if (error instanceof ApiError && error.status === 429) {
        const wait = signInWait(error);
        const key = wait?.unit === "seconds" ? "auth.signIn.tooManySeconds" : "auth.signIn.tooMany";
        showProblems({}, wait === null ? error.message : t(key, { count: wait.count }));
      } else if (error instanceof ApiError && error.issues.length > 0) {
        const fromServer: Errors = {};
        for (const field of ["email", "password"] as const) {
          const issue = error.issuesFor(field)[0];
          if (issue) fromServer[field] = issue.message;
        }
        showProblems(fromServer, Object.keys(fromServer).length > 0 ? null : error.message);
      } else {
        showProblems({}, describeError(error));
      }
    }
  };

  if (challenge) {
    return (
      <Page title={t("auth.signIn.title")}>
        <SecondFactorStep
          challenge={challenge}
          onSignedIn={(response) => {
            session.signedIn(response);
            navigate(safeNextPath(new URLSearchParams(search).get("next")), { replace: true });
          }}
        />
      </Page>
    );
  }

  const problems = (Object.entries(errors) as [FieldName, string][]).filter(([, text]) => text);
  const hasProblems = problems.length > 0 || formError !== null;

  return (
    <Page title={t("auth.signIn.title")}>
      {new URLSearchParams(search).get("ended") === "1" ? (
        <Alert tone="info" title={t("auth.signIn.endedTitle")}>
          <p>{t("auth.signIn.ended")}</p>
        </Alert>
      ) : null}
      <SingleSignOnRefused reason={new URLSearchParams(search).get("sso")} />
      <p>{t("auth.signIn.intro")}</p>
      {hasProblems ? (
        <Alert tone="error" title={t("auth.signIn.errorTitle")} ref={summaryRef} tabIndex={-1}>
          {formError ? <p>{formError}</p> : null}
          {problems.length > 0 ? (
            <ul className="error-list">
              {problems.map(([field, text]) => (
                <li key={field}>
                  <a
                    href={`#${FIELD_IDS[field]}`}
                    onClick={(event) => {
                      event.preventDefault();
                      document.getElementById(FIELD_IDS[field])?.focus();
                    }}
                  >
                    {text}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      <form className="form" noValidate onSubmit={onSubmit} aria-label={t("auth.signIn.title")}>
        <Field
          id={FIELD_IDS.email}
          label={t("auth.signIn.email")}
          hint={t("auth.signIn.emailHint")}
          error={errors.email}
        >
          <TextInput
            type="email"
            name="email"
            autoComplete="username"
            spellCheck={false}
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </Field>
        <Field id={FIELD_IDS.password} label={t("auth.signIn.password")} error={errors.password}>
          <TextInput
            type="password"
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </Field>
        <Button type="submit" busy={busy} busyLabel={t("auth.signIn.submitting")}>
          {t("auth.signIn.submit")}
        </Button>
      </form>
      <SingleSignOnLink />
      <p>
        <Link href={paths.forgotPassword}>{t("auth.signIn.forgot")}</Link>
      </p>
      <p className="muted">{t("auth.signIn.family")}</p>
    </Page>
  );
}
