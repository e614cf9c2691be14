/**
 * The provider's week: every student on the caseload with services, one row per service, one
 * column per school day. Each cell is a status menu and a minutes box in normal Tab order, so a
 * whole week is logged from the keyboard; "Save the week" sends every cell at once.
 */
import type { CaseloadWeek, ServiceSessionEntry, SessionStatus } from "@lantern/core";
import { type FormEvent, useRef, useState } from "react";
import { useLocation, useSearch } from "wouter";
import { Page } from "../../app/page.tsx";
import { paths } from "../../app/paths.ts";
import { Alert, Button, Field, StatusRegion, TextInput } from "../../components/ui/index.ts";
import { longDate, shortDate, weekday } from "../../i18n/dates.ts";
import { label } from "../../i18n/labels.ts";
import { t } from "../../i18n/t.ts";
import { ApiError } from "../../lib/api-client.ts";
import { describeError } from "../../lib/error-message.ts";
import { useRequest } from "../../lib/use-request.ts";
import { getCaseloadWeek, saveCaseloadWeek } from "./api.ts";
import { areaLabel, perLabel } from "./enforcement-text.ts";
import "./enforcement.css";

const STATUSES: SessionStatus[] = [
  "delivered",
  "student-absent",
  "provider-absent",
  "school-closed",
  "student-unavailable",
  "disciplinary-removal",
  "disability-related-absence",
  "make-up",
];

type Cell = { status: SessionStatus | ""; minutes: string };
type Row = CaseloadWeek["students"][number] & { service: CaseloadWeek["students"][number]["services"][number] };

function isoOf(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
}

function shiftDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The Monday on or before a date. */
export function mondayOf(iso: string): string {
  const dow = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return shiftDays(iso, -((dow + 6) % 7));
}

const cellKey = (studentId: string, serviceId: string, date: string) => `${studentId}|${serviceId}|${date}`;
const rowKey = (studentId: string, serviceId: string) => `${studentId}|${serviceId}`;

function initialCells(week: CaseloadWeek): Record<string, Cell> {
  const cells: Record<string, Cell> = {};
  for (const s of week.students) {
    for (const session of s.sessions) {
      cells[cellKey(s.studentId, session.serviceId, session.date)] = {
        status: session.status,
        minutes: String(session.minutes),
      };
    }
  }
  return cells;
}

export function WeekGrid({ week }: { week: CaseloadWeek }) {
  const [cells, setCells] = useState<Record<string, Cell>>(() => initialCells(week));
  const [delivery, setDelivery] = useState<Record<string, "individual" | "group">>(() => {
    const out: Record<string, "individual" | "group"> = {};
    for (const s of week.students) {
      for (const svc of s.services) {
        const logged = s.sessions.find((x) => x.serviceId === svc.serviceId);
        out[rowKey(s.studentId, svc.serviceId)] =
          logged?.delivery ?? (svc.delivery === "group" ? "group" : "individual");
      }
    }
    return out;
  });
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState("");
  const [error, setError] = useState<string | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);

  const allRows: Row[] = week.students.flatMap((s) => s.services.map((service) => ({ ...s, service })));
  // The provider's own discipline's services first; the others on their students' plans apart.
  const yourRows = allRows.filter((r) => r.service.yours);
  const otherRows = allRows.filter((r) => !r.service.yours);
  const rows = [...yourRows, ...otherRows];
  const dayHeader = (d: string) => `${weekday(d)} ${shortDate(d)}`;

  function setCell(key: string, next: Partial<Cell>, minutesPerSession: number) {
    setCells((prev) => {
      const current = prev[key] ?? { status: "", minutes: "" };
      const merged = { ...current, ...next };
      if (next.status && current.minutes === "") merged.minutes = String(minutesPerSession);
      if (next.status === "") merged.minutes = "";
      return { ...prev, [key]: merged };
    });
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    const entries: ServiceSessionEntry[] = [];
    for (const r of rows) {
      for (const date of week.schoolDays) {
        const cell = cells[cellKey(r.studentId, r.service.serviceId, date)];
        if (!cell?.status) continue;
        entries.push({
          studentId: r.studentId,
          serviceId: r.service.serviceId,
          date,
          minutes: Number(cell.minutes || 0),
          delivery: delivery[rowKey(r.studentId, r.service.serviceId)] ?? "individual",
          status: cell.status,
        });
      }
    }
    if (entries.length === 0) {
      setError(t("enforcement.week.nothing"));
      requestAnimationFrame(() => errorRef.current?.focus());
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const result = await saveCaseloadWeek(week.weekOf, entries);
      setMessage(t("enforcement.week.saved", { count: result.saved }));
    } catch (e) {
      setMessage("");
      setError(e instanceof ApiError && e.status === 400 ? e.message : describeError(e));
      requestAnimationFrame(() => errorRef.current?.focus());
    } finally {
      setBusy(false);
    }
  }

  if (rows.length === 0) return <p>{t("enforcement.week.empty")}</p>;
  if (week.schoolDays.length === 0) return <p>{t("enforcement.week.noSchoolDays")}</p>;
  return (
    <form onSubmit={save} noValidate>
      <p>
        {week.discipline
          ? t("enforcement.week.discipline", { discipline: areaLabel(week.discipline) })
          : t("enforcement.week.disciplineUnknown")}
      </p>
      {error ? (
        <Alert tone="error" title={t("enforcement.week.saveError")} ref={errorRef} tabIndex={-1}>
          <p>{error}</p>
        </Alert>
      ) : null}
      <div className="table-wrap">
        <table className="data-table week-grid">
          <caption>{t("enforcement.week.caption", { date: longDate(week.weekOf) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("enforcement.week.column.student")}</th>
              <th scope="col">{t("enforcement.week.column.delivery")}</th>
              {week.schoolDays.map((d) => (
                <th scope="col" key={d}>
                  {dayHeader(d)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, index) => {
              const service = areaLabel(r.service.area);
              const rk = rowKey(r.studentId, r.service.serviceId);
              const groupStart =
                otherRows.length > 0 && index === yourRows.length ? (
                  <tr key={`${rk}-group`} className="week-grid-group">
                    <th scope="colgroup" colSpan={2 + week.schoolDays.length}>
                      {t("enforcement.week.otherServices")}
                    </th>
                  </tr>
                ) : null;
              return [
                groupStart,
                <tr key={rk}>
                  <th scope="row">
                    {r.name}
                    <br />
                    <span className="muted">
                      {t("enforcement.week.serviceLine", {
                        service,
                        times: r.service.frequency.times,
                        minutes: r.service.minutesPerSession,
                        per: perLabel(r.service.frequency.per),
                      })}
                    </span>
                  </th>
                  <td>
                    <select
                      aria-label={t("enforcement.week.deliveryLabel", { student: r.name, service })}
                      value={delivery[rk] ?? "individual"}
                      onChange={(e) =>
                        setDelivery((prev) => ({ ...prev, [rk]: e.target.value === "group" ? "group" : "individual" }))
                      }
                    >
                      <option value="individual">{label("serviceDelivery", "individual")}</option>
                      <option value="group">{label("serviceDelivery", "group")}</option>
                    </select>
                  </td>
                  {week.schoolDays.map((d) => {
                    const key = cellKey(r.studentId, r.service.serviceId, d);
                    const cell = cells[key] ?? { status: "", minutes: "" };
                    const labels = { student: r.name, service, day: dayHeader(d) };
                    return (
                      <td key={d}>
                        <select
                          aria-label={t("enforcement.week.statusLabel", labels)}
                          value={cell.status}
                          onChange={(e) =>
                            setCell(key, { status: e.target.value as SessionStatus | "" }, r.service.minutesPerSession)
                          }
                        >
                          <option value="">{t("enforcement.week.notLogged")}</option>
                          {STATUSES.map((s) => (
                            <option key={s} value={s}>
                              {label("sessionStatus", s)}
                            </option>
                          ))}
                        </select>
                        <input
                          type="number"
                          min={0}
                          max={600}
                          inputMode="numeric"
                          aria-label={t("enforcement.week.minutesLabel", labels)}
                          value={cell.minutes}
                          disabled={cell.status === ""}
                          onChange={(e) => setCell(key, { minutes: e.target.value }, r.service.minutesPerSession)}
                        />
                      </td>
                    );
                  })}
                </tr>,
              ];
            })}
          </tbody>
        </table>
      </div>
      <Button type="submit" busy={busy} busyLabel={t("enforcement.week.saving")}>
        {t("enforcement.week.save")}
      </Button>
      <StatusRegion message={message} visible />
    </form>
  );
}

export default function ServiceWeekPage() {
  const search = useSearch();
  const [, navigate] = useLocation();
  const requested = new URLSearchParams(search).get("week");
  const weekOf = mondayOf(requested && /^\d{4}-\d{2}-\d{2}$/.test(requested) ? requested : isoOf(new Date()));
  const [picked, setPicked] = useState(weekOf);
  const request = useRequest(`service-week:${weekOf}`, (signal) => getCaseloadWeek(weekOf, signal));
  const go = (iso: string) => navigate(`${paths.serviceWeek}?week=${mondayOf(iso)}`);

  return (
    <Page title={t("enforcement.week.title")}>
      <p>{t("enforcement.week.intro")}</p>
      <p>
        <strong>{t("enforcement.week.weekOf", { date: longDate(weekOf) })}</strong>
      </p>
      <div className="week-nav">
        <Button variant="secondary" onClick={() => go(shiftDays(weekOf, -7))}>
          {t("enforcement.week.previous")}
        </Button>
        <Button variant="secondary" onClick={() => go(shiftDays(weekOf, 7))}>
          {t("enforcement.week.next")}
        </Button>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (picked) go(picked);
          }}
        >
          <Field label={t("enforcement.week.pickWeek")}>
            <TextInput type="date" value={picked} onChange={(e) => setPicked(e.target.value)} />
          </Field>
        </form>
      </div>
      {request.status === "loading" ? <p role="status">{t("common.loading")}</p> : null}
      {request.status === "error" ? (
        <Alert tone="error" title={t("enforcement.week.loadError")}>
          <p>{describeError(request.error)}</p>
        </Alert>
      ) : null}
      {request.status === "ok" ? <WeekGrid key={weekOf} week={request.data} /> : null}
    </Page>
  );
}
