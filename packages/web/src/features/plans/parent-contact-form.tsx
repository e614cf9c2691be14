import { CONTACT_METHODS } from "@lantern/core";
import { type FormEvent, useState } from "react";
import { Alert, Button, Field, Select, TextArea, TextInput } from "../../components/ui/index.ts";
import { longDate } from "../../i18n/dates.ts";
import { label, labelOrCode } from "../../i18n/labels.ts";
import { t } from "../../i18n/t.ts";
import { describeError } from "../../lib/error-message.ts";
import { type PlanDetail, plansApi } from "./api.ts";

type Attempt = { date: string; method: string; result: string };

/**
 * The record of attempts to involve the parent: a school may meet without the parent only after
 * documented attempts — calls and their results, letters, visits (34 CFR 300.322(d)).
 */
export function ParentContactForm({
  studentId,
  detail,
  meetingId,
  attempts,
  onChanged,
}: {
  studentId: string;
  detail: PlanDetail;
  meetingId: string;
  attempts: readonly Attempt[];
  onChanged: () => void;
}) {
  const [date, setDate] = useState("");
  const [method, setMethod] = useState<string>("phone");
  const [result, setResult] = useState("");
  const [error, setError] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!date) {
      setError(t("plans.contact.dateRequired"));
      return;
    }
    setError(undefined);
    setFailure(null);
    setBusy(true);
    try {
      await plansApi.recordAttendance(studentId, detail.plan.id, meetingId, {
        attendance: [],
        parentContactAttempts: [{ date, method, result }],
      });
      setDate("");
      setResult("");
      onChanged();
    } catch (e) {
      setFailure(describeError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} aria-labelledby="contact-heading" noValidate>
      <h3 id="contact-heading">{t("plans.contact.heading")}</h3>
      <p className="muted">{t("plans.contact.explain")}</p>
      {attempts.length > 0 ? (
        <ul className="plain-list" data-testid="contact-attempts">
          {attempts.map((a) => (
            <li key={`${a.date}-${a.method}-${a.result}`}>
              {t("plans.contact.item", {
                date: longDate(a.date),
                method: labelOrCode("contactMethod", a.method),
                result: a.result,
              })}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("plans.contact.none")}</p>
      )}
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <Field label={t("plans.contact.date")} error={error} required>
        <TextInput type="date" value={date} onChange={(e) => setDate(e.target.value)} />
      </Field>
      <Field label={t("plans.contact.method")}>
        <Select
          value={method}
          onChange={(e) => setMethod(e.target.value)}
          options={CONTACT_METHODS.map((m) => ({ value: m, label: label("contactMethod", m) }))}
        />
      </Field>
      <TextArea label={t("plans.contact.result")} name="contact-result" value={result} onChange={setResult} />
      <Button type="submit" variant="secondary" busy={busy}>
        {t("plans.contact.submit")}
      </Button>
    </form>
  );
}
