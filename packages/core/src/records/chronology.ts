/**
 * The case chronology: one timeline of a student's record, in date order, each entry with its date,
 * who acted, what happened and the rule it concerns. Built from what the record already holds
 * (plan versions, meetings and their notices, signatures and consent, deadlines, service sessions,
 * saved letters, records requests); the server reads those and this function orders and words them.
 *
 * Missed services: sessions missed for a reason the school answers for (the district's policy,
 * `owedReasons`) are grouped by service and month; make-up minutes logged for the same service in
 * the same month are set against them, and an entry says how many minutes remain not made up.
 */
import { z } from "zod";
import type { DeadlineState } from "../compliance/deadlines.ts";
import { CITATION_SERVICE_TERMS } from "../enforcement/service-minutes.ts";
import { daysBetween, type IsoDate, ZIsoDate } from "../shared/dates.ts";
import type { RecordsClock } from "./records-request.ts";

export const CHRONOLOGY_KINDS = [
  "plan-version",
  "meeting",
  "notice",
  "consent",
  "deadline",
  "missed-sessions",
  "letter",
  "records-request",
  "communication",
  "amendment",
] as const;
export const ZChronologyKind = z.enum(CHRONOLOGY_KINDS);
export type ChronologyKind = z.infer<typeof ZChronologyKind>;

export const ZChronologyEntry = z.object({
  /** Stable within the student's record (kind and source id), so entries can be chosen. */
  id: z.string(),
  date: ZIsoDate,
  kind: ZChronologyKind,
  who: z.string(),
  what: z.string(),
  /** The rule the entry concerns (a citation), when one does. */
  rule: z.string().nullable(),
  /** Whether an obligation was met or missed, and by how many days (null: not an obligation). */
  outcome: z.enum(["met", "missed", "open"]).nullable(),
  daysLate: z.number().int().min(0).nullable(),
});
export type ChronologyEntry = z.infer<typeof ZChronologyEntry>;

export const CHRONOLOGY_CITATIONS = {
  planVersion: "34 CFR 300.324",
  meeting: "34 CFR 300.322",
  meetingNotice: "34 CFR 300.322(b)",
  consent: "34 CFR 300.300; 34 CFR 300.9",
  services: `${CITATION_SERVICE_TERMS}; 34 CFR 300.323(c)(2)`,
  letter: null,
} as const;

/** What the chronology is built from: rows the server reads, already named for people. */
export type ChronologySources = {
  versions: ReadonlyArray<{
    id: string;
    planName: string;
    number: number;
    createdOn: IsoDate;
    createdBy: string;
    sealedOn: IsoDate | null;
    /** What changed from the version before, in words (empty for the first). */
    changes: readonly string[];
  }>;
  meetings: ReadonlyArray<{
    id: string;
    planName: string;
    on: IsoDate;
    purpose: string;
    /** Who attended ("Ana Rivera (parent)"); empty when attendance is not recorded. */
    attended: readonly string[];
    scheduledBy: string;
    noticeSentOn: IsoDate | null;
  }>;
  signatures: ReadonlyArray<{
    id: string;
    planName: string;
    on: IsoDate;
    who: string;
    /** "consent", "consent-except", "refuse", or null for a signature without a consent choice. */
    consentChoice: string | null;
  }>;
  deadlines: ReadonlyArray<{
    id: string;
    label: string;
    citation: string;
    dueDate: IsoDate;
    metOn: IsoDate | null;
    state: DeadlineState;
  }>;
  sessions: ReadonlyArray<{ date: IsoDate; service: string; minutes: number; status: string }>;
  /** Session statuses the school answers for (the district's compensatory policy). */
  owedReasons: ReadonlySet<string>;
  letters: ReadonlyArray<{ id: string; on: IsoDate; subject: string; who: string }>;
  recordsRequests: ReadonlyArray<{
    id: string;
    receivedOn: IsoDate;
    requester: string;
    fulfilledOn: IsoDate | null;
    clock: RecordsClock;
  }>;
  communications: ReadonlyArray<{
    id: string;
    on: IsoDate;
    mode: string;
    withWhom: string;
    summary: string;
    who: string;
  }>;
  /** Requests to amend a record, each step of their history (34 CFR 300.618-300.620). */
  amendments?: ReadonlyArray<{
    id: string;
    record: string;
    requestedOn: IsoDate;
    requester: string;
    decideBy: IsoDate;
    events: ReadonlyArray<{ kind: string; on: IsoDate; who: string; text: string }>;
  }>;
  today: IsoDate;
};

export const ZChronologyQuery = z.object({
  kinds: z
    .string()
    .max(300)
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined;
      const list = v.split(",").filter(Boolean);
      for (const k of list) {
        if (!(CHRONOLOGY_KINDS as readonly string[]).includes(k)) {
          ctx.addIssue({ code: "custom", message: `Unknown kind "${k}"; use ${CHRONOLOGY_KINDS.join(", ")}` });
          return z.NEVER;
        }
      }
      return list as ChronologyKind[];
    }),
  from: ZIsoDate.optional(),
  to: ZIsoDate.optional(),
});
/** The chronology PDF's query: the same filters, and the language of the document's own words. */
export const ZChronologyPdfQuery = ZChronologyQuery.extend({
  /** Headings, column names, kinds and dates in this language; the entries' sentences stay in English. */
  lang: z.enum(["en", "es"]).default("en"),
});
export type ChronologyFilter = {
  kinds?: readonly ChronologyKind[] | undefined;
  from?: IsoDate | undefined;
  to?: IsoDate | undefined;
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** The student's chronology, oldest first, filtered by kind and date range. */
export function buildChronology(src: ChronologySources, filter: ChronologyFilter = {}): ChronologyEntry[] {
  const out: ChronologyEntry[] = [];
  for (const v of src.versions) {
    const changed = v.changes.length > 0 ? ` Changed: ${v.changes.join("; ")}.` : "";
    out.push({
      id: `plan-version:${v.id}`,
      date: v.createdOn,
      kind: "plan-version",
      who: v.createdBy,
      what: `${v.planName}, version ${v.number} started.${changed}`,
      rule: CHRONOLOGY_CITATIONS.planVersion,
      outcome: null,
      daysLate: null,
    });
    if (v.sealedOn) {
      out.push({
        id: `plan-sealed:${v.id}`,
        date: v.sealedOn,
        kind: "plan-version",
        who: v.createdBy,
        what: `${v.planName}, version ${v.number} signed and sealed.`,
        rule: CHRONOLOGY_CITATIONS.planVersion,
        outcome: null,
        daysLate: null,
      });
    }
  }
  for (const m of src.meetings) {
    if (m.noticeSentOn) {
      out.push({
        id: `notice:${m.id}`,
        date: m.noticeSentOn,
        kind: "notice",
        who: m.scheduledBy,
        what: `Notice of the ${m.planName} meeting on ${m.on} sent (${m.purpose}).`,
        rule: CHRONOLOGY_CITATIONS.meetingNotice,
        outcome: null,
        daysLate: null,
      });
    }
    const attended = m.attended.length > 0 ? ` Attended: ${m.attended.join(", ")}.` : "";
    out.push({
      id: `meeting:${m.id}`,
      date: m.on,
      kind: "meeting",
      who: m.scheduledBy,
      what: `${m.planName} meeting: ${m.purpose}.${attended}`,
      rule: CHRONOLOGY_CITATIONS.meeting,
      outcome: null,
      daysLate: null,
    });
  }
  for (const s of src.signatures) {
    const choice =
      s.consentChoice === "consent"
        ? "gave consent"
        : s.consentChoice === "consent-except"
          ? "consented except for some parts"
          : s.consentChoice === "refuse"
            ? "refused consent"
            : "signed";
    out.push({
      id: `consent:${s.id}`,
      date: s.on,
      kind: "consent",
      who: s.who,
      what: `${s.who} ${choice} (${s.planName}).`,
      rule: CHRONOLOGY_CITATIONS.consent,
      outcome: null,
      daysLate: null,
    });
  }
  for (const d of src.deadlines) {
    if (d.dueDate > src.today && !d.metOn) continue;
    const late = d.metOn
      ? Math.max(0, daysBetween(d.dueDate, d.metOn))
      : Math.max(0, daysBetween(d.dueDate, src.today));
    const met = d.metOn !== null;
    const what = met
      ? late > 0
        ? `${d.label}: due ${d.dueDate}, done ${d.metOn}, ${plural(late, "day")} late.`
        : `${d.label}: due ${d.dueDate}, done on time (${d.metOn}).`
      : `${d.label}: due ${d.dueDate}, not done; ${plural(late, "day")} late so far.`;
    out.push({
      id: `deadline:${d.id}`,
      date: d.metOn ?? d.dueDate,
      kind: "deadline",
      who: "District",
      what,
      rule: d.citation,
      outcome: late > 0 ? "missed" : "met",
      daysLate: late,
    });
  }
  out.push(...missedSessions(src));
  for (const l of src.letters) {
    out.push({
      id: `letter:${l.id}`,
      date: l.on,
      kind: "letter",
      who: l.who,
      what: `Letter saved to the record: ${l.subject}.`,
      rule: CHRONOLOGY_CITATIONS.letter,
      outcome: null,
      daysLate: null,
    });
  }
  for (const r of src.recordsRequests) {
    const c = r.clock;
    const what =
      c.state === "met"
        ? c.daysLate > 0
          ? `Records requested by ${r.requester}; due ${c.dueDate} (${c.limit}); provided ${r.fulfilledOn}, ${plural(c.daysLate, "day")} late.`
          : `Records requested by ${r.requester}; due ${c.dueDate} (${c.limit}); provided on time (${r.fulfilledOn}).`
        : c.state === "overdue"
          ? `Records requested by ${r.requester}; due ${c.dueDate} (${c.limit}); not provided, ${plural(c.daysLate, "day")} late so far.`
          : `Records requested by ${r.requester}; due ${c.dueDate} (${c.limit}).`;
    out.push({
      id: `records-request:${r.id}`,
      date: r.receivedOn,
      kind: "records-request",
      who: r.requester,
      what,
      rule: c.citation,
      outcome: c.state === "met" ? (c.daysLate > 0 ? "missed" : "met") : c.state === "overdue" ? "missed" : "open",
      daysLate: c.state === "met" || c.state === "overdue" ? c.daysLate : null,
    });
  }
  for (const c of src.communications) {
    out.push({
      id: `communication:${c.id}`,
      date: c.on,
      kind: "communication",
      who: c.who,
      what: `${c.mode} with ${c.withWhom}: ${c.summary}`,
      rule: null,
      outcome: null,
      daysLate: null,
    });
  }
  out.push(...amendmentEntries(src));
  const order = (k: ChronologyKind) => CHRONOLOGY_KINDS.indexOf(k);
  return out
    .filter((e) => !filter.kinds || filter.kinds.length === 0 || filter.kinds.includes(e.kind))
    .filter((e) => (!filter.from || e.date >= filter.from) && (!filter.to || e.date <= filter.to))
    .sort((a, b) =>
      a.date < b.date ? -1 : a.date > b.date ? 1 : order(a.kind) - order(b.kind) || (a.id < b.id ? -1 : 1),
    );
}

/** Missed sessions the school answers for, by service and month, less make-up minutes of that month. */
function missedSessions(src: ChronologySources): ChronologyEntry[] {
  const groups = new Map<
    string,
    { service: string; month: string; last: IsoDate; count: number; minutes: number; madeUp: number }
  >();
  for (const s of src.sessions) {
    const missed = src.owedReasons.has(s.status);
    if (!missed && s.status !== "make-up") continue;
    const month = s.date.slice(0, 7);
    const key = `${s.service}\u0000${month}`;
    const g = groups.get(key) ?? { service: s.service, month, last: s.date, count: 0, minutes: 0, madeUp: 0 };
    if (missed) {
      g.count++;
      g.minutes += s.minutes;
      if (s.date > g.last || g.count === 1) g.last = s.date;
    } else {
      g.madeUp += s.minutes;
    }
    groups.set(key, g);
  }
  const out: ChronologyEntry[] = [];
  for (const g of groups.values()) {
    if (g.count === 0) continue;
    const owed = Math.max(0, g.minutes - g.madeUp);
    const madeUp = Math.min(g.minutes, g.madeUp);
    out.push({
      id: `missed-sessions:${g.service}:${g.month}`,
      date: g.last,
      kind: "missed-sessions",
      who: "School",
      what:
        owed > 0
          ? `${g.service}: ${plural(g.count, "session")} (${g.minutes} minutes) missed in ${g.month}; ${madeUp} minutes made up, ${owed} minutes not made up.`
          : `${g.service}: ${plural(g.count, "session")} (${g.minutes} minutes) missed in ${g.month}, all made up.`,
      rule: CHRONOLOGY_CITATIONS.services,
      outcome: owed > 0 ? "missed" : "met",
      daysLate: null,
    });
  }
  return out;
}

/**
 * Requests to amend a record: the request (with its decision date), the decision (and days late),
 * and the family's statement after a refusal, which is disclosed with the record (300.620(c)).
 */
function amendmentEntries(src: ChronologySources): ChronologyEntry[] {
  const out: ChronologyEntry[] = [];
  for (const a of src.amendments ?? []) {
    const decision = a.events.find((e) => e.kind === "amended" || e.kind === "refused");
    const late = decision
      ? Math.max(0, daysBetween(a.decideBy, decision.on))
      : Math.max(0, daysBetween(a.decideBy, src.today));
    out.push({
      id: `amendment:${a.id}`,
      date: a.requestedOn,
      kind: "amendment",
      who: a.requester,
      what: decision
        ? `Asked the district to amend ${a.record}; decision due ${a.decideBy}.`
        : late > 0
          ? `Asked the district to amend ${a.record}; decision due ${a.decideBy}; not decided, ${plural(late, "day")} late so far.`
          : `Asked the district to amend ${a.record}; decision due ${a.decideBy}.`,
      rule: "34 CFR 300.618; 34 CFR 99.20",
      outcome: decision ? (late > 0 ? "missed" : "met") : late > 0 ? "missed" : "open",
      daysLate: decision || late > 0 ? late : null,
    });
    for (const [i, e] of a.events.entries()) {
      if (e.kind === "amended" || e.kind === "refused") {
        out.push({
          id: `amendment:${a.id}:${i}`,
          date: e.on,
          kind: "amendment",
          who: e.who,
          what:
            e.kind === "amended"
              ? `Amended ${a.record}: ${e.text}`
              : `Refused to amend ${a.record}: ${e.text}. The family was told of the right to a hearing and to place a statement in the record.`,
          rule: e.kind === "amended" ? "34 CFR 300.618(b)" : "34 CFR 300.618(c); 34 CFR 300.619",
          outcome: null,
          daysLate: null,
        });
      } else if (e.kind === "statement") {
        out.push({
          id: `amendment:${a.id}:${i}`,
          date: e.on,
          kind: "amendment",
          who: e.who,
          what: `The family's statement on ${a.record}, kept with the record: ${e.text}`,
          rule: "34 CFR 300.620(b)-(c); 34 CFR 99.21(b)(2)",
          outcome: null,
          daysLate: null,
        });
      }
    }
  }
  return out;
}
