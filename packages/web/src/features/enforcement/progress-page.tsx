/**
 * Progress toward each goal: a plain-language status for the family, the hint from the last four
 * scores, an accessible chart with its data table, and (for staff) a form to record a score.
 */
import { progressStatement, type StudentProgress } from "@lantern/core";
import { type FormEvent, useState } from "react";
import { Page } from "../../app/page.tsx";
import type { RouteParams } from "../../app/paths.ts";
import { useSession } from "../../app/session.tsx";
import { Alert, Button, Field, Select, StatusRegion, TextInput } from "../../components/ui/index.ts";
import { longDate } from "../../i18n/dates.ts";
import { label } from "../../i18n/labels.ts";
import { getLocale, t } from "../../i18n/t.ts";
import { englishText } from "../../i18n/written-in.tsx";
import { ApiError } from "../../lib/api-client.ts";
import { describeError } from "../../lib/error-message.ts";
import { useRequest } from "../../lib/use-request.ts";
import { getProgress, getStudentHeading, progressReportPdfUrl, recordDataPoint } from "./api.ts";
import { GoalChart } from "./goal-chart.tsx";
import "./enforcement.css";

const STAFF_WHO_RECORD = new Set(["case-manager", "section-504-coordinator", "teacher", "related-service-provider"]);

function RecordScore({
  studentId,
  progress,
  onSaved,
}: {
  studentId: string;
  progress: StudentProgress;
  onSaved(): void;
}) {
  const [goalId, setGoalId] = useState(progress.goals[0]?.goal.goalId ?? "");
  const [date, setDate] = useState("");
  const [value, setValue] = useState("");
  const [errors, setErrors] = useState<{ date?: string; value?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState("");

  async function submit(event: FormEvent) {
    event.preventDefault();
    const next: typeof errors = {};
    if (!date) next.date = t("enforcement.progress.record.dateRequired");
    if (value.trim() === "" || Number.isNaN(Number(value))) next.value = t("enforcement.progress.record.valueRequired");
    setErrors(next);
    if (next.date || next.value) return;
    setBusy(true);
    try {
      await recordDataPoint(studentId, { goalId, date, value: Number(value) });
      setMessage(t("enforcement.progress.record.saved"));
      setValue("");
      onSaved();
    } catch (error) {
      setErrors({ form: error instanceof ApiError ? error.message : describeError(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="panel" noValidate>
      <fieldset>
        <legend>{t("enforcement.progress.record.legend")}</legend>
        {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
        <Field label={t("enforcement.progress.record.goal")}>
          <Select
            value={goalId}
            onChange={(e) => setGoalId(e.target.value)}
            options={progress.goals.map((g) => ({ value: g.goal.goalId, label: g.goal.label || g.goal.goalId }))}
          />
        </Field>
        <Field label={t("enforcement.progress.record.date")} error={errors.date} required>
          <TextInput type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </Field>
        <Field label={t("enforcement.progress.record.value")} error={errors.value} required>
          <TextInput inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} />
        </Field>
        <Button type="submit" busy={busy}>
          {t("enforcement.progress.record.submit")}
        </Button>
        <StatusRegion message={message} visible />
      </fieldset>
    </form>
  );
}

export default function ProgressPage({ params }: { params: RouteParams }) {
  const id = params.id ?? "";
  const session = useSession();
  const [latest, setLatest] = useState<StudentProgress | null>(null);
  const request = useRequest(`progress:${id}`, async (signal) => {
    const [student, progress] = await Promise.all([getStudentHeading(id, signal), getProgress(id, signal)]);
    return { student, progress };
  });

  if (request.status === "loading") {
    return (
      <Page title={t("enforcement.progress.titleFallback")}>
        <p role="status">{t("common.loading")}</p>
      </Page>
    );
  }
  if (request.status === "error") {
    return (
      <Page title={t("enforcement.progress.titleFallback")}>
        <Alert tone="error" title={t("enforcement.progress.loadError")}>
          <p>{describeError(request.error)}</p>
        </Alert>
      </Page>
    );
  }
  const { student } = request.data;
  const progress = latest ?? request.data.progress;
  const today = new Date().toISOString().slice(0, 10);
  const pastReports = progress.reportDates.filter((d) => d <= today);
  const canRecord = session.user?.roles.some((r) => STAFF_WHO_RECORD.has(r.role)) ?? false;
  return (
    <Page title={t("enforcement.progress.title", { name: `${student.firstName} ${student.lastName}` })}>
      <p>{t("enforcement.progress.intro")}</p>
      {progress.goals.length === 0 ? <p>{t("enforcement.progress.noGoals")}</p> : null}
      {progress.goals.map(({ goal, analysis }) => (
        <section key={goal.goalId} className="panel" aria-labelledby={`goal-${goal.goalId}`}>
          <h2 id={`goal-${goal.goalId}`} {...englishText()}>
            {goal.label || goal.goalId}
          </h2>
          <p>
            <strong>{label("progressStatus", analysis.status)}.</strong>{" "}
            {getLocale() === "en" ? analysis.statement : progressStatement(goal, analysis, getLocale())}
          </p>
          <p className="muted">{t(`enforcement.progress.hint.${analysis.decision.outcome}`)}</p>
          <GoalChart goal={goal} analysis={analysis} />
        </section>
      ))}
      {canRecord && progress.goals.length > 0 ? (
        <RecordScore studentId={id} progress={progress} onSaved={() => getProgress(id).then(setLatest, () => {})} />
      ) : null}
      <p>
        <a href={progressReportPdfUrl(id)} download>
          {t("enforcement.progress.pdf")}
        </a>
        {getLocale() === "en" ? (
          <>
            {" · "}
            <a href={progressReportPdfUrl(id, undefined, "es")} hrefLang="es" download>
              {t("enforcement.progress.pdfSpanish")}
            </a>
          </>
        ) : null}
      </p>
      {pastReports.length > 0 ? (
        <section className="panel" aria-labelledby="progress-reports">
          <h2 id="progress-reports">{t("enforcement.progress.reports.title")}</h2>
          <p>{t("enforcement.progress.reports.intro")}</p>
          <ul>
            {pastReports.map((date) => (
              <li key={date}>
                <a href={progressReportPdfUrl(id, date)} download>
                  {t("enforcement.progress.reports.item", { date: longDate(date) })}
                </a>
                {getLocale() === "en" ? (
                  <>
                    {" · "}
                    <a href={progressReportPdfUrl(id, date, "es")} hrefLang="es" download>
                      {t("enforcement.progress.reports.itemSpanish")}
                    </a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Page>
  );
}
