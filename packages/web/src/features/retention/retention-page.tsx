import {
  KEPT_WITH_RECORD_CITATION,
  KEPT_WITH_RECORD_LABELS,
  RETENTION_RECORD_TYPE_DATES,
  RETENTION_RECORD_TYPE_LABELS,
  RETENTION_RECORD_TYPES,
  type RetentionRecordType,
} from "@lantern/core";
import { type FormEvent, useEffect, useState } from "react";
import { Page } from "../../app/page.tsx";
import { useSignedInUser } from "../../app/session.tsx";
import {
  Alert,
  Button,
  ConfirmDialog,
  DataTable,
  Field,
  Pagination,
  StatusRegion,
  TextArea,
  TextInput,
} from "../../components/ui/index.ts";
import { dateTime, longDate } from "../../i18n/dates.ts";
import { t } from "../../i18n/t.ts";
import { ApiError } from "../../lib/api-client.ts";
import { describeError } from "../../lib/error-message.ts";
import { useRequest } from "../../lib/use-request.ts";
import {
  type DestructionRequest,
  decideRequest,
  destroy,
  loadOffered,
  loadRequests,
  loadSchedule,
  type OfferedForDestructionList,
  saveSchedule,
  sendNotice,
} from "./api.ts";

type Offered = OfferedForDestructionList["items"][number];
const kindName = (type: string) => RETENTION_RECORD_TYPE_LABELS[type as RetentionRecordType] ?? type;

/**
 * The district's retention schedule and the records past it (34 CFR 300.624): set the years each
 * kind is kept, tell a family that records past it will be destroyed, then destroy them; and the
 * families' own requests to destroy records. District administrators only.
 */
export default function RetentionPage() {
  const user = useSignedInUser();
  const isDistrictAdmin = user.roles.some((r) => r.role === "district-admin");
  if (!isDistrictAdmin) {
    return (
      <Page title={t("retention.title")}>
        <Alert tone="error">{t("retention.notAdmin")}</Alert>
      </Page>
    );
  }
  return <RetentionSections />;
}

/** The schedule, and the records past it: listed again whenever the schedule is saved. */
function RetentionSections() {
  const [revision, setRevision] = useState(0);
  return (
    <Page title={t("retention.title")}>
      <p className="lead">{t("retention.intro")}</p>
      <ScheduleForm onSaved={() => setRevision((r) => r + 1)} />
      <OfferedSection key={revision} />
      <RequestsSection />
    </Page>
  );
}

export function ScheduleForm({ onSaved }: { onSaved?: () => void }) {
  const request = useRequest("retention-schedule", (signal) => loadSchedule(signal));
  const [years, setYears] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (request.status === "ok") {
      setYears(Object.fromEntries(request.data.entries.map((e) => [e.recordType, String(e.years)])));
    }
  }, [request]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setStatus("");
    setFailure(null);
    const found: Record<string, string> = {};
    const entries: Array<{ recordType: RetentionRecordType; years: number }> = [];
    for (const type of RETENTION_RECORD_TYPES) {
      const text = (years[type] ?? "").trim();
      if (text === "") continue;
      if (!/^\d+$/.test(text)) found[type] = t("retention.schedule.yearsError");
      else entries.push({ recordType: type, years: Number(text) });
    }
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setFailure(t("retention.schedule.notSaved"));
      return;
    }
    setBusy(true);
    try {
      await saveSchedule({ entries });
      setStatus(t("retention.schedule.saved"));
      onSaved?.();
    } catch (e) {
      if (e instanceof ApiError) {
        const fromServer: Record<string, string> = {};
        for (const issue of e.issues) {
          const index = /^\/entries\/(\d+)\//.exec(issue.path ?? "")?.[1];
          const entry = index === undefined ? undefined : entries[Number(index)];
          if (entry) fromServer[entry.recordType] = issue.message;
        }
        setErrors(fromServer);
        setFailure(`${t("retention.schedule.notSaved")}: ${e.message}`);
      } else setFailure(describeError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="retention-schedule" className="panel">
      <h2 id="retention-schedule">{t("retention.schedule.title")}</h2>
      {request.status === "loading" ? <p role="status">{t("common.loading")}</p> : null}
      {request.status === "error" ? <Alert tone="error">{describeError(request.error)}</Alert> : null}
      {request.status === "ok" ? (
        <form onSubmit={submit} noValidate>
          {failure ? <Alert tone="error">{failure}</Alert> : null}
          {RETENTION_RECORD_TYPES.map((type) => (
            <Field
              key={type}
              label={t("retention.schedule.years", { kind: kindName(type) })}
              hint={t("retention.schedule.hint", {
                from: RETENTION_RECORD_TYPE_DATES[type],
                years: request.data.minimumYears,
                citation: request.data.minimumCitation,
              })}
              error={errors[type]}
            >
              <TextInput
                inputMode="numeric"
                value={years[type] ?? ""}
                onChange={(e) => setYears((y) => ({ ...y, [type]: e.target.value }))}
              />
            </Field>
          ))}
          <p className="muted">{t("retention.schedule.plansNote")}</p>
          <p className="muted">{t("retention.schedule.permanent")}</p>
          <p className="muted">
            {t("retention.schedule.keptWithRecord", {
              kinds: request.data.keptWithRecord.map((k) => KEPT_WITH_RECORD_LABELS[k]).join(", "),
              citation: KEPT_WITH_RECORD_CITATION,
            })}
          </p>
          <Button type="submit" busy={busy}>
            {t("retention.schedule.save")}
          </Button>
          <StatusRegion message={status} visible />
        </form>
      ) : null}
    </section>
  );
}

export function OfferedSection() {
  const [items, setItems] = useState<Offered[] | null>(null);
  const [nextOffset, setNextOffset] = useState<number | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<Offered | null>(null);
  const [more, setMore] = useState(false);

  async function reload() {
    try {
      const page = await loadOffered(0);
      setItems(page.items);
      setNextOffset(page.nextOffset);
    } catch (e) {
      setFailure(e);
    }
  }
  // biome-ignore lint/correctness/useExhaustiveDependencies: loads once.
  useEffect(() => {
    void reload();
  }, []);

  async function act(row: Offered, what: "notice" | "destroy") {
    setBusy(`${row.studentId}:${row.recordType}`);
    setFailure(null);
    setStatus("");
    try {
      if (what === "notice") {
        const told = await sendNotice(row.studentId, row.recordType);
        setStatus(t("retention.offered.toldStatus", { count: told.told }));
      } else {
        const done = await destroy(row.studentId, row.recordType);
        setStatus(t("retention.offered.destroyedStatus", { count: done.destroyed }));
      }
      await reload();
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(null);
      setConfirming(null);
    }
  }

  return (
    <section aria-labelledby="retention-offered">
      <h2 id="retention-offered">{t("retention.offered.title")}</h2>
      {failure ? <Alert tone="error">{describeError(failure)}</Alert> : null}
      <StatusRegion message={status} visible />
      {items === null ? <p role="status">{t("common.loading")}</p> : null}
      {items ? (
        <>
          <DataTable
            caption={t("retention.offered.caption")}
            rows={items}
            rowKey={(r) => `${r.studentId}:${r.recordType}`}
            empty={t("retention.offered.empty")}
            columns={[
              { id: "student", header: t("retention.offered.student"), cell: (r) => r.studentName, rowHeader: true },
              { id: "kind", header: t("retention.offered.kind"), cell: (r) => kindName(r.recordType) },
              { id: "records", header: t("retention.offered.records"), cell: (r) => r.records },
              { id: "before", header: t("retention.offered.before"), cell: (r) => longDate(r.before) },
              {
                id: "told",
                header: t("retention.offered.told"),
                cell: (r) => (r.noticedAt ? dateTime(r.noticedAt) : t("retention.offered.notYet")),
              },
              {
                id: "action",
                header: t("retention.offered.action"),
                cell: (r) =>
                  r.noticedAt ? (
                    <Button
                      variant="secondary"
                      busy={busy === `${r.studentId}:${r.recordType}`}
                      onClick={() => setConfirming(r)}
                    >
                      {t("retention.offered.destroy", { student: r.studentName, kind: kindName(r.recordType) })}
                    </Button>
                  ) : (
                    <Button
                      variant="secondary"
                      busy={busy === `${r.studentId}:${r.recordType}`}
                      onClick={() => void act(r, "notice")}
                    >
                      {t("retention.offered.tell", { student: r.studentName, kind: kindName(r.recordType) })}
                    </Button>
                  ),
              },
            ]}
          />
          <Pagination
            summary={t("retention.offered.showing", { count: items.length })}
            hasMore={nextOffset !== null}
            loading={more}
            loadMoreLabel={t("retention.offered.more")}
            loadingLabel={t("common.loading")}
            onLoadMore={() => {
              if (nextOffset === null) return;
              setMore(true);
              loadOffered(nextOffset)
                .then((page) => {
                  setItems((list) => [...(list ?? []), ...page.items]);
                  setNextOffset(page.nextOffset);
                })
                .catch(setFailure)
                .finally(() => setMore(false));
            }}
          />
        </>
      ) : null}
      <ConfirmDialog
        open={confirming !== null}
        title={t("retention.confirm.title")}
        confirmLabel={t("retention.confirm.yes")}
        cancelLabel={t("retention.confirm.no")}
        busy={busy !== null}
        onConfirm={() => confirming && void act(confirming, "destroy")}
        onCancel={() => setConfirming(null)}
      >
        {confirming ? (
          <>
            <p>
              {t("retention.confirm.body", {
                kind: kindName(confirming.recordType),
                student: confirming.studentName,
                before: longDate(confirming.before),
              })}
            </p>
            {confirming.recordType === "plans" ? <p>{t("retention.confirm.plans")}</p> : null}
          </>
        ) : null}
      </ConfirmDialog>
    </section>
  );
}

function RequestsSection() {
  const [items, setItems] = useState<DestructionRequest[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [refusing, setRefusing] = useState<DestructionRequest | null>(null);
  const [note, setNote] = useState("");

  async function reload() {
    try {
      setItems((await loadRequests()).items);
    } catch (e) {
      setFailure(e);
    }
  }
  // biome-ignore lint/correctness/useExhaustiveDependencies: loads once.
  useEffect(() => {
    void reload();
  }, []);

  async function decide(row: DestructionRequest, status: "granted" | "refused" | "completed", why = "") {
    setBusy(row.id);
    setFailure(null);
    try {
      await decideRequest(row.id, status, why);
      await reload();
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(null);
      setRefusing(null);
      setNote("");
    }
  }

  return (
    <section aria-labelledby="retention-requests">
      <h2 id="retention-requests">{t("retention.requests.title")}</h2>
      {failure ? <Alert tone="error">{describeError(failure)}</Alert> : null}
      {items === null ? <p role="status">{t("common.loading")}</p> : null}
      {items ? (
        <DataTable
          caption={t("retention.requests.caption")}
          rows={items}
          rowKey={(r) => r.id}
          empty={t("retention.requests.empty")}
          columns={[
            { id: "student", header: t("retention.requests.student"), cell: (r) => r.studentName, rowHeader: true },
            { id: "by", header: t("retention.requests.by"), cell: (r) => r.requestedBy },
            {
              id: "kinds",
              header: t("retention.requests.kinds"),
              cell: (r) => r.recordTypes.map(kindName).join(", "),
            },
            { id: "reason", header: t("retention.requests.reason"), cell: (r) => r.reason || "—" },
            {
              id: "status",
              header: t("retention.requests.status"),
              cell: (r) => (
                <>
                  {t(`retention.status.${r.status}`)}
                  {r.status === "received" ? (
                    <>
                      <Button variant="secondary" busy={busy === r.id} onClick={() => void decide(r, "granted")}>
                        {t("retention.requests.grant", { student: r.studentName })}
                      </Button>
                      <Button variant="secondary" onClick={() => setRefusing(r)}>
                        {t("retention.requests.refuse", { student: r.studentName })}
                      </Button>
                    </>
                  ) : null}
                  {r.status === "granted" ? (
                    <Button variant="secondary" busy={busy === r.id} onClick={() => void decide(r, "completed")}>
                      {t("retention.requests.complete", { student: r.studentName })}
                    </Button>
                  ) : null}
                </>
              ),
            },
          ]}
        />
      ) : null}
      <ConfirmDialog
        open={refusing !== null}
        title={t("retention.refuse.title")}
        confirmLabel={t("retention.refuse.yes")}
        cancelLabel={t("retention.confirm.no")}
        busy={busy !== null}
        onConfirm={() => refusing && void decide(refusing, "refused", note)}
        onCancel={() => {
          setRefusing(null);
          setNote("");
        }}
      >
        <TextArea
          label={t("retention.refuse.why")}
          hint={t("retention.refuse.hint")}
          name="refusal"
          value={note}
          onChange={setNote}
        />
      </ConfirmDialog>
    </section>
  );
}
