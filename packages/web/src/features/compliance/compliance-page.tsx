import type { ComplianceDashboard, DeadlineList } from "@lantern/core";
import { describeFinding, FINDING_RULES } from "@lantern/core";
import { type FormEvent, type ReactNode, useState } from "react";
import { Link, useLocation, useSearch } from "wouter";
import { Page } from "../../app/page.tsx";
import { paths } from "../../app/paths.ts";
import { useSignedInUser } from "../../app/session.tsx";
import {
  Alert,
  Button,
  type Column,
  DataTable,
  Field,
  Pagination,
  Select,
  TermsUsed,
} from "../../components/ui/index.ts";
import { longDate } from "../../i18n/dates.ts";
import { label } from "../../i18n/labels.ts";
import { getLocale, t } from "../../i18n/t.ts";
import { describeError } from "../../lib/error-message.ts";
import { useRequest } from "../../lib/use-request.ts";
import { csvLinks, type DashboardFilters, getDashboard, getOverdue } from "./api.ts";
import { CalendarFeedSection } from "./calendar-feed-section.tsx";
import { TrendSection } from "./trend-section.tsx";

type Scope = NonNullable<DashboardFilters["scope"]>;

function scopesFor(roles: ReadonlyArray<{ role: string }>): Scope[] {
  const scopes: Scope[] = [];
  if (roles.some((r) => r.role === "district-admin")) scopes.push("district");
  if (roles.some((r) => r.role === "school-admin")) scopes.push("school");
  if (roles.some((r) => !["district-admin", "school-admin", "guardian", "advocate"].includes(r.role))) {
    scopes.push("caseload");
  }
  return scopes;
}

function filtersFrom(search: string, scopes: Scope[]): DashboardFilters {
  const q = new URLSearchParams(search);
  const scope = q.get("scope") as Scope | null;
  const planType = q.get("planType");
  return {
    scope: scope && scopes.includes(scope) ? scope : scopes[0],
    planType: planType === "iep" || planType === "section-504" ? planType : undefined,
    status: q.get("status") === "open" ? "open" : "in-effect",
  };
}

function FilterForm({ filters, scopes }: { filters: DashboardFilters; scopes: Scope[] }) {
  const [, navigate] = useLocation();
  const [scope, setScope] = useState<string>(filters.scope ?? "");
  const [planType, setPlanType] = useState<string>(filters.planType ?? "");
  const [status, setStatus] = useState<string>(filters.status);
  function submit(event: FormEvent) {
    event.preventDefault();
    const q = new URLSearchParams();
    if (scope) q.set("scope", scope);
    if (planType) q.set("planType", planType);
    if (status !== "in-effect") q.set("status", status);
    navigate(`${paths.compliance}?${q.toString()}`);
  }
  return (
    <form onSubmit={submit} className="panel filters" aria-labelledby="compliance-filters">
      <h2 id="compliance-filters">{t("compliance.filters.title")}</h2>
      {scopes.length > 1 ? (
        <Field label={t("compliance.filters.scope")}>
          <Select
            value={scope}
            onChange={(e) => setScope(e.target.value)}
            options={scopes.map((s) => ({ value: s, label: t(`compliance.filters.scope.${s}`) }))}
          />
        </Field>
      ) : null}
      <Field label={t("compliance.filters.planType")}>
        <Select
          value={planType}
          onChange={(e) => setPlanType(e.target.value)}
          options={[
            { value: "", label: t("compliance.filters.planType.all") },
            { value: "iep", label: t("compliance.filters.planType.iep") },
            { value: "section-504", label: t("compliance.filters.planType.section-504") },
          ]}
        />
      </Field>
      <Field label={t("compliance.filters.status")}>
        <Select
          value={status}
          onChange={(e) => setStatus(e.target.value)}
          options={[
            { value: "in-effect", label: t("compliance.filters.status.in-effect") },
            { value: "open", label: t("compliance.filters.status.open") },
          ]}
        />
      </Field>
      <Button type="submit">{t("compliance.filters.apply")}</Button>
    </form>
  );
}

function Summary({ data }: { data: ComplianceDashboard }) {
  const items: Array<[string, number]> = [
    [t("compliance.summary.plans"), data.plans.total],
    [t("compliance.summary.ieps"), data.plans.iep],
    [t("compliance.summary.section504"), data.plans.section504],
    [t("compliance.summary.withErrors"), data.plans.withErrors],
    [t("compliance.summary.overdue"), data.deadlines.overdue],
    [t("compliance.summary.dueSoon"), data.deadlines.dueSoon],
  ];
  return (
    <section aria-labelledby="compliance-summary" className="panel">
      <h2 id="compliance-summary">{t("compliance.summary.title")}</h2>
      <p className="muted">
        {t("compliance.summary.asOf", { date: longDate(data.today), days: String(data.dueSoonDays) })}
      </p>
      <dl className="facts" data-testid="compliance-summary">
        {items.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value.toLocaleString(getLocale())}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

type KindRow = ComplianceDashboard["deadlines"]["byKind"][number];
type FindingRow = ComplianceDashboard["findings"][number];
type OverdueRow = DeadlineList["items"][number];

function OverdueList({ filters }: { filters: DashboardFilters }) {
  const key = JSON.stringify(filters);
  const first = useRequest(`overdue:${key}`, (signal) => getOverdue(filters, null, signal));
  const [extra, setExtra] = useState<{ key: string; rows: OverdueRow[]; next: string | null } | null>(null);
  const [loading, setLoading] = useState(false);
  if (first.status === "loading") return <p role="status">{t("common.loading")}</p>;
  if (first.status === "error") return <Alert tone="error">{describeError(first.error)}</Alert>;
  const more = extra?.key === key ? extra : null;
  const rows = [...first.data.items, ...(more?.rows ?? [])];
  const next = more ? more.next : first.data.nextCursor;
  const columns: Column<OverdueRow>[] = [
    {
      id: "student",
      header: t("compliance.overdue.student"),
      cell: (r) => <Link href={paths.student(r.studentId)}>{r.studentName}</Link>,
      rowHeader: true,
    },
    { id: "deadline", header: t("compliance.overdue.deadline"), cell: (r) => r.label },
    { id: "due", header: t("compliance.overdue.due"), cell: (r) => longDate(r.dueDate) },
    { id: "late", header: t("compliance.overdue.late"), cell: (r) => String(-r.daysLeft) },
  ];
  async function loadMore() {
    if (!next) return;
    setLoading(true);
    try {
      const page = await getOverdue(filters, next);
      setExtra({ key, rows: [...(more?.rows ?? []), ...page.items], next: page.nextCursor });
    } finally {
      setLoading(false);
    }
  }
  return (
    <>
      <DataTable
        caption={t("compliance.overdue.caption")}
        columns={columns}
        rows={rows}
        rowKey={(r) => r.id}
        empty={t("compliance.overdue.none")}
      />
      {rows.length > 0 ? (
        <Pagination
          summary={t("compliance.overdue.summary", { count: rows.length })}
          hasMore={next !== null}
          loading={loading}
          onLoadMore={loadMore}
          loadMoreLabel={t("compliance.overdue.more")}
          loadingLabel={t("compliance.overdue.loading")}
          doneLabel={t("compliance.overdue.done")}
        />
      ) : null}
    </>
  );
}

/**
 * Caseload, school and district dashboards: counts by deadline state and by finding, overdue list,
 * CSV. `serviceAlerts` (services falling behind, from enforcement) is shown for a caseload; `app/`
 * passes it in.
 */
export function CompliancePage({ serviceAlerts }: { serviceAlerts: ReactNode }) {
  const user = useSignedInUser();
  const scopes = scopesFor(user.roles);
  const search = useSearch();
  const filters = filtersFrom(search, scopes);
  const request = useRequest(`dashboard:${JSON.stringify(filters)}`, (signal) => getDashboard(filters, signal));
  const csv = csvLinks(filters);

  const kindColumns: Column<KindRow>[] = [
    { id: "kind", header: t("compliance.deadlines.kind"), cell: (r) => label("deadlineKind", r.kind), rowHeader: true },
    { id: "overdue", header: t("compliance.deadlines.overdue"), cell: (r) => String(r.overdue) },
    { id: "dueSoon", header: t("compliance.deadlines.dueSoon"), cell: (r) => String(r.dueSoon) },
    { id: "due", header: t("compliance.deadlines.due"), cell: (r) => String(r.due) },
    { id: "met", header: t("compliance.deadlines.met"), cell: (r) => String(r.met) },
  ];
  const findingColumns: Column<FindingRow>[] = [
    {
      id: "problem",
      header: t("compliance.findings.problem"),
      cell: (r) => describeFinding(r),
      rowHeader: true,
    },
    { id: "severity", header: t("compliance.findings.severity"), cell: (r) => label("severity", r.severity) },
    { id: "plans", header: t("compliance.findings.plans"), cell: (r) => String(r.plans) },
    { id: "law", header: t("compliance.findings.law"), cell: (r) => FINDING_RULES[r.code].citation },
  ];

  return (
    <Page title={t("compliance.title")}>
      <p className="lead">{t("compliance.intro")}</p>
      <FilterForm key={search} filters={filters} scopes={scopes} />
      {request.status === "loading" ? (
        <p role="status">{t("common.loading")}</p>
      ) : request.status === "error" ? (
        <Alert tone="error" title={t("compliance.loadError")}>
          <p>{describeError(request.error)}</p>
        </Alert>
      ) : (
        <>
          <Summary data={request.data} />
          <TrendSection points={request.data.trend} />
          <section aria-labelledby="compliance-deadlines" className="panel">
            <h2 id="compliance-deadlines">{t("compliance.deadlines.caption")}</h2>
            <DataTable
              caption={t("compliance.deadlines.caption")}
              columns={kindColumns}
              rows={request.data.deadlines.byKind}
              rowKey={(r) => r.kind}
              empty={t("compliance.deadlines.none")}
            />
          </section>
          <section aria-labelledby="compliance-findings" className="panel">
            <h2 id="compliance-findings">{t("compliance.findings.caption")}</h2>
            <DataTable
              caption={t("compliance.findings.caption")}
              columns={findingColumns}
              rows={request.data.findings}
              rowKey={(r) => `${r.code}-${r.severity}`}
              empty={t("compliance.findings.none")}
            />
          </section>
        </>
      )}
      {scopes.includes("caseload") ? serviceAlerts : null}
      {scopes.includes("district") || scopes.includes("school") ? (
        <section aria-labelledby="compliance-services" className="panel">
          <h2 id="compliance-services">{t("compliance.services.title")}</h2>
          <p>{t("compliance.services.intro")}</p>
          <Link href={paths.serviceFidelity}>{t("compliance.services.link")}</Link>
        </section>
      ) : null}
      <section aria-labelledby="compliance-overdue" className="panel">
        <h2 id="compliance-overdue">{t("compliance.overdue.title")}</h2>
        <OverdueList filters={filters} />
      </section>
      <section aria-labelledby="compliance-csv" className="panel">
        <h2 id="compliance-csv">{t("compliance.csv.title")}</h2>
        <ul className="link-list">
          <li>
            <a href={csv.dashboard} download>
              {t("compliance.csv.dashboard")}
            </a>
          </li>
          <li>
            <a href={csv.overdue} download>
              {t("compliance.csv.overdue")}
            </a>
          </li>
        </ul>
      </section>
      <CalendarFeedSection />
      <TermsUsed
        terms={[
          ["iep", t("glossary.word.iep")],
          ["section504", t("glossary.word.section504")],
          ["deadline", t("glossary.word.deadline")],
        ]}
      />
    </Page>
  );
}
