/**
 * A state complaint draft (34 CFR 300.151–300.153): from entries of the case chronology a family
 * chooses, a first draft of a signed written complaint to the state education agency, with the
 * contents 300.153(b) requires and the evidence the record holds for each entry. The family edits
 * every word, then signs and sends it; Lantern never files it. General information, not legal
 * advice.
 *
 * - 300.153(b)(1): a statement that a public agency violated a requirement of Part B;
 * - 300.153(b)(2): the facts on which the statement is based;
 * - 300.153(b)(3): the signature and contact information of the complainant;
 * - 300.153(b)(4): for a specific child, (i) the child's name and address of residence, (ii) the
 *   name of the school the child attends, (iv) a description of the problem, including facts
 *   relating to it, and (v) a proposed resolution, to the extent known and available;
 * - 300.153(c): it must allege a violation that occurred not more than one year before the day the
 *   state receives it;
 * - 300.153(d): the complainant sends a copy to the public agency serving the child when filing.
 */
import { z } from "zod";
import { SESSION_STATUS_LABELS } from "../enforcement/enforcement-labels.ts";
import { addYears, type IsoDate, ZIsoDate } from "../shared/dates.ts";
import { ZStudentIdParams } from "../students/students-api.ts";
import { type ChronologyEntry, ZChronologyEntry } from "./chronology.ts";

export const COMPLAINT_CITATIONS = {
  contents: "34 CFR 300.153(b)",
  violation: "34 CFR 300.153(b)(1)",
  facts: "34 CFR 300.153(b)(2)",
  complainant: "34 CFR 300.153(b)(3)",
  childName: "34 CFR 300.153(b)(4)(i)",
  school: "34 CFR 300.153(b)(4)(ii)",
  problem: "34 CFR 300.153(b)(4)(iv)",
  resolution: "34 CFR 300.153(b)(4)(v)",
  oneYear: "34 CFR 300.153(c)",
  copyToDistrict: "34 CFR 300.153(d)",
  stateProcedures: "34 CFR 300.151",
  timeLimit: "34 CFR 300.152(a)",
} as const;

/** Most entries a draft may be built from (a complaint names a few violations, not a year of log). */
export const MAX_COMPLAINT_ENTRIES = 40;

const text = (max: number) => z.string().trim().max(max);

/** The words of the complaint: each field is the family's to edit. */
export const ZComplaintText = z.object({
  /** 300.153(b)(1): that the public agency violated a requirement of Part B, and which. */
  violation: text(4000),
  /** 300.153(b)(2) and (b)(4)(iv): the problem and the facts it rests on, one fact a line. */
  facts: text(12_000),
  /** 300.153(b)(4)(v): what would fix it, to the extent known. */
  resolution: text(4000),
  /** 300.153(b)(3): who complains, and how to reach them; the name is also the signature. */
  complainant: z.object({
    name: text(200),
    relationship: text(200),
    address: text(500),
    phone: text(50),
    email: text(254),
  }),
  /** 300.153(b)(4)(i)–(ii): the child, where the child lives, and the school. */
  child: z.object({ name: text(200), address: text(500), school: text(300) }),
});
export type ComplaintText = z.infer<typeof ZComplaintText>;

/** The evidence the record holds for one chosen entry: the entry, and the lines that back it. */
export const ZComplaintEvidence = z.object({
  entry: ZChronologyEntry,
  /** Missed sessions one by one, the deadline and its rule, the plan's own words for the service. */
  details: z.array(z.string()),
});
export type ComplaintEvidence = z.infer<typeof ZComplaintEvidence>;

/** Where the complaint goes: the state education agency, with a copy to the district. */
export const ZComplaintRecipients = z.object({
  agency: z.string(),
  copyTo: z.string(),
  citation: z.string(),
});
export type ComplaintRecipients = z.infer<typeof ZComplaintRecipients>;

/** The one-year limit: entries older than a year before today are named so the family can drop them. */
export const ZComplaintTimeLimit = z.object({
  /** The earliest day a violation may have happened for a complaint received today. */
  earliest: ZIsoDate,
  /** Ids of chosen entries dated before `earliest`. */
  tooOld: z.array(z.string()),
  citation: z.string(),
});
export type ComplaintTimeLimit = z.infer<typeof ZComplaintTimeLimit>;

export const ZComplaintGap = z.object({ field: z.string(), message: z.string(), citation: z.string() });
export type ComplaintGap = z.infer<typeof ZComplaintGap>;

export const ZComplaintDraft = z.object({
  id: z.string(),
  studentId: z.string(),
  revision: z.number().int(),
  text: ZComplaintText,
  evidence: z.array(ZComplaintEvidence),
  /** What 300.153(b) asks for that the draft does not yet say. */
  gaps: z.array(ZComplaintGap),
  timeLimit: ZComplaintTimeLimit,
  sendTo: ZComplaintRecipients,
  /**
   * The district serving the child, as `complaintRecipients` takes it: a page in another language
   * says where to send the complaint in its own words.
   */
  district: z.object({ name: z.string(), state: z.string() }),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ComplaintDraft = z.infer<typeof ZComplaintDraft>;
export const ZComplaintDraftList = z.object({ items: z.array(ZComplaintDraft) });
export type ComplaintDraftList = z.infer<typeof ZComplaintDraftList>;

export const ZCreateComplaintDraftBody = z.object({
  entryIds: z
    .array(z.string().min(1).max(200))
    .min(1, { message: "Choose at least one entry of the chronology" })
    .max(MAX_COMPLAINT_ENTRIES, { message: `Choose at most ${MAX_COMPLAINT_ENTRIES} entries` }),
});
export type CreateComplaintDraftBody = z.input<typeof ZCreateComplaintDraftBody>;

export const ZSaveComplaintDraftBody = z.object({ revision: z.number().int().min(1), text: ZComplaintText });
export type SaveComplaintDraftBody = z.input<typeof ZSaveComplaintDraftBody>;

export const ZComplaintDraftParams = ZStudentIdParams.extend({
  draftId: z.uuid({ error: "draftId must be the id of a complaint draft (a UUID)" }),
});

/** The language Lantern writes a complaint's own words in (headings, labels, notes, dates); the family's words stay as written. */
export type ComplaintLanguage = "en" | "es";
/** The complaint PDF's query: `lang=es` prints it in Spanish. */
export const ZComplaintPdfQuery = z.object({ lang: z.enum(["en", "es"]).default("en") });

/** The state education agency a complaint goes to (300.151), by the district's state. */
export function complaintRecipients(
  state: string,
  districtName: string,
  lang: ComplaintLanguage = "en",
): ComplaintRecipients {
  const es = lang === "es";
  // The California agency's name is a proper name and stays as it is.
  const agency =
    state === "CA"
      ? "California Department of Education, Special Education Division"
      : es
        ? "La agencia de educación de su estado (su oficina de educación especial)"
        : "Your state education agency (its special education office)";
  return {
    agency,
    copyTo: es
      ? `${districtName}, la agencia pública que atiende al niño`
      : `${districtName}, the public agency serving the child`,
    citation: `${COMPLAINT_CITATIONS.stateProcedures}; ${COMPLAINT_CITATIONS.copyToDistrict}`,
  };
}

/** 300.153(c): the violation must have happened within a year before the state receives the complaint. */
export function complaintTimeLimit(entries: readonly Pick<ChronologyEntry, "id" | "date">[], today: IsoDate) {
  const earliest = addYears(today, -1);
  return {
    earliest,
    tooOld: entries.filter((e) => e.date < earliest).map((e) => e.id),
    citation: COMPLAINT_CITATIONS.oneYear,
  } satisfies ComplaintTimeLimit;
}

/** What each missing part of 300.153(b) asks the family to add, by field, in English and Spanish. */
const GAP_MESSAGES: Record<ComplaintLanguage, Record<string, string>> = {
  en: {
    violation: "Say which requirement the district did not meet",
    facts: "Give the facts the complaint is based on",
    "complainant.name": "Sign with your name",
    "complainant.address": "Give your contact information (address, phone or email)",
    "child.name": "Give the child's name",
    "child.address": "Give the address where the child lives",
    "child.school": "Give the name of the child's school",
  },
  es: {
    violation: "Diga qué regla no cumplió el distrito",
    facts: "Diga los hechos en los que se basa la queja",
    "complainant.name": "Firme con su nombre",
    "complainant.address": "Dé cómo encontrarle (dirección, teléfono o correo electrónico)",
    "child.name": "Dé el nombre del niño",
    "child.address": "Dé la dirección donde vive el niño",
    "child.school": "Dé el nombre de la escuela del niño",
  },
};

/** What 300.153(b) asks for that the draft does not yet say, each with its rule. */
export function complaintGaps(t: ComplaintText, lang: ComplaintLanguage = "en"): ComplaintGap[] {
  const gaps: ComplaintGap[] = [];
  const say = GAP_MESSAGES[lang];
  const need = (value: string, field: string, citation: string) => {
    if (value.trim() === "") gaps.push({ field, message: say[field] ?? field, citation });
  };
  need(t.violation, "violation", COMPLAINT_CITATIONS.violation);
  need(t.facts, "facts", COMPLAINT_CITATIONS.facts);
  need(t.complainant.name, "complainant.name", COMPLAINT_CITATIONS.complainant);
  need(
    `${t.complainant.address}${t.complainant.phone}${t.complainant.email}`,
    "complainant.address",
    COMPLAINT_CITATIONS.complainant,
  );
  need(t.child.name, "child.name", COMPLAINT_CITATIONS.childName);
  need(t.child.address, "child.address", COMPLAINT_CITATIONS.childName);
  need(t.child.school, "child.school", COMPLAINT_CITATIONS.school);
  return gaps;
}

export type ComplaintSources = {
  studentName: string;
  schoolName: string;
  districtName: string;
  complainant: { name: string; email: string; relationship: string };
  evidence: readonly ComplaintEvidence[];
};

function ruleOf(e: ChronologyEntry): string {
  return e.rule ? ` (${e.rule})` : "";
}

/** The first draft's words, from the chosen entries: the family rewrites them as it sees fit. */
export function draftComplaintText(src: ComplaintSources): ComplaintText {
  const entries = src.evidence.map((e) => e.entry);
  const missedServices = entries.filter((e) => e.kind === "missed-sessions" && e.outcome === "missed");
  const lateDeadlines = entries.filter(
    (e) => (e.kind === "deadline" || e.kind === "records-request") && e.outcome === "missed",
  );
  const rules = [...new Set(entries.flatMap((e) => (e.rule ? e.rule.split("; ") : [])))];
  const violation = [
    `I believe ${src.districtName} violated requirements of Part B of the Individuals with Disabilities Education Act in the education of ${src.studentName}.`,
    ...(missedServices.length > 0
      ? [
          "The district did not provide the special education and related services in the child's IEP (34 CFR 300.323(c)(2); 300.320(a)(7)).",
        ]
      : []),
    ...(lateDeadlines.length > 0
      ? ["The district did not meet the time limits the law sets (see the facts below)."]
      : []),
    ...(rules.length > 0 ? [`The requirements concerned: ${rules.join("; ")}.`] : []),
  ].join(" ");
  const facts = src.evidence.map((ev) => `${ev.entry.date}: ${ev.entry.what}${ruleOf(ev.entry)}`).join("\n");
  const resolution = [
    ...(missedServices.length > 0
      ? [
          "Compensatory services for every minute of services that was missed and not made up, at a time that does not take the child out of other instruction, with a written schedule.",
        ]
      : []),
    ...(lateDeadlines.length > 0
      ? ["That the district meet these time limits from now on, and say in writing how."]
      : []),
    "A written answer to each part of this complaint.",
  ].join("\n");
  return {
    violation,
    facts,
    resolution,
    complainant: {
      name: src.complainant.name,
      relationship: src.complainant.relationship,
      address: "",
      phone: "",
      email: src.complainant.email,
    },
    child: { name: src.studentName, address: "", school: src.schoolName },
  };
}

/** What each finished complaint says about itself: plain words the PDF and the page both show. */
export const COMPLAINT_NOTES = {
  notLegalAdvice:
    "General information, not legal advice. Lantern wrote a first draft from the records it holds; you decide what the complaint says. A parent center or a lawyer can help.",
  oneYear:
    "A complaint must be about something that happened not more than one year before the state receives it (34 CFR 300.153(c)).",
  howToSend:
    "Sign the complaint and send it to the state education agency. When you file it, send a copy to the district that serves your child (34 CFR 300.153(d)). The state has 60 days to decide, unless it extends the time (34 CFR 300.152(a)).",
} as const;

/** The same notes in Spanish (the Spanish PDF); citations kept as they are. */
export const COMPLAINT_NOTES_ES: Record<keyof typeof COMPLAINT_NOTES, string> = {
  notLegalAdvice:
    "Es información general, no asesoría legal. Lantern escribió un primer borrador con los registros que tiene. Usted decide lo que dice la queja. Un centro de padres o un abogado le pueden ayudar.",
  oneYear:
    "Una queja debe tratar de algo que pasó no más de un año antes del día en que el estado la recibe (34 CFR 300.153(c)).",
  howToSend:
    "Firme la queja y envíela a la agencia de educación del estado. Cuando la envíe, mande una copia al distrito que atiende a su niño (34 CFR 300.153(d)). El estado tiene 60 días para decidir, a menos que alargue el plazo (34 CFR 300.152(a)).",
};

/** What the record holds behind chosen entries, as the server reads it (sessions, the plan's services). */
export type ComplaintEvidenceSources = {
  sessions: ReadonlyArray<{ date: IsoDate; service: string; minutes: number; status: string; provider?: string }>;
  /** Session statuses the school answers for (the district's compensatory policy). */
  owedReasons: ReadonlySet<string>;
  /** The plan's own words for each service, by the service's name, with the version that says so. */
  planWords: ReadonlyArray<{ service: string; effectiveFrom: IsoDate; version: string; words: string }>;
};

/**
 * The evidence for each chosen entry: for missed services, every missed session of that service and
 * month and the plan's own words for the service (what was promised); for a deadline or a records
 * request, the due date and the days late with the rule; for anything else, the entry itself.
 */
export function complaintEvidence(
  entries: readonly ChronologyEntry[],
  src: ComplaintEvidenceSources,
): ComplaintEvidence[] {
  return entries.map((entry) => {
    const details: string[] = [];
    if (entry.kind === "missed-sessions") {
      const [, service = "", month = ""] = /^missed-sessions:(.*):(\d{4}-\d{2})$/.exec(entry.id) ?? [];
      const missed = src.sessions
        .filter((s) => s.service === service && s.date.startsWith(month) && src.owedReasons.has(s.status))
        .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      for (const s of missed) {
        details.push(
          `Session of ${s.date}: ${s.minutes} minutes of ${s.service} not given (${(SESSION_STATUS_LABELS as Record<string, string>)[s.status] ?? s.status}).`,
        );
      }
      const madeUp = src.sessions.filter(
        (s) => s.service === service && s.date.startsWith(month) && s.status === "make-up",
      );
      for (const s of madeUp) details.push(`Make-up session of ${s.date}: ${s.minutes} minutes.`);
      const words = src.planWords
        .filter((w) => w.service === service && w.effectiveFrom <= `${month}-31`)
        .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1))
        .at(-1);
      if (words) details.push(`The plan says (${words.version}): "${words.words}"`);
    } else if (entry.outcome === "missed" && entry.daysLate !== null) {
      details.push(
        `${entry.daysLate} day${entry.daysLate === 1 ? "" : "s"} late.${entry.rule ? ` Rule: ${entry.rule}.` : ""}`,
      );
    } else if (entry.rule) {
      details.push(`Rule: ${entry.rule}.`);
    }
    return { entry, details };
  });
}
