import { type FormEvent, useState } from "react";
import { Alert, Button, ConfirmDialog, Field, TextArea, TextInput } from "../../components/ui/index.ts";
import { t } from "../../i18n/t.ts";
import { ApiError } from "../../lib/api-client.ts";
import { describeError } from "../../lib/error-message.ts";
import { type PlanDetail, plansApi } from "./api.ts";

type Props = { studentId: string; detail: PlanDetail; onChanged: () => void };

function issueFor(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.issuesFor(field)[0]?.message : undefined;
}

/**
 * Amend a plan in effect (a new version). Without a meeting the parent's written agreement is
 * needed (34 CFR 300.324(a)(4)); the server checks it and names what is missing.
 */
export function AmendForm({ studentId, detail, onChanged }: Props) {
  const [description, setDescription] = useState("");
  const [atMeeting, setAtMeeting] = useState(true);
  const [agreementDate, setAgreementDate] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await plansApi.step(studentId, detail.plan.id, "amend", {
        kind: "amendment",
        amendment: {
          madeAtMeeting: atMeeting,
          description,
          parentWrittenAgreementDate: atMeeting || agreementDate === "" ? null : agreementDate,
        },
      });
      onChanged();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }
  return (
    <form onSubmit={submit} className="subpanel" aria-labelledby="amend-heading" noValidate>
      <h3 id="amend-heading">{t("plans.amend.heading")}</h3>
      <p className="muted">{t("plans.amend.explain")}</p>
      {error ? <Alert tone="error">{describeError(error)}</Alert> : null}
      <TextArea
        label={t("plans.amend.description")}
        name="amend-description"
        value={description}
        onChange={setDescription}
        {...(issueFor(error, "description") ? { error: issueFor(error, "description") as string } : {})}
      />
      <div className="checkbox-field">
        <label>
          <input type="checkbox" checked={atMeeting} onChange={(e) => setAtMeeting(e.target.checked)} />{" "}
          {t("plans.amend.atMeeting")}
        </label>
      </div>
      {atMeeting ? null : (
        <Field
          label={t("plans.amend.agreementDate")}
          hint={t("plans.amend.agreementHint")}
          {...(issueFor(error, "parentWrittenAgreementDate")
            ? { error: issueFor(error, "parentWrittenAgreementDate") }
            : {})}
        >
          <TextInput type="date" value={agreementDate} onChange={(e) => setAgreementDate(e.target.value)} />
        </Field>
      )}
      <Button type="submit" variant="secondary" busy={busy}>
        {t("plans.amend.submit")}
      </Button>
    </form>
  );
}

/** End a plan, with the reason kept on the plan record, after saying what ending it means. */
export function EndForm({ studentId, detail, onChanged }: Props) {
  const [reason, setReason] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [missingReason, setMissingReason] = useState(false);
  function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setMissingReason(!reason.trim());
    if (reason.trim()) setConfirming(true);
  }
  async function end() {
    setBusy(true);
    try {
      await plansApi.step(studentId, detail.plan.id, "end", { action: "end", reason });
      setConfirming(false);
      onChanged();
    } catch (e) {
      setError(e);
      setBusy(false);
      setConfirming(false);
    }
  }
  const reasonError = missingReason ? t("plans.end.reasonRequired") : issueFor(error, "reason");
  return (
    <form onSubmit={submit} className="subpanel" aria-labelledby="end-heading" noValidate>
      <h3 id="end-heading">{t("plans.end.heading")}</h3>
      {error && !reasonError ? <Alert tone="error">{describeError(error)}</Alert> : null}
      <TextArea
        label={t("plans.end.reason")}
        name="end-reason"
        value={reason}
        onChange={setReason}
        {...(reasonError ? { error: reasonError } : {})}
      />
      <Button type="submit" variant="secondary" busy={busy}>
        {t("plans.end.submit")}
      </Button>
      <ConfirmDialog
        open={confirming}
        title={t("plans.end.confirm.title")}
        confirmLabel={t("plans.end.confirm.yes")}
        cancelLabel={t("plans.confirm.cancel")}
        busy={busy}
        onConfirm={end}
        onCancel={() => setConfirming(false)}
      >
        <p>{t("plans.end.confirm.body", { reason: reason.trim() })}</p>
      </ConfirmDialog>
    </form>
  );
}
