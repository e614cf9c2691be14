/**
 * A student's services: minutes the plan requires, minutes given, missed, not logged, and make-up
 * minutes under the district's policy — for staff and for the family (a guardian sees only their own
 * child: the server decides). Never a bare "owed": compensatory education is decided case by case.
 */
import type { ServiceMinutesView } from "@lantern/core";
import { Link } from "wouter";
import { Page } from "../../app/page.tsx";
import { paths, type RouteParams } from "../../app/paths.ts";
import { Alert, DataTable } from "../../components/ui/index.ts";
import { longDate } from "../../i18n/dates.ts";
import { getLocale, t } from "../../i18n/t.ts";
import { describeError } from "../../lib/error-message.ts";
import { useRequest } from "../../lib/use-request.ts";
import { deliverySummaryPdfUrl, getServiceMinutes, getStudentHeading } from "./api.ts";
import { areaLabel, statusLabel } from "./enforcement-text.ts";
import "./enforcement.css";

const REASONS = [
  "provider-absent",
  "student-unavailable",
  "school-closed",
  "disciplinary-removal",
  "disability-related-absence",
  "student-absent",
] as const;

function ScheduleCell({ s }: { s: ServiceMinutesView }) {
  if (!s.behindSchedule.isBehind) return <>{t("enforcement.minutes.onSchedule")}</>;
  return (
    <span className="behind">
      {t("enforcement.minutes.behind", { percent: Math.round((s.behindSchedule.ratio ?? 0) * 100) })}
    </span>
  );
}

export default function ServiceMinutesPage({ params }: { params: RouteParams }) {
  const id = params.id ?? "";
  const request = useRequest(`service-minutes:${id}`, async (signal) => {
    const [student, minutes] = await Promise.all([getStudentHeading(id, signal), getServiceMinutes(id, signal)]);
    return { student, minutes };
  });

  if (request.status === "loading") {
    return (
      <Page title={t("enforcement.minutes.titleFallback")}>
        <p role="status">{t("common.loading")}</p>
      </Page>
    );
  }
  if (request.status === "error") {
    return (
      <Page title={t("enforcement.minutes.titleFallback")}>
        <Alert tone="error" title={t("enforcement.minutes.loadError")}>
          <p>{describeError(request.error)}</p>
        </Alert>
      </Page>
    );
  }
  const { student, minutes } = request.data;
  const range = { from: longDate(minutes.from), through: longDate(minutes.through) };
  return (
    <Page title={t("enforcement.minutes.title", { name: `${student.firstName} ${student.lastName}` })}>
      <p>{t("enforcement.minutes.intro", range)}</p>
      <p className="muted">{t("enforcement.minutes.owedExplained")}</p>
      <p className="muted">{t("enforcement.minutes.removalExplained")}</p>
      {minutes.services.length === 0 ? (
        <p>{t("enforcement.minutes.noServices")}</p>
      ) : (
        <>
          <p className="owed-total" data-testid="owed-total">
            {t("enforcement.minutes.totalOwed", { count: minutes.totals.compensatoryOwed })}
          </p>
          <p data-testid="to-explain">
            {t("enforcement.minutes.toExplain", { count: minutes.totals.schoolMustExplain })}
          </p>
          <DataTable
            caption={t("enforcement.minutes.caption", range)}
            rows={minutes.services}
            rowKey={(s) => s.serviceId}
            columns={[
              {
                id: "service",
                header: t("enforcement.minutes.column.service"),
                cell: (s) => areaLabel(s.area),
                rowHeader: true,
              },
              { id: "required", header: t("enforcement.minutes.column.required"), cell: (s) => s.required.minutes },
              { id: "provided", header: t("enforcement.minutes.column.provided"), cell: (s) => s.provided },
              { id: "missed", header: t("enforcement.minutes.column.missed"), cell: (s) => s.missed.total },
              { id: "notLogged", header: t("enforcement.minutes.column.notLogged"), cell: (s) => s.notLogged.minutes },
              {
                id: "owed",
                header: t("enforcement.minutes.column.owed"),
                cell: (s) => s.compensatoryOwed.minutes,
              },
              { id: "schedule", header: t("enforcement.minutes.column.schedule"), cell: (s) => <ScheduleCell s={s} /> },
            ]}
          />
          {minutes.services.map((s) => (
            <section key={s.serviceId} className="panel" aria-labelledby={`details-${s.serviceId}`}>
              <h2 id={`details-${s.serviceId}`}>{t("enforcement.minutes.details", { service: areaLabel(s.area) })}</h2>
              <p>
                {t("enforcement.minutes.providedDetail", { delivered: s.delivered.minutes, madeUp: s.madeUp.minutes })}
              </p>
              {s.notLogged.minutes > 0 ? (
                <p>{t("enforcement.minutes.notLoggedDetail", { minutes: s.notLogged.minutes })}</p>
              ) : null}
              {s.disciplinaryRemoval.afterTenDays.minutes > 0 ? (
                <p>{t("enforcement.minutes.removalDetail", { minutes: s.disciplinaryRemoval.afterTenDays.minutes })}</p>
              ) : null}
              {s.missed.total === 0 ? (
                <p>{t("enforcement.minutes.noMissed")}</p>
              ) : (
                <ul>
                  {REASONS.filter((r) => s.missed[r].minutes > 0).map((r) => (
                    <li key={r}>
                      {t("enforcement.minutes.missedDetail", { reason: statusLabel(r), minutes: s.missed[r].minutes })}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ))}
        </>
      )}
      <ul className="plain-list">
        <li>
          <a href={deliverySummaryPdfUrl(id)} download>
            {t("enforcement.minutes.pdf")}
          </a>
        </li>
        {getLocale() === "en" ? (
          <li>
            <a href={deliverySummaryPdfUrl(id, "es")} hrefLang="es" download>
              {t("enforcement.minutes.pdfSpanish")}
            </a>
          </li>
        ) : null}
        <li>
          <Link href={paths.studentProgress(id)}>{t("enforcement.minutes.progressLink")}</Link>
        </li>
      </ul>
    </Page>
  );
}
