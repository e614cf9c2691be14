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
import { formatLongDate, formatMonth } from "../shared/date-format.ts";
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
  /** The entries' sentences (and, in the PDF, headings, column names, kinds and dates) in this language. */
  lang: z.enum(["en", "es"]).default("en"),
});
/** The chronology PDF's query: the same filters and language. */
export const ZChronologyPdfQuery = ZChronologyQuery;
export type ChronologyFilter = {
  kinds?: readonly ChronologyKind[] | undefined;
  from?: IsoDate | undefined;
  to?: IsoDate | undefined;
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** The language of the chronology's sentences (what people and records wrote stays as written). */
export type ChronologyLanguage = "en" | "es";

type ConsentWord = "consent" | "consent-except" | "refuse" | "signed";

/** The sentences of each kind of entry, in one language. */
type Sentences = {
  district: string;
  school: string;
  date: (d: IsoDate) => string;
  days: (n: number) => string;
  limit: (clock: Pick<RecordsClock, "limit" | "limitDays" | "limitUnit">) => string;
  versionStarted: (plan: string, n: number, changes: readonly string[]) => string;
  versionSealed: (plan: string, n: number) => string;
  noticeSent: (plan: string, on: string, purpose: string) => string;
  meeting: (plan: string, purpose: string, attended: readonly string[]) => string;
  consent: (who: string, choice: ConsentWord, plan: string) => string;
  deadlineLate: (label: string, due: string, done: string, late: number) => string;
  deadlineOnTime: (label: string, due: string, done: string) => string;
  deadlineOpen: (label: string, due: string, late: number) => string;
  letter: (subject: string) => string;
  records: (by: string, due: string, limit: string) => string;
  recordsProvided: (by: string, due: string, limit: string, on: string, late: number) => string;
  recordsOpen: (by: string, due: string, limit: string, late: number) => string;
  communication: (mode: string, withWhom: string, summary: string) => string;
  missed: (service: string, count: number, minutes: number, month: string, madeUp: number, owed: number) => string;
  missedAllMadeUp: (service: string, count: number, minutes: number, month: string) => string;
  amendAsked: (record: string, due: string, late: number) => string;
  amended: (record: string, text: string) => string;
  refused: (record: string, text: string) => string;
  statement: (record: string, text: string) => string;
};

const EN: Sentences = {
  district: "District",
  school: "School",
  date: (d) => d,
  days: (n) => plural(n, "day"),
  limit: (clock) => clock.limit,
  versionStarted: (plan, n, changes) =>
    `${plan}, version ${n} started.${changes.length > 0 ? ` Changed: ${changes.join("; ")}.` : ""}`,
  versionSealed: (plan, n) => `${plan}, version ${n} signed and sealed.`,
  noticeSent: (plan, on, purpose) => `Notice of the ${plan} meeting on ${on} sent (${purpose}).`,
  meeting: (plan, purpose, attended) =>
    `${plan} meeting: ${purpose}.${attended.length > 0 ? ` Attended: ${attended.join(", ")}.` : ""}`,
  consent: (who, choice, plan) =>
    `${who} ${
      {
        consent: "gave consent",
        "consent-except": "consented except for some parts",
        refuse: "refused consent",
        signed: "signed",
      }[choice]
    } (${plan}).`,
  deadlineLate: (label, due, done, late) => `${label}: due ${due}, done ${done}, ${plural(late, "day")} late.`,
  deadlineOnTime: (label, due, done) => `${label}: due ${due}, done on time (${done}).`,
  deadlineOpen: (label, due, late) => `${label}: due ${due}, not done; ${plural(late, "day")} late so far.`,
  letter: (subject) => `Letter saved to the record: ${subject}.`,
  records: (by, due, limit) => `Records requested by ${by}; due ${due} (${limit}).`,
  recordsProvided: (by, due, limit, on, late) =>
    late > 0
      ? `Records requested by ${by}; due ${due} (${limit}); provided ${on}, ${plural(late, "day")} late.`
      : `Records requested by ${by}; due ${due} (${limit}); provided on time (${on}).`,
  recordsOpen: (by, due, limit, late) =>
    `Records requested by ${by}; due ${due} (${limit}); not provided, ${plural(late, "day")} late so far.`,
  communication: (mode, withWhom, summary) => `${mode} with ${withWhom}: ${summary}`,
  missed: (service, count, minutes, month, madeUp, owed) =>
    `${service}: ${plural(count, "session")} (${minutes} minutes) missed in ${formatMonth(month)}; ${madeUp} minutes made up, ${owed} minutes not made up.`,
  missedAllMadeUp: (service, count, minutes, month) =>
    `${service}: ${plural(count, "session")} (${minutes} minutes) missed in ${formatMonth(month)}, all made up.`,
  amendAsked: (record, due, late) =>
    late > 0
      ? `Asked the district to amend ${record}; decision due ${due}; not decided, ${plural(late, "day")} late so far.`
      : `Asked the district to amend ${record}; decision due ${due}.`,
  amended: (record, text) => `Amended ${record}: ${text}`,
  refused: (record, text) =>
    `Refused to amend ${record}: ${text}. The family was told of the right to a hearing and to place a statement in the record.`,
  statement: (record, text) => `The family's statement on ${record}, kept with the record: ${text}`,
};

const dias = (n: number) => `${n} ${n === 1 ? "día" : "días"}`;

/**
 * The sentences in Spanish, for families, with the glossary's words. Names, purposes, subjects,
 * summaries and the record's own words are kept as they were written.
 */
const ES: Sentences = {
  district: "Distrito",
  school: "Escuela",
  date: (d) => formatLongDate(d, "es"),
  days: dias,
  limit: ({ limitDays, limitUnit }) =>
    `${limitDays} ${limitDays === 1 ? "día" : "días"} ${{ calendar: "calendario", school: limitDays === 1 ? "escolar" : "escolares", business: limitDays === 1 ? "hábil" : "hábiles" }[limitUnit]}`,
  versionStarted: (plan, n, changes) =>
    `${plan}: empezó la versión ${n}.${changes.length > 0 ? ` Cambios: ${changes.join("; ")}.` : ""}`,
  versionSealed: (plan, n) => `${plan}: la versión ${n} se firmó y se selló.`,
  noticeSent: (plan, on, purpose) => `Se envió el aviso de la reunión del ${plan} del ${on} (${purpose}).`,
  meeting: (plan, purpose, attended) =>
    `Reunión del ${plan}: ${purpose}.${attended.length > 0 ? ` Asistieron: ${attended.join(", ")}.` : ""}`,
  consent: (who, choice, plan) =>
    `${who} ${
      {
        consent: "dio su consentimiento",
        "consent-except": "dio su consentimiento, menos para algunas partes",
        refuse: "no dio su consentimiento",
        signed: "firmó",
      }[choice]
    } (${plan}).`,
  deadlineLate: (label, due, done, late) =>
    `${label}: vencía el ${due}, se hizo el ${done}, con ${dias(late)} de retraso.`,
  deadlineOnTime: (label, due, done) => `${label}: vencía el ${due}, se hizo a tiempo (el ${done}).`,
  deadlineOpen: (label, due, late) => `${label}: vencía el ${due}, no se ha hecho; lleva ${dias(late)} de retraso.`,
  letter: (subject) => `Carta guardada en el expediente: ${subject}.`,
  records: (by, due, limit) => `${by} pidió los registros; vencen el ${due} (${limit}).`,
  recordsProvided: (by, due, limit, on, late) =>
    late > 0
      ? `${by} pidió los registros; vencían el ${due} (${limit}); se entregaron el ${on}, con ${dias(late)} de retraso.`
      : `${by} pidió los registros; vencían el ${due} (${limit}); se entregaron a tiempo (el ${on}).`,
  recordsOpen: (by, due, limit, late) =>
    `${by} pidió los registros; vencían el ${due} (${limit}); no se han entregado; llevan ${dias(late)} de retraso.`,
  communication: (mode, withWhom, summary) => `${mode} con ${withWhom}: ${summary}`,
  missed: (service, count, minutes, month, madeUp, owed) =>
    `${service}: ${count} ${count === 1 ? "sesión perdida" : "sesiones perdidas"} (${minutes} minutos) en ${formatMonth(month, "es")}; se repusieron ${madeUp} minutos y faltan por reponer ${owed} minutos.`,
  missedAllMadeUp: (service, count, minutes, month) =>
    `${service}: ${count} ${count === 1 ? "sesión perdida" : "sesiones perdidas"} (${minutes} minutos) en ${formatMonth(month, "es")}; se repusieron todas.`,
  amendAsked: (record, due, late) =>
    late > 0
      ? `Se pidió al distrito que corrigiera ${record}; la decisión vencía el ${due}; no se ha decidido; lleva ${dias(late)} de retraso.`
      : `Se pidió al distrito que corrigiera ${record}; la decisión vence el ${due}.`,
  amended: (record, text) => `Se corrigió ${record}: ${text}`,
  refused: (record, text) =>
    `No se quiso corregir ${record}: ${text}. Se le dijo a la familia que tiene derecho a una audiencia y a poner una declaración en el expediente.`,
  statement: (record, text) => `La declaración de la familia sobre ${record}, guardada con el expediente: ${text}`,
};

const SENTENCES: Record<ChronologyLanguage, Sentences> = { en: EN, es: ES };

/** The student's chronology, oldest first, filtered by kind and date range. */
export function buildChronology(
  src: ChronologySources,
  filter: ChronologyFilter = {},
  lang: ChronologyLanguage = "en",
): ChronologyEntry[] {
  const W = SENTENCES[lang];
  const out: ChronologyEntry[] = [];
  for (const v of src.versions) {
    out.push({
      id: `plan-version:${v.id}`,
      date: v.createdOn,
      kind: "plan-version",
      who: v.createdBy,
      what: W.versionStarted(v.planName, v.number, v.changes),
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
        what: W.versionSealed(v.planName, v.number),
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
        what: W.noticeSent(m.planName, W.date(m.on), m.purpose),
        rule: CHRONOLOGY_CITATIONS.meetingNotice,
        outcome: null,
        daysLate: null,
      });
    }
    out.push({
      id: `meeting:${m.id}`,
      date: m.on,
      kind: "meeting",
      who: m.scheduledBy,
      what: W.meeting(m.planName, m.purpose, m.attended),
      rule: CHRONOLOGY_CITATIONS.meeting,
      outcome: null,
      daysLate: null,
    });
  }
  for (const s of src.signatures) {
    const choice: ConsentWord =
      s.consentChoice === "consent" || s.consentChoice === "consent-except" || s.consentChoice === "refuse"
        ? s.consentChoice
        : "signed";
    out.push({
      id: `consent:${s.id}`,
      date: s.on,
      kind: "consent",
      who: s.who,
      what: W.consent(s.who, choice, s.planName),
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
    const what =
      met && d.metOn
        ? late > 0
          ? W.deadlineLate(d.label, W.date(d.dueDate), W.date(d.metOn), late)
          : W.deadlineOnTime(d.label, W.date(d.dueDate), W.date(d.metOn))
        : W.deadlineOpen(d.label, W.date(d.dueDate), late);
    out.push({
      id: `deadline:${d.id}`,
      date: d.metOn ?? d.dueDate,
      kind: "deadline",
      who: W.district,
      what,
      rule: d.citation,
      outcome: late > 0 ? "missed" : "met",
      daysLate: late,
    });
  }
  out.push(...missedSessions(src, W));
  for (const l of src.letters) {
    out.push({
      id: `letter:${l.id}`,
      date: l.on,
      kind: "letter",
      who: l.who,
      what: W.letter(l.subject),
      rule: CHRONOLOGY_CITATIONS.letter,
      outcome: null,
      daysLate: null,
    });
  }
  for (const r of src.recordsRequests) {
    const c = r.clock;
    const due = W.date(c.dueDate);
    const limit = W.limit(c);
    const what =
      c.state === "met"
        ? W.recordsProvided(r.requester, due, limit, r.fulfilledOn ? W.date(r.fulfilledOn) : "", c.daysLate)
        : c.state === "overdue"
          ? W.recordsOpen(r.requester, due, limit, c.daysLate)
          : W.records(r.requester, due, limit);
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
      what: W.communication(c.mode, c.withWhom, c.summary),
      rule: null,
      outcome: null,
      daysLate: null,
    });
  }
  out.push(...amendmentEntries(src, W));
  const order = (k: ChronologyKind) => CHRONOLOGY_KINDS.indexOf(k);
  return out
    .filter((e) => !filter.kinds || filter.kinds.length === 0 || filter.kinds.includes(e.kind))
    .filter((e) => (!filter.from || e.date >= filter.from) && (!filter.to || e.date <= filter.to))
    .sort((a, b) =>
      a.date < b.date ? -1 : a.date > b.date ? 1 : order(a.kind) - order(b.kind) || (a.id < b.id ? -1 : 1),
    );
}

/** Missed sessions the school answers for, by service and month, less make-up minutes of that month. */
function missedSessions(src: ChronologySources, W: Sentences): ChronologyEntry[] {
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
      who: W.school,
      what:
        owed > 0
          ? W.missed(g.service, g.count, g.minutes, g.month, madeUp, owed)
          : W.missedAllMadeUp(g.service, g.count, g.minutes, g.month),
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
function amendmentEntries(src: ChronologySources, W: Sentences): ChronologyEntry[] {
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
      what: W.amendAsked(a.record, W.date(a.decideBy), decision ? 0 : late),
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
          what: e.kind === "amended" ? W.amended(a.record, e.text) : W.refused(a.record, e.text),
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
          what: W.statement(a.record, e.text),
          rule: "34 CFR 300.620(b)-(c); 34 CFR 99.21(b)(2)",
          outcome: null,
          daysLate: null,
        });
      }
    }
  }
  return out;
}
