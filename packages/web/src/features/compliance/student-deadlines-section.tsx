import type { PlanComplianceView } from "@lantern/core";
import { Link } from "wouter";
import { paths } from "../../app/paths.ts";
import { Alert, type Column, DataTable, TermsUsed } from "../../components/ui/index.ts";
import { longDate } from "../../i18n/dates.ts";
import { label } from "../../i18n/labels.ts";
import { t } from "../../i18n/t.ts";
import { describeError } from "../../lib/error-message.ts";
import { useRequest } from "../../lib/use-request.ts";
import { getPlanCompliance } from "./api.ts";

type Plan = { id: string; type: "iep" | "section-504"; status: string };
type DeadlineRow = PlanComplianceView["deadlines"][number];

function PlanDeadlines({
  studentId,
  plan,
  planName,
  forFamily,
}: {
  studentId: string;
  plan: Plan;
  planName: string;
  forFamily: boolean;
}) {
  const request = useRequest(`compliance:${plan.id}`, (signal) => getPlanCompliance(studentId, plan.id, signal));
  const headingId = `deadlines-${plan.id}`;
  const columns: Column<DeadlineRow>[] = [
    { id: "what", header: t("compliance.student.deadline"), cell: (d) => d.label, rowHeader: true },
    { id: "due", header: t("compliance.student.dueBy"), cell: (d) => longDate(d.dueDate) },
    {
      id: "state",
      header: t("compliance.student.state"),
      cell: (d) => <span className={`badge badge-${d.state}`}>{label("deadlineState", d.state)}</span>,
    },
  ];
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{t("compliance.student.planHeading", { plan: planName })}</h3>
      {request.status === "loading" ? (
        <p role="status">{t("common.loading")}</p>
      ) : request.status === "error" ? (
        <Alert tone="error" title={t("compliance.student.loadError")}>
          <p>{describeError(request.error)}</p>
        </Alert>
      ) : forFamily ? (
        <ul className="plain-list" data-testid={`plain-deadlines-${plan.id}`}>
          {request.data.plainLanguage.map((sentence) => (
            <li key={sentence}>{sentence}</li>
          ))}
        </ul>
      ) : (
        <>
          <DataTable
            caption={t("compliance.student.deadlinesCaption")}
            columns={columns}
            rows={request.data.deadlines}
            rowKey={(d) => `${d.kind}-${d.dueDate}`}
          />
          <h4>{t("compliance.student.findingsTitle")}</h4>
          {request.data.findings.length === 0 ? (
            <p>{t("compliance.student.noFindings")}</p>
          ) : (
            <ul className="findings">
              {request.data.findings.map((f) => (
                <li key={`${f.code}-${f.place}`}>
                  <strong>{f.message}</strong> <span className="muted">({f.citation})</span>
                  <br />
                  {f.fix} <Link href={`${paths.studentPlan(studentId, plan.id)}`}>{planName}</Link>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

/** Each open plan's legal deadlines and checks: plain sentences for families, tables and fixes for staff. */
export function StudentDeadlinesSection({
  studentId,
  firstName,
  plans,
  planName,
  forFamily,
}: {
  studentId: string;
  firstName: string;
  plans: readonly Plan[];
  planName: (plan: Plan) => string;
  forFamily: boolean;
}) {
  const open = plans.filter((p) => p.status !== "ended");
  return (
    <section aria-labelledby="student-deadlines" className="panel">
      <h2 id="student-deadlines">{t("compliance.student.title")}</h2>
      <p className="muted">{t("compliance.student.intro", { name: firstName })}</p>
      {open.length === 0 ? (
        <p>{t("compliance.student.noPlans", { name: firstName })}</p>
      ) : (
        open.map((plan) => (
          <PlanDeadlines
            key={plan.id}
            studentId={studentId}
            plan={plan}
            planName={planName(plan)}
            forFamily={forFamily}
          />
        ))
      )}
      <TermsUsed terms={[["deadline", t("glossary.word.deadline")]]} />
    </section>
  );
}
