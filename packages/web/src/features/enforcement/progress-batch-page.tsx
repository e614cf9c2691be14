import { type FormEvent, useState } from "react";
import { Link } from "wouter";
import { Page } from "../../app/page.tsx";
import { paths } from "../../app/paths.ts";
import { Alert, Button, Field, StatusRegion, TextInput } from "../../components/ui/index.ts";
import { t } from "../../i18n/t.ts";
import { ApiError } from "../../lib/api-client.ts";
import { describeError } from "../../lib/error-message.ts";
import { useRequest } from "../../lib/use-request.ts";
import { getProgress, listCaseload, recordProgressBatch } from "./api.ts";

type Row = {
  key: string;
  studentId: string;
  studentName: string;
  goalId: string;
  label: string;
  unit: string;
  last: number | null;
};

async function loadRows(signal: AbortSignal): Promise<Row[]> {
  const students = await listCaseload(signal);
  const rows: Row[] = [];
  for (const s of students.items) {
    if (!s.plans.some((p) => p.type === "iep")) continue;
    const progress = await getProgress(s.id, signal);
    for (const g of progress.goals) {
      rows.push({
        key: `${s.id}:${g.goal.goalId}`,
        studentId: s.id,
        studentName: `${s.firstName} ${s.lastName}`,
        goalId: g.goal.goalId,
        label: g.goal.label,
        unit: g.goal.unit,
        last: g.points.at(-1)?.value ?? null,
      });
    }
  }
  return rows;
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** Enter today's data for every goal on the caseload on one keyboard-friendly screen. */
export default function ProgressBatchPage() {
  const request = useRequest("progress-batch", (signal) => loadRows(signal));
  const [date, setDate] = useState(today());
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent, rows: Row[]) {
    event.preventDefault();
    const found: Record<string, string> = {};
    const entries: Array<{ studentId: string; goalId: string; date: string; value: number }> = [];
    for (const row of rows) {
      const raw = (values[row.key] ?? "").trim();
      if (raw === "") continue;
      const value = Number(raw);
      if (!Number.isFinite(value)) found[row.key] = t("enforcement.batch.notNumber");
      else entries.push({ studentId: row.studentId, goalId: row.goalId, date, value });
    }
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    if (entries.length === 0) {
      setFailure(t("enforcement.batch.nothing"));
      return;
    }
    setBusy(true);
    try {
      await recordProgressBatch(entries);
      setValues({});
      setStatus(t("enforcement.batch.saved", { count: entries.length }));
    } catch (e) {
      setFailure(e instanceof ApiError ? e.message : describeError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title={t("enforcement.batch.title")}>
      <p className="lead">{t("enforcement.batch.intro")}</p>
      {request.status === "loading" ? <p role="status">{t("common.loading")}</p> : null}
      {request.status === "error" ? <Alert tone="error">{describeError(request.error)}</Alert> : null}
      {request.status === "ok" ? (
        request.data.length === 0 ? (
          <p>{t("enforcement.batch.none")}</p>
        ) : (
          <form onSubmit={(e) => submit(e, request.data)} noValidate>
            <Field label={t("enforcement.batch.date")}>
              <TextInput type="date" value={date} onChange={(e) => setDate(e.target.value)} />
            </Field>
            {failure ? <Alert tone="error">{failure}</Alert> : null}
            <table className="data-table">
              <caption>{t("enforcement.batch.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("enforcement.batch.student")}</th>
                  <th scope="col">{t("enforcement.batch.goal")}</th>
                  <th scope="col">{t("enforcement.batch.last")}</th>
                  <th scope="col">{t("enforcement.batch.value")}</th>
                </tr>
              </thead>
              <tbody>
                {request.data.map((row) => {
                  const id = `value-${row.key.replace(/[^a-zA-Z0-9-]/g, "-")}`;
                  const error = errors[row.key];
                  return (
                    <tr key={row.key}>
                      <th scope="row">
                        <Link href={paths.studentProgress(row.studentId)}>{row.studentName}</Link>
                      </th>
                      <td>{row.label}</td>
                      <td>{row.last === null ? "—" : `${row.last} ${row.unit}`}</td>
                      <td>
                        <label className="visually-hidden" htmlFor={id}>
                          {t("enforcement.batch.valueFor", {
                            student: row.studentName,
                            goal: row.label,
                            unit: row.unit,
                          })}
                        </label>
                        <input
                          id={id}
                          className="text-input"
                          inputMode="decimal"
                          value={values[row.key] ?? ""}
                          aria-invalid={error ? true : undefined}
                          aria-describedby={error ? `${id}-error` : undefined}
                          onChange={(e) => setValues((v) => ({ ...v, [row.key]: e.target.value }))}
                        />
                        {error ? (
                          <p className="field-error" id={`${id}-error`}>
                            {error}
                          </p>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <Button type="submit" busy={busy}>
              {t("enforcement.batch.submit")}
            </Button>
            <StatusRegion message={status} visible />
          </form>
        )
      ) : null}
    </Page>
  );
}
