import { type FormEvent, useEffect, useRef, useState } from "react";
import { Page } from "../../app/page.tsx";
import { useSignedInUser } from "../../app/session.tsx";
import {
  Alert,
  Button,
  type Column,
  DataTable,
  Field,
  Pagination,
  Select,
  TextInput,
} from "../../components/ui/index.ts";
import { dateTime } from "../../i18n/dates.ts";
import { t } from "../../i18n/t.ts";
import { describeError } from "../../lib/error-message.ts";
import {
  type AuditTrailEntry,
  type AuditTrailFilters,
  type AuditTrailKind,
  auditTrailCsvUrl,
  loadAuditTrail,
} from "./api.ts";

const EMPTY: AuditTrailFilters = { trail: "record-of-access", student: "", person: "", action: "", from: "", to: "" };

type Loaded = {
  filters: AuditTrailFilters;
  entries: AuditTrailEntry[];
  nextBefore: number | null;
  actions: string[];
  from: string;
  to: string;
};

/**
 * The district's audit trail and record of access, for its administrators: filter by student,
 * person, action and dates, read a page at a time, download what the filters show as CSV.
 */
export default function AuditTrailPage() {
  const user = useSignedInUser();
  const isDistrictAdmin = user.roles.some((r) => r.role === "district-admin");
  const [draft, setDraft] = useState<AuditTrailFilters>(EMPTY);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [more, setMore] = useState(false);
  const started = useRef(false);

  async function show(filters: AuditTrailFilters) {
    setBusy(true);
    setFailure(null);
    try {
      const page = await loadAuditTrail(filters);
      setLoaded({
        filters,
        entries: page.entries,
        nextBefore: page.nextBefore,
        actions: page.actions,
        from: page.from,
        to: page.to,
      });
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: the first page loads once, with no filters.
  useEffect(() => {
    if (!isDistrictAdmin || started.current) return;
    started.current = true;
    void show(EMPTY);
  }, [isDistrictAdmin]);

  async function showMore() {
    if (!loaded?.nextBefore) return;
    setMore(true);
    try {
      const page = await loadAuditTrail(loaded.filters, loaded.nextBefore);
      setLoaded({ ...loaded, entries: [...loaded.entries, ...page.entries], nextBefore: page.nextBefore });
    } catch (e) {
      setFailure(e);
    } finally {
      setMore(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void show(draft);
  }

  const set = (key: keyof AuditTrailFilters) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));

  if (!isDistrictAdmin) {
    return (
      <Page title={t("audit.title")}>
        <Alert tone="error">{t("audit.notAdmin")}</Alert>
      </Page>
    );
  }

  const isAccess = (loaded?.filters.trail ?? draft.trail) === "record-of-access";
  const columns: Column<AuditTrailEntry>[] = [
    { id: "at", header: t("audit.column.at"), cell: (e) => dateTime(e.at), rowHeader: true },
    {
      id: "person",
      header: t("audit.column.person"),
      cell: (e) => (e.personName ? `${e.personName} (${e.personEmail ?? ""})` : "—"),
    },
    { id: "student", header: t("audit.column.student"), cell: (e) => e.studentName ?? "—" },
    { id: "action", header: t("audit.column.action"), cell: (e) => e.action },
    { id: "what", header: t("audit.column.what"), cell: (e) => e.what ?? "—" },
    ...(isAccess
      ? [
          { id: "purpose", header: t("audit.column.purpose"), cell: (e: AuditTrailEntry) => e.purpose ?? "—" },
          { id: "basis", header: t("audit.column.basis"), cell: (e: AuditTrailEntry) => e.basis ?? "—" },
        ]
      : []),
  ];

  return (
    <Page title={t("audit.title")}>
      <p className="lead">{t("audit.intro")}</p>
      <form onSubmit={submit} noValidate className="panel" aria-labelledby="audit-filters">
        <h2 id="audit-filters">{t("audit.filters")}</h2>
        <Field label={t("audit.filter.trail")}>
          <Select
            value={draft.trail}
            onChange={(e) => setDraft((d) => ({ ...d, trail: e.target.value as AuditTrailKind, action: "" }))}
            options={[
              { value: "record-of-access", label: t("audit.trail.record-of-access") },
              { value: "audit-trail", label: t("audit.trail.audit-trail") },
            ]}
          />
        </Field>
        <Field label={t("audit.filter.student")} hint={t("audit.filter.studentHint")}>
          <TextInput value={draft.student} onChange={(e) => set("student")(e.target.value)} autoComplete="off" />
        </Field>
        <Field label={t("audit.filter.person")} hint={t("audit.filter.personHint")}>
          <TextInput value={draft.person} onChange={(e) => set("person")(e.target.value)} autoComplete="off" />
        </Field>
        <Field label={t("audit.filter.action")}>
          <Select
            value={draft.action}
            onChange={(e) => set("action")(e.target.value)}
            placeholder={t("audit.filter.anyAction")}
            options={(loaded && loaded.filters.trail === draft.trail ? loaded.actions : []).map((a) => ({
              value: a,
              label: a,
            }))}
          />
        </Field>
        <Field label={t("audit.filter.from")} hint={t("audit.filter.fromHint")}>
          <TextInput type="date" value={draft.from} onChange={(e) => set("from")(e.target.value)} />
        </Field>
        <Field label={t("audit.filter.to")} hint={t("audit.filter.toHint")}>
          <TextInput type="date" value={draft.to} onChange={(e) => set("to")(e.target.value)} />
        </Field>
        <Button type="submit" busy={busy}>
          {t("audit.show")}
        </Button>
      </form>
      {failure ? <Alert tone="error">{describeError(failure)}</Alert> : null}
      {loaded ? (
        <section aria-labelledby="audit-results">
          <h2 id="audit-results">{t(`audit.trail.${loaded.filters.trail}`)}</h2>
          <DataTable
            caption={t("audit.caption", {
              trail: t(`audit.trail.${loaded.filters.trail}`),
              from: loaded.from,
              to: loaded.to,
            })}
            columns={columns}
            rows={loaded.entries}
            rowKey={(e) => e.id}
            empty={t("audit.empty")}
          />
          <Pagination
            summary={t("audit.showing", { count: loaded.entries.length })}
            hasMore={loaded.nextBefore !== null}
            loading={more}
            onLoadMore={() => void showMore()}
            loadMoreLabel={t("audit.more")}
            loadingLabel={t("common.loading")}
          />
          <p>
            <a href={auditTrailCsvUrl(loaded.filters)} download>
              {t("audit.csv")}
            </a>
          </p>
        </section>
      ) : null}
    </Page>
  );
}
