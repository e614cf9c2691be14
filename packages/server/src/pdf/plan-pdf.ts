/**
 * Plan documents as PDF with real, extractable text (pdfmake, standard Helvetica):
 * - the full plan (IEP or Section 504), every section with its rule, tables for goals, services
 *   and accommodations, the SHA-256 seal when the version is sealed, page numbers;
 * - a parent summary in plain language;
 * - a one-page "at a glance" for teachers (accommodations and goals);
 * - the prior written notice (34 CFR 300.503).
 */
import {
  DISABILITY_CATEGORY_LABELS,
  describeServiceAmount,
  formatLongDate,
  formatPlanHash,
  IEP_SECTIONS,
  type IepDocument,
  isIsoDate,
  LRE_SETTING_LABELS,
  type PlanDocument,
  type PlanSeal,
  type PlanSection,
  PRIOR_WRITTEN_NOTICE_ELEMENTS,
  type PriorWrittenNotice,
  SECTION_504_SECTIONS,
  SERVICE_AREA_LABELS,
  SERVICE_KIND_LABELS,
  type Section504Document,
  TEAM_ROLE_LABELS,
} from "@lantern/core";
import type { Content, TableCell, TDocumentDefinitions } from "pdfmake/interfaces.js";
import { configurePdfmake } from "./pdf-fonts.ts";

export const PLAN_PDF_KINDS = ["full", "parent-summary", "at-a-glance", "prior-written-notice"] as const;
export type PlanPdfKind = (typeof PLAN_PDF_KINDS)[number];

export type PlanPdfOptions = {
  /** The seal of a signed version: its SHA-256 is printed on every page. */
  seal?: PlanSeal | null | undefined;
  /** Version number in the plan's history, when known. */
  version?: number | undefined;
};

/**
 * A section heading of a PDF, taken from core's section list (one title and citation per section),
 * optionally under another key where the PDF groups things differently.
 */
function fromCore<K extends string, As extends string = K>(
  sections: readonly PlanSection<string>[],
  key: K,
  as?: As,
): { key: As; title: string; citation: string } {
  const section = sections.find((s) => s.key === key);
  if (!section) throw new Error(`No plan section "${key}" in core's section list`);
  return { key: (as ?? key) as As, title: section.title, citation: section.citation };
}

/** Section headings of the full IEP, in order, with the rule each implements. */
export const IEP_PDF_SECTIONS = [
  fromCore(IEP_SECTIONS, "student"),
  { key: "meeting", title: "Meeting and team", citation: "34 CFR 300.321; 300.322" } as const,
  fromCore(IEP_SECTIONS, "presentLevels"),
  fromCore(IEP_SECTIONS, "goals"),
  fromCore(IEP_SECTIONS, "progressReporting"),
  fromCore(IEP_SECTIONS, "services"),
  fromCore(IEP_SECTIONS, "programModifications"),
  fromCore(IEP_SECTIONS, "accommodations"),
  fromCore(IEP_SECTIONS, "assessments"),
  fromCore(IEP_SECTIONS, "placement"),
  fromCore(IEP_SECTIONS, "specialFactors"),
  fromCore(IEP_SECTIONS, "extendedSchoolYear"),
  fromCore(IEP_SECTIONS, "transition"),
  fromCore(IEP_SECTIONS, "transferOfRights"),
  fromCore(IEP_SECTIONS, "consent"),
  fromCore(IEP_SECTIONS, "priorWrittenNotice"),
  fromCore(IEP_SECTIONS, "safeguardsNotice", "safeguards"),
  fromCore(IEP_SECTIONS, "signatures"),
] as const;

/** Section headings of the full Section 504 plan. */
export const SECTION_504_PDF_SECTIONS = [
  fromCore(SECTION_504_SECTIONS, "student"),
  { key: "meeting", title: "Meeting and team", citation: "34 CFR 104.35(c)" } as const,
  fromCore(SECTION_504_SECTIONS, "impairments"),
  fromCore(SECTION_504_SECTIONS, "evaluationSources"),
  fromCore(SECTION_504_SECTIONS, "accommodations"),
  fromCore(SECTION_504_SECTIONS, "aidsAndServices"),
  fromCore(SECTION_504_SECTIONS, "placement"),
  { key: "review", title: "Review and reevaluation", citation: "34 CFR 104.35(d)" } as const,
  fromCore(SECTION_504_SECTIONS, "safeguardsNotice", "safeguards"),
  fromCore(SECTION_504_SECTIONS, "signatures"),
] as const;

// ---------------------------------------------------------------------------------------------
// Small helpers

const NOT_RECORDED = "Not recorded";
const filled = (t: string | null | undefined): t is string => (t ?? "").trim() !== "";
const orNone = (t: string | null | undefined, none = NOT_RECORDED): string => (filled(t) ? t.trim() : none);

/** "2026-10-06T16:42:00-07:00" → "2026-10-06 16:42 (UTC-07:00)". */
export function formatPlanTimestamp(timestamp: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(timestamp);
  if (!m) return timestamp;
  return `${m[1]} ${m[2]} (UTC${m[3] === "Z" ? "" : m[3]})`;
}

export function formatPlanDate(date: string | null | undefined): string {
  if (!date || !isIsoDate(date)) return NOT_RECORDED;
  return formatLongDate(date);
}

function studentName(doc: PlanDocument): string {
  const name = `${doc.student.firstName} ${doc.student.lastName}`.trim();
  return name || "Student";
}

function callName(doc: PlanDocument): string {
  return orNone(doc.student.preferredName, "") || orNone(doc.student.firstName, "the student");
}

function heading(title: string, citation?: string): Content {
  return {
    stack: [{ text: title, style: "h2" }, ...(citation ? [{ text: citation, style: "citation" } as Content] : [])],
    margin: [0, 14, 0, 6],
    headlineLevel: 1,
  };
}

function sub(title: string): Content {
  return { text: title, style: "h3", margin: [0, 8, 0, 3] };
}

function para(text: string | null | undefined, none = NOT_RECORDED): Content {
  return { text: orNone(text, none), margin: [0, 0, 0, 5] };
}

function field(label: string, value: string): Content {
  return { text: [{ text: `${label}: `, bold: true }, value], margin: [0, 0, 0, 3] };
}

function bullets(items: readonly string[], none = "None recorded."): Content {
  const list = items.filter(filled);
  if (list.length === 0) return para(none);
  return { ul: list.map((t) => t.trim()), margin: [0, 0, 0, 6] };
}

function table(headers: string[], rows: TableCell[][], widths: (string | number)[], none = "None recorded."): Content {
  if (rows.length === 0) return para(none);
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths,
      body: [headers.map((h): TableCell => ({ text: h, style: "th" })), ...rows],
    },
    layout: {
      fillColor: (rowIndex: number) => (rowIndex === 0 ? "#e8eef5" : null),
      hLineColor: () => "#9aa5b1",
      vLineColor: () => "#9aa5b1",
      paddingTop: () => 3,
      paddingBottom: () => 3,
    },
    fontSize: 9,
    margin: [0, 2, 0, 8],
  };
}

function yesNo(value: boolean | null): string {
  return value === null ? "Not decided" : value ? "Yes" : "No";
}

function sealBox(seal: PlanSeal | null | undefined): Content[] {
  if (!seal) return [];
  return [
    {
      table: {
        widths: ["*"],
        body: [
          [
            {
              stack: [
                { text: "Sealed version", bold: true },
                {
                  text: `This signed version cannot be changed. SHA-256 of its canonical JSON: ${seal.hash}`,
                  fontSize: 8,
                },
                { text: `Sealed at ${formatPlanTimestamp(seal.sealedAt)}`, fontSize: 8 },
              ],
            },
          ],
        ],
      },
      layout: { fillColor: () => "#f3f6f9" },
      margin: [0, 0, 0, 10],
    },
  ];
}

function baseDocument(
  title: string,
  doc: PlanDocument,
  content: Content[],
  options: PlanPdfOptions,
  extra: Partial<TDocumentDefinitions> = {},
): TDocumentDefinitions {
  const name = studentName(doc);
  const seal = options.seal ?? null;
  return {
    info: { title: `${title}: ${name}`, subject: title, creator: "Lantern" },
    pageSize: "LETTER",
    pageMargins: [54, 54, 54, 60],
    defaultStyle: { font: "Helvetica", fontSize: 10, lineHeight: 1.2 },
    styles: {
      h1: { fontSize: 17, bold: true },
      h2: { fontSize: 13, bold: true, color: "#1d3557" },
      h3: { fontSize: 11, bold: true },
      th: { bold: true },
      citation: { fontSize: 8, color: "#555555" },
      muted: { fontSize: 8, color: "#555555" },
    },
    footer: (currentPage: number, pageCount: number): Content => ({
      columns: [
        {
          text: `${name} · ${title}${seal ? ` · SHA-256 ${formatPlanHash(seal.hash.slice(0, 16))}…` : ""}`,
          fontSize: 7,
        },
        { text: `Page ${currentPage} of ${pageCount}`, alignment: "right", fontSize: 8 },
      ],
      margin: [54, 20, 54, 0],
    }),
    pageBreakBefore: (node, following) =>
      node.headlineLevel === 1 && (following.getFollowingNodesOnPage?.().length ?? 1) === 0,
    content,
    ...extra,
  };
}

function titleBlock(title: string, doc: PlanDocument, options: PlanPdfOptions, subtitle?: string): Content[] {
  const s = doc.student;
  const version = options.version !== undefined ? ` · Version ${options.version}` : "";
  return [
    { text: title, style: "h1" },
    {
      text: `${studentName(doc)} · ${orNone(s.school, "School not recorded")}${version}`,
      margin: [0, 2, 0, 2],
    },
    ...(subtitle ? [{ text: subtitle, style: "muted", margin: [0, 0, 0, 8] } as Content] : []),
    ...sealBox(options.seal),
  ];
}

function studentSection(doc: PlanDocument, citation: string): Content[] {
  const s = doc.student;
  const rows: Content[] = [
    field("Name", studentName(doc) + (filled(s.preferredName) ? ` (goes by ${s.preferredName.trim()})` : "")),
    field("Date of birth", formatPlanDate(s.dateOfBirth)),
    field("Grade", orNone(s.grade)),
    field("School", orNone(s.school)),
    field("District", orNone(s.district)),
    field("Student number", orNone(s.localId)),
    field("Primary language", orNone(s.primaryLanguage)),
  ];
  if (doc.type === "iep") {
    rows.push(
      field(
        "Primary disability",
        doc.primaryDisability ? DISABILITY_CATEGORY_LABELS[doc.primaryDisability] : NOT_RECORDED,
      ),
    );
    if (doc.secondaryDisabilities.length > 0)
      rows.push(
        field("Other disabilities", doc.secondaryDisabilities.map((c) => DISABILITY_CATEGORY_LABELS[c]).join(", ")),
      );
  }
  const guardians = s.guardians.map(
    (g) =>
      `${orNone(g.name)}${filled(g.relationship) ? ` (${g.relationship})` : ""}${filled(g.language) ? `, language: ${g.language}` : ""}`,
  );
  return [heading("Student information", citation), ...rows, sub("Parents or guardians"), bullets(guardians)];
}

function meetingSection(doc: PlanDocument, citation: string): Content[] {
  const m = doc.meeting;
  const out: Content[] = [
    heading("Meeting and team", citation),
    field("Meeting date", formatPlanDate(m.date)),
    field("Meeting type", m.type ? m.type.replace(/-/g, " ") : NOT_RECORDED),
    field("Location", orNone(m.location)),
    field("How the parent took part", m.parentParticipation ? m.parentParticipation.replace(/-/g, " ") : NOT_RECORDED),
  ];
  if (m.notice) {
    out.push(
      field(
        "Meeting notice",
        `sent ${formatPlanDate(m.notice.sentOn)}; purpose: ${orNone(m.notice.purpose)}${m.notice.time ? `; time ${m.notice.time}` : ""}`,
      ),
    );
  }
  out.push(sub("Team members"));
  out.push(
    table(
      ["Name", "Role", "Title", "Attendance"],
      doc.attendees.map((a) => [
        orNone(a.name),
        TEAM_ROLE_LABELS[a.role],
        orNone(a.title, ""),
        a.attendance.replace(/-/g, " "),
      ]),
      ["*", "*", "*", 70],
    ),
  );
  const excused = doc.attendees.filter((a) => a.attendance === "excused" && a.excusal);
  if (excused.length > 0) {
    out.push(sub("Excusals (34 CFR 300.321(e))"));
    for (const a of excused) {
      const e = a.excusal;
      if (!e) continue;
      const parts = [
        e.areaModifiedOrDiscussed ? "Area discussed at the meeting" : "Area not discussed",
        e.parentWrittenAgreementDate
          ? `parent's written agreement ${formatPlanDate(e.parentWrittenAgreementDate)}`
          : "",
        e.parentWrittenConsentDate ? `parent's written consent ${formatPlanDate(e.parentWrittenConsentDate)}` : "",
        e.agencyAgreementDate ? `district agreement ${formatPlanDate(e.agencyAgreementDate)}` : "",
        e.writtenInputDate ? `written input given ${formatPlanDate(e.writtenInputDate)}` : "",
      ].filter(Boolean);
      out.push(para(`${orNone(a.name)} (${TEAM_ROLE_LABELS[a.role]}): ${parts.join("; ")}. ${e.notes}`.trim()));
    }
  }
  if (m.parentContactAttempts.length > 0) {
    out.push(sub("Efforts to involve the parent"));
    out.push(
      table(
        ["Date", "How", "Result"],
        m.parentContactAttempts.map((c) => [formatPlanDate(c.date), c.method.replace(/-/g, " "), orNone(c.result)]),
        [90, 60, "*"],
      ),
    );
  }
  out.push(sub("Parent concerns"), para(m.parentConcerns), sub("Meeting notes"), para(m.notes));
  return out;
}

/** Only path commands, numbers, separators: anything else is not drawn (no markup from stored data reaches the PDF). */
const SVG_PATH = /^[MmLlHhVvCcSsQqTtAaZz0-9.,\s-]{1,20000}$/;

/** A drawn signature stored as an SVG path, scaled into the table cell; "Drawn" when it cannot be shown. */
function drawnSignature(drawing: string | null): TableCell {
  if (!drawing || !SVG_PATH.test(drawing)) return "Drawn";
  const numbers = (drawing.match(/-?\d*\.?\d+/g) ?? []).map(Number).filter(Number.isFinite);
  const xs = numbers.filter((_, i) => i % 2 === 0);
  const ys = numbers.filter((_, i) => i % 2 === 1);
  const width = Math.max(10, ...xs) + 4;
  const height = Math.max(10, ...ys) + 4;
  return {
    stack: [
      {
        svg: `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}"><path d="${drawing}" fill="none" stroke="#000" stroke-width="2"/></svg>`,
        fit: [64, 24],
      },
      { text: "Drawn", fontSize: 7 },
    ],
  };
}

function signaturesSection(doc: PlanDocument, citation: string): Content[] {
  const byId = new Map(doc.attendees.map((a) => [a.id, a]));
  return [
    heading("Signatures", citation),
    table(
      ["Name", "Role", "Signed", "How", "Meaning"],
      doc.signatures.map((s) => {
        const a = byId.get(s.attendeeId);
        return [
          orNone(s.typedName, a?.name ?? s.attendeeId),
          a ? TEAM_ROLE_LABELS[a.role] : "",
          formatPlanTimestamp(s.signedAt),
          s.method === "typed" ? "Typed" : drawnSignature(s.drawing),
          s.meaning === "agreement" ? "Agrees with the plan" : "Attended the meeting",
        ];
      }),
      ["*", "*", 110, 70, 80],
      "No one has signed this version yet.",
    ),
  ];
}

function safeguardsSection(doc: PlanDocument, citation: string): Content[] {
  const n = doc.safeguardsNotice;
  return [
    heading("Procedural safeguards", citation),
    para(
      n.givenOn
        ? `The notice of procedural safeguards (your rights) was given on ${formatPlanDate(n.givenOn)}${n.method ? ` (${n.method.replace(/-/g, " ")})` : ""}${filled(n.language) ? ` in ${n.language}` : ""}.`
        : "No procedural safeguards notice is recorded for this plan.",
    ),
  ];
}

// ---------------------------------------------------------------------------------------------
// IEP

function goalBlock(goal: IepDocument["goals"][number], index: number, needs: Map<string, string>): Content {
  const unit = filled(goal.unit) ? ` ${goal.unit.trim()}` : "";
  // The description says it in words; the number (with its unit) stands in when there are no words.
  const measure = (v: number | null, d: string) => (filled(d) ? d.trim() : v !== null ? `${v}${unit}` : NOT_RECORDED);
  const rows: TableCell[][] = [
    [
      { text: "Baseline", bold: true },
      `${measure(goal.baseline.value, goal.baseline.description)}${goal.baseline.measuredOn ? ` (${formatPlanDate(goal.baseline.measuredOn)})` : ""}`,
    ],
    [{ text: "Target", bold: true }, `${measure(goal.target.value, goal.target.description)} (${goal.direction})`],
    [{ text: "Criterion", bold: true }, orNone(goal.criterion)],
    [{ text: "How measured", bold: true }, orNone(goal.measurementMethod)],
    [{ text: "By", bold: true }, formatPlanDate(goal.byDate)],
    [{ text: "Needs addressed", bold: true }, goal.needIds.map((id) => needs.get(id) ?? id).join("; ") || NOT_RECORDED],
  ];
  const objectives: Content[] =
    goal.shortTermObjectives.length > 0
      ? [
          { text: "Short-term objectives", bold: true, margin: [0, 4, 0, 2] },
          {
            ol: goal.shortTermObjectives.map(
              (o) =>
                `${orNone(o.text)}${filled(o.criterion) ? ` (${o.criterion})` : ""}${o.byDate ? ` by ${formatPlanDate(o.byDate)}` : ""}`,
            ),
          },
        ]
      : [];
  return {
    stack: [
      {
        text: `Goal ${index + 1}: ${orNone(goal.area, "Goal")}${goal.domain ? ` (${goal.domain})` : ""}`,
        style: "h3",
        margin: [0, 6, 0, 2],
      },
      para(goal.statement),
      { table: { widths: [95, "*"], body: rows }, layout: "lightHorizontalLines", fontSize: 9, margin: [0, 0, 0, 4] },
      ...objectives,
    ],
    margin: [0, 0, 0, 6],
  };
}

function iepContent(doc: IepDocument, options: PlanPdfOptions): Content[] {
  const c = Object.fromEntries(IEP_PDF_SECTIONS.map((s) => [s.key, s.citation])) as Record<
    (typeof IEP_PDF_SECTIONS)[number]["key"],
    string
  >;
  const d = doc.dates;
  const pl = doc.presentLevels;
  const needs = new Map(pl.needs.map((n) => [n.id, orNone(n.area, n.id)]));
  const goals = new Map(doc.goals.map((g, i) => [g.id, `Goal ${i + 1}`]));
  const out: Content[] = [
    ...titleBlock("Individualized Education Program (IEP)", doc, options, "34 CFR 300.320–300.324"),
    ...studentSection(doc, c.student),
    sub("Key dates"),
    table(
      ["Milestone", "Date"],
      [
        ["Plan starts", formatPlanDate(d.planStart)],
        ["Plan ends", formatPlanDate(d.planEnd)],
        ["Next annual review", formatPlanDate(d.nextAnnualReview)],
        ["Last evaluation", formatPlanDate(d.lastEvaluation)],
        ["Next reevaluation", formatPlanDate(d.nextReevaluation)],
        ["Eligibility determined", formatPlanDate(d.eligibilityDetermination)],
      ],
      [140, "*"],
    ),
    ...(doc.amendment
      ? [
          sub("Amendment"),
          para(doc.amendment.description),
          field(
            "Made",
            doc.amendment.madeAtMeeting === false
              ? `without a meeting, by written agreement of the parent on ${formatPlanDate(doc.amendment.parentWrittenAgreementDate)}`
              : "at a team meeting",
          ),
        ]
      : []),
    ...meetingSection(doc, c.meeting),

    heading(IEP_PDF_SECTIONS[2].title, c.presentLevels),
    sub("Academic achievement"),
    para(pl.academic),
    sub("Functional performance"),
    para(pl.functional),
    sub("How the disability affects involvement and progress in the general curriculum"),
    para(pl.impactOnGeneralCurriculum),
    sub("Evaluation results"),
    para(pl.evaluationSummary),
    sub("Strengths"),
    bullets(pl.strengths),
    sub("Needs"),
    table(
      ["Need", "Description"],
      pl.needs.map((n) => [orNone(n.area), orNone(n.description, "")]),
      [140, "*"],
    ),

    heading("Measurable annual goals", c.goals),
    ...(doc.goals.length === 0 ? [para("No goals recorded.")] : doc.goals.map((g, i) => goalBlock(g, i, needs))),

    heading("How progress is measured and reported", c.progressReporting),
    field("How progress is measured", orNone(doc.progressReporting.howMeasured)),
    field(
      "When reports are given",
      doc.progressReporting.schedule === null
        ? NOT_RECORDED
        : doc.progressReporting.schedule.kind === "report-card-periods"
          ? "Each report-card period"
          : `${doc.progressReporting.schedule.times} time(s) per ${doc.progressReporting.schedule.per}`,
    ),
    field("Report dates", doc.progressReporting.reportDates.map(formatPlanDate).join("; ") || NOT_RECORDED),
    field("Format", orNone(doc.progressReporting.format)),

    heading(IEP_PDF_SECTIONS[5].title, c.services),
    table(
      ["Service", "Amount", "Start – end", "Location", "Provider", "Goals"],
      doc.services.map((s) => [
        {
          stack: [
            { text: SERVICE_AREA_LABELS[s.area], bold: true },
            { text: SERVICE_KIND_LABELS[s.kind], fontSize: 8 },
            ...(filled(s.description) ? [{ text: s.description.trim(), fontSize: 8 }] : []),
          ],
        },
        `${describeServiceAmount(s) || NOT_RECORDED}, ${s.delivery}`,
        `${formatPlanDate(s.startDate)} – ${s.endDate ? formatPlanDate(s.endDate) : "end of plan"}`,
        orNone(s.location),
        orNone(s.providerRole),
        s.goalIds.map((id) => goals.get(id) ?? id).join(", "),
      ]),
      [120, 75, 70, "*", 65, 40],
    ),

    heading(IEP_PDF_SECTIONS[6].title, c.programModifications),
    table(
      ["Kind", "Description", "Provided by", "When"],
      doc.programModifications.map((m) => [
        m.kind === "support-for-staff" ? "Support for staff" : "Program modification",
        orNone(m.description),
        orNone(m.providedBy),
        orNone(m.when),
      ]),
      [75, "*", 100, 90],
    ),

    heading("Accommodations", c.accommodations),
    table(
      ["Type", "Accommodation", "Who provides it", "When", "Needs"],
      doc.accommodations.map((a) => [
        a.category,
        orNone(a.text),
        orNone(a.providedBy),
        orNone(a.when),
        a.needIds.map((id) => needs.get(id) ?? id).join("; "),
      ]),
      [60, "*", 95, 90, 70],
    ),

    heading(IEP_PDF_SECTIONS[8].title, c.assessments),
    table(
      ["Assessment", "Participation", "Accommodations", "If alternate: why"],
      doc.assessments.map((a) => {
        const accs = a.accommodationIds.map((id) => doc.accommodations.find((x) => x.id === id)?.text ?? id).join("; ");
        return [
          orNone(a.name),
          a.participation ? a.participation.replace(/-/g, " ") : "Not decided",
          accs || "None",
          a.participation === "alternate"
            ? `Regular not appropriate: ${orNone(a.whyRegularNotAppropriate)}. Alternate appropriate: ${orNone(a.whyAlternateAppropriate)}.`
            : "Not applicable",
        ];
      }),
      [110, 80, "*", 90],
    ),

    heading("Placement and least restrictive environment", c.placement),
    field(
      "Setting",
      doc.placement.settingCode
        ? (LRE_SETTING_LABELS[doc.placement.settingCode] ?? doc.placement.settingCode)
        : NOT_RECORDED,
    ),
    field(
      "Time in general education",
      doc.placement.percentInGeneralEducation === null
        ? NOT_RECORDED
        : `${doc.placement.percentInGeneralEducation}% of the school day`,
    ),
    field("School", orNone(doc.placement.school)),
    field("School the student would attend if not disabled", yesNo(doc.placement.isSchoolOfResidence)),
    sub("Extent of non-participation with nondisabled peers, and why"),
    para(doc.placement.nonParticipationExplanation),
    sub("Options considered"),
    para(doc.placement.optionsConsidered),
    sub("Potential harmful effects considered"),
    para(doc.placement.harmfulEffectsConsidered),

    heading("Special factors considered", c.specialFactors),
    table(
      ["Factor", "Considered", "Applies", "Notes"],
      (
        [
          ["Behavior", doc.specialFactors.behavior],
          ["Limited English proficiency", doc.specialFactors.limitedEnglishProficiency],
          ["Braille", doc.specialFactors.braille],
          ["Communication", doc.specialFactors.communication],
          ["Assistive technology", doc.specialFactors.assistiveTechnology],
        ] as const
      ).map(([label, f]) => [label, f.considered ? "Yes" : "No", yesNo(f.applies), orNone(f.notes, "")]),
      [100, 50, 50, "*"],
    ),

    heading("Extended school year", c.extendedSchoolYear),
    field(
      "Decision",
      doc.extendedSchoolYear.decision === null
        ? NOT_RECORDED
        : {
            required: "Extended school year services are required",
            "not-required": "Extended school year services are not required",
            "to-be-determined": `To be decided${doc.extendedSchoolYear.decideBy ? ` by ${formatPlanDate(doc.extendedSchoolYear.decideBy)}` : ""}`,
          }[doc.extendedSchoolYear.decision],
    ),
    field("Why", orNone(doc.extendedSchoolYear.rationale)),

    ...transitionContent(doc, c.transition),

    heading("Transfer of rights at the age of majority", c.transferOfRights),
    ...(doc.transferOfRights
      ? [
          para(doc.transferOfRights.statement),
          field("Age of majority", String(doc.transferOfRights.ageOfMajority)),
          field("Student informed on", formatPlanDate(doc.transferOfRights.studentInformedOn)),
        ]
      : [para("No transfer-of-rights statement is recorded (required at least one year before the age of majority).")]),

    heading("Parent consent", c.consent),
    field(
      "Decision",
      doc.consent.choice === null
        ? "Not yet recorded"
        : {
            consent: "Consents to the IEP",
            "consent-except": "Consents to the IEP except the parts listed below",
            refuse: "Does not consent",
          }[doc.consent.choice],
    ),
    field("Date", formatPlanDate(doc.consent.date)),
    field(
      "Given by",
      doc.consent.givenBy
        ? orNone(doc.attendees.find((a) => a.id === doc.consent.givenBy)?.name, doc.consent.givenBy)
        : NOT_RECORDED,
    ),
    ...(doc.consent.exclusions.length > 0
      ? [
          sub("Parts not consented to"),
          bullets(
            doc.consent.exclusions.map((e) => `${e.section}${e.itemId ? ` (${e.itemId})` : ""}: ${e.description}`),
          ),
        ]
      : []),
    ...(filled(doc.consent.notes) ? [para(doc.consent.notes)] : []),

    heading("Prior written notice", c.priorWrittenNotice),
    ...pwnBody(doc.priorWrittenNotice),
    ...safeguardsSection(doc, c.safeguards),
    ...signaturesSection(doc, c.signatures),
  ];
  return out;
}

function transitionContent(doc: IepDocument, citation: string): Content[] {
  const t = doc.transition;
  if (!t) return [heading("Transition plan", citation), para("No transition plan is recorded.")];
  const areas = {
    "education-training": "Education or training",
    employment: "Employment",
    "independent-living": "Independent living",
  };
  return [
    heading("Transition plan", citation),
    sub("Measurable postsecondary goals"),
    table(
      ["Area", "Goal"],
      t.postsecondaryGoals.map((g) => [areas[g.area], orNone(g.text)]),
      [110, "*"],
    ),
    sub("Age-appropriate transition assessments"),
    table(
      ["Assessment", "Date", "Summary"],
      t.assessments.map((a) => [orNone(a.name), formatPlanDate(a.date), orNone(a.summary, "")]),
      [130, 80, "*"],
    ),
    sub("Transition services"),
    table(
      ["Service", "Area", "Provided by"],
      t.transitionServices.map((s) => [
        orNone(s.description),
        s.area ? s.area.replace(/-/g, " ") : "",
        orNone(s.providedBy),
      ]),
      ["*", 90, 120],
    ),
    sub("Course of study"),
    para(t.courseOfStudy),
    field("Student invited to the meeting", yesNo(t.studentInvited)),
    sub("Student's preferences and interests"),
    para(t.studentPreferences),
    ...(t.agenciesInvited.length > 0
      ? [
          sub("Agencies invited"),
          bullets(
            t.agenciesInvited.map(
              (a) => `${a.name}${a.consentDate ? ` (parent consent ${formatPlanDate(a.consentDate)})` : ""}`,
            ),
          ),
        ]
      : []),
  ];
}

function pwnBody(notice: PriorWrittenNotice | null): Content[] {
  if (!notice) return [para("No prior written notice is recorded for this plan.")];
  const values: Record<(typeof PRIOR_WRITTEN_NOTICE_ELEMENTS)[number]["key"], Content> = {
    action: para(
      `${notice.action === "refuse" ? "The school refuses: " : notice.action === "propose" ? "The school proposes: " : ""}${orNone(notice.actionDescription)}`,
    ),
    reasons: para(notice.reasons),
    basis: bullets(notice.basis),
    safeguards: para(notice.safeguardsStatement),
    sourcesOfHelp: bullets(notice.sourcesOfHelp),
    optionsConsidered: table(
      ["Option", "Why it was rejected"],
      notice.optionsConsidered.map((o) => [orNone(o.option), orNone(o.whyRejected)]),
      [150, "*"],
    ),
    otherFactors: para(notice.otherFactors),
  };
  return [
    field("Date", formatPlanDate(notice.date)),
    ...(filled(notice.language) ? [field("Language", notice.language)] : []),
    ...PRIOR_WRITTEN_NOTICE_ELEMENTS.flatMap((e) => [sub(`${e.number}. ${e.title}`), values[e.key]]),
  ];
}

// ---------------------------------------------------------------------------------------------
// Section 504

function section504Content(doc: Section504Document, options: PlanPdfOptions): Content[] {
  const c = Object.fromEntries(SECTION_504_PDF_SECTIONS.map((s) => [s.key, s.citation])) as Record<
    (typeof SECTION_504_PDF_SECTIONS)[number]["key"],
    string
  >;
  const limitations = new Map(
    doc.impairments.flatMap((i) => i.limitations.map((l) => [l.id, `${l.majorLifeActivity} (${i.name})`] as const)),
  );
  const limits = (ids: readonly string[]) => ids.map((id) => limitations.get(id) ?? id).join("; ");
  return [
    ...titleBlock("Section 504 Plan", doc, options, "34 CFR 104.33–104.36"),
    ...studentSection(doc, c.student),
    ...meetingSection(doc, c.meeting),
    heading("Impairments and the major life activities they limit", c.impairments),
    ...(doc.impairments.length === 0
      ? [para("No impairment recorded.")]
      : doc.impairments.flatMap((i): Content[] => [
          sub(orNone(i.name, "Impairment")),
          para(i.description, ""),
          ...(i.episodicOrInRemission
            ? [para("Episodic or in remission; it limits a major life activity when active.")]
            : []),
          ...(i.mitigatingMeasures.length > 0
            ? [
                field(
                  "Mitigating measures (not considered in deciding whether the limit is substantial)",
                  i.mitigatingMeasures.join(", "),
                ),
              ]
            : []),
          table(
            ["Major life activity", "How it is limited"],
            i.limitations.map((l) => [orNone(l.majorLifeActivity), orNone(l.description)]),
            [150, "*"],
          ),
        ])),
    heading("Information the team relied on", c.evaluationSources),
    table(
      ["Source", "Description", "Date"],
      doc.evaluationSources.map((s) => [s.kind.replace(/-/g, " "), orNone(s.description), formatPlanDate(s.date)]),
      [100, "*", 90],
    ),
    heading("Accommodations", c.accommodations),
    table(
      ["Type", "Accommodation", "Who provides it", "When", "Limitation"],
      doc.accommodations.map((a) => [
        a.category,
        orNone(a.text),
        orNone(a.providedBy),
        orNone(a.when),
        limits(a.limitationIds),
      ]),
      [50, "*", 90, 80, 80],
    ),
    heading("Related aids and services", c.aidsAndServices),
    table(
      ["Aid or service", "Who provides it", "How often", "Where", "Limitation"],
      doc.aidsAndServices.map((s) => [
        orNone(s.description),
        orNone(s.providedBy),
        orNone(s.frequency),
        orNone(s.location),
        limits(s.limitationIds),
      ]),
      ["*", 75, 90, 70, 75],
    ),
    heading("Educational setting", c.placement),
    para(doc.placement),
    heading("Review and reevaluation", c.review),
    field("Plan starts", formatPlanDate(doc.dates.planStart)),
    field("Next review", formatPlanDate(doc.dates.reviewDate)),
    field("Next reevaluation", formatPlanDate(doc.dates.nextReevaluation)),
    ...(doc.dates.ended ? [field("Ended", formatPlanDate(doc.dates.ended)), para(doc.endReason)] : []),
    ...safeguardsSection(doc, c.safeguards),
    ...signaturesSection(doc, c.signatures),
  ];
}

// ---------------------------------------------------------------------------------------------
// Public: document definitions and renderers

export function planPdfDocument(doc: PlanDocument, options: PlanPdfOptions = {}): TDocumentDefinitions {
  if (doc.type === "iep") return baseDocument("IEP", doc, iepContent(doc, options), options);
  return baseDocument("Section 504 Plan", doc, section504Content(doc, options), options);
}

/** Plain-language summary for the family. */
export function parentSummaryPdfDocument(doc: PlanDocument, options: PlanPdfOptions = {}): TDocumentDefinitions {
  const name = callName(doc);
  const isIep = doc.type === "iep";
  const content: Content[] = [
    ...titleBlock(`${name}'s ${isIep ? "IEP" : "504 plan"}: a summary for families`, doc, options),
    heading("About this plan"),
    para(
      isIep
        ? `An IEP (Individualized Education Program) is the school's written promise of the teaching, services and supports ${name} will get because of a disability. This summary explains it in plain words. The full IEP is the official document.`
        : `A Section 504 plan lists the changes and supports the school will give ${name} so a disability does not stand in the way of learning. This summary explains it in plain words. The full plan is the official document.`,
    ),
    field("The plan starts", formatPlanDate(doc.dates.planStart)),
    field(
      isIep ? "Next yearly review" : "Next review",
      formatPlanDate(doc.type === "iep" ? doc.dates.nextAnnualReview : doc.dates.reviewDate),
    ),
  ];
  if (doc.type === "iep") {
    content.push(
      heading(`What ${name} does well`),
      bullets(doc.presentLevels.strengths),
      heading(`What ${name} is working on this year`),
      ...(doc.goals.length === 0
        ? [para("No goals are written yet.")]
        : doc.goals.map(
            (g): Content => ({
              text: [
                { text: `${orNone(g.area, "Goal")}: `, bold: true },
                orNone(g.statement),
                g.baseline.value !== null && g.target.value !== null
                  ? ` (Now: ${g.baseline.value}${filled(g.unit) ? ` ${g.unit}` : ""}. Goal: ${g.target.value}${filled(g.unit) ? ` ${g.unit}` : ""}.)`
                  : "",
              ],
              margin: [0, 0, 0, 5],
            }),
          )),
      heading(`Help ${name} will get`),
      bullets(
        doc.services.map(
          (s) =>
            `${SERVICE_AREA_LABELS[s.area]}${filled(s.description) && s.area === "other" ? ` (${s.description.trim()})` : ""}: ${describeServiceAmount(s) || "amount not set yet"}, ${s.delivery === "individual" ? "one-on-one" : s.delivery === "group" ? "in a small group" : "the specialist works with the teachers"}${filled(s.location) ? `, in ${s.location}` : ""}${filled(s.providerRole) ? `, with the ${s.providerRole.toLowerCase()}` : ""}.`,
        ),
        "No services are listed yet.",
      ),
      heading(`Changes to how ${name} learns and takes tests`),
      bullets(doc.accommodations.map((a) => `${a.text.trim()}${filled(a.when) ? ` — ${a.when.trim()}` : ""}`)),
      heading(`Where ${name} learns`),
      para(
        doc.placement.percentInGeneralEducation === null
          ? "Not decided yet."
          : `${name} will spend about ${doc.placement.percentInGeneralEducation}% of the school day in general education classes with classmates who do not have disabilities${filled(doc.placement.school) ? `, at ${doc.placement.school}` : ""}.`,
      ),
      ...(filled(doc.placement.nonParticipationExplanation) ? [para(doc.placement.nonParticipationExplanation)] : []),
      heading("How you will hear about progress"),
      para(
        `${orNone(doc.progressReporting.format, "You will get progress reports")}${doc.progressReporting.reportDates.length > 0 ? `. Expected dates: ${doc.progressReporting.reportDates.map(formatPlanDate).join(", ")}.` : "."}`,
      ),
      heading("Summer services (extended school year)"),
      para(
        doc.extendedSchoolYear.decision === "required"
          ? `${name} will get services during the summer.`
          : doc.extendedSchoolYear.decision === "not-required"
            ? `${name} does not need summer services this year. ${doc.extendedSchoolYear.rationale}`.trim()
            : "The team has not decided yet.",
      ),
    );
    if (doc.transition) {
      content.push(
        heading("Planning for life after high school"),
        bullets(doc.transition.postsecondaryGoals.map((g) => g.text)),
        para(doc.transition.courseOfStudy, ""),
      );
    }
    if (doc.transferOfRights) content.push(heading("When your child turns 18"), para(doc.transferOfRights.statement));
    if (doc.consent.choice === "consent-except" && doc.consent.exclusions.length > 0) {
      content.push(
        heading("Parts you did not agree to"),
        para("You agreed to this IEP except the parts below. The school carries out the parts you agreed to."),
        bullets(doc.consent.exclusions.map((e) => orNone(e.description, e.section))),
      );
    }
  } else {
    content.push(
      heading(`Why ${name} has a 504 plan`),
      bullets(doc.impairments.flatMap((i) => i.limitations.map((l) => `${i.name}: ${l.description}`))),
      heading(`Changes and supports for ${name}`),
      bullets(
        doc.accommodations.map((a) => `${a.text.trim()}${filled(a.providedBy) ? ` (${a.providedBy.trim()})` : ""}`),
      ),
      bullets(
        doc.aidsAndServices.map(
          (s) => `${s.description.trim()}${filled(s.frequency) ? ` — ${s.frequency.trim()}` : ""}`,
        ),
        "",
      ),
    );
  }
  content.push(
    heading("Your rights"),
    para(
      `You are an equal member of ${name}'s team. You can ask for a meeting at any time, ask questions, bring someone with you, and disagree. ${
        isIep
          ? "The school must give you written notice before it changes the plan, and it needs your written consent for some decisions."
          : "If you disagree with the school's decisions, you can ask for an impartial hearing."
      }`,
    ),
    para(
      doc.safeguardsNotice.givenOn
        ? `You were given a copy of your rights (procedural safeguards) on ${formatPlanDate(doc.safeguardsNotice.givenOn)}. Ask the school office for another free copy at any time.`
        : "Ask the school office for a free copy of your rights (procedural safeguards).",
    ),
  );
  if (doc.type === "iep" && doc.priorWrittenNotice && doc.priorWrittenNotice.sourcesOfHelp.length > 0) {
    content.push(sub("Where to get help"), bullets(doc.priorWrittenNotice.sourcesOfHelp));
  }
  return baseDocument("Family summary", doc, content, options);
}

/** How many items the at-a-glance page lists before it says "N more … in the full plan". */
export type AtAGlanceLimits = { accommodations: number; goals: number; services: number };
const GLANCE_LIMITS: AtAGlanceLimits = { accommodations: 22, goals: 12, services: 12 };

/** A note when a list was cut to keep the page to one sheet. */
function more(total: number, shown: number, noun: string): Content[] {
  return total > shown
    ? [
        {
          text: `${total - shown} more ${noun} are listed in the full plan.`,
          fontSize: 7.5,
          bold: true,
          margin: [0, 2, 0, 0],
        },
      ]
    : [];
}

/** One page for teachers: accommodations and goals. */
export function atAGlancePdfDocument(
  doc: PlanDocument,
  options: PlanPdfOptions = {},
  limits: AtAGlanceLimits = GLANCE_LIMITS,
): TDocumentDefinitions {
  const cut = (t: string, n: number) => {
    const s = t.trim().replace(/\s+/g, " ");
    return s.length <= n ? s : `${s.slice(0, n - 1).trimEnd()}…`;
  };
  const caseManager = doc.attendees.find(
    (a) => a.role === "special-education-teacher" || (doc.type === "section-504" && a.title.includes("504")),
  );
  const content: Content[] = [
    { text: `${doc.type === "iep" ? "IEP" : "504 plan"} at a glance: ${studentName(doc)}`, style: "h1", fontSize: 14 },
    {
      text: `Grade ${orNone(doc.student.grade, "?")} · ${orNone(doc.student.school, "")} · Plan ${formatPlanDate(doc.dates.planStart)}${doc.type === "iep" ? ` to ${formatPlanDate(doc.dates.planEnd)}` : ""}${caseManager ? ` · Contact: ${caseManager.name}` : ""}`,
      fontSize: 8,
      margin: [0, 2, 0, 4],
    },
    {
      text: "Confidential: for staff who work with this student. The full plan is the official document.",
      fontSize: 7,
      italics: true,
      margin: [0, 0, 0, 4],
    },
    { text: "Accommodations", style: "h3", fontSize: 10, margin: [0, 4, 0, 2] },
    {
      table: {
        headerRows: 1,
        widths: [58, "*", 150],
        body: [
          [
            { text: "Type", bold: true },
            { text: "Accommodation", bold: true },
            { text: "When", bold: true },
          ],
          ...doc.accommodations
            .slice(0, limits.accommodations)
            .map((a): TableCell[] => [a.category, cut(a.text, 110), cut(a.when, 60)]),
        ],
      },
      layout: "lightHorizontalLines",
      fontSize: 7.5,
    },
    ...more(doc.accommodations.length, limits.accommodations, "accommodations"),
  ];
  if (doc.type === "iep") {
    content.push(
      { text: "Goals", style: "h3", fontSize: 10, margin: [0, 6, 0, 2] },
      {
        ol: doc.goals.slice(0, limits.goals).map((g) => ({
          text: [{ text: `${orNone(g.area, "Goal")}: `, bold: true }, cut(g.statement, 150)],
        })),
        fontSize: 7.5,
      },
      ...more(doc.goals.length, limits.goals, "goals"),
      { text: "Services", style: "h3", fontSize: 10, margin: [0, 6, 0, 2] },
      {
        text: doc.services
          .slice(0, limits.services)
          .map(
            (s) =>
              `${SERVICE_AREA_LABELS[s.area]}${s.area === "other" && filled(s.description) ? ` (${cut(s.description, 40)})` : ""}: ${describeServiceAmount(s) || "not set"}`,
          )
          .join(" · "),
        fontSize: 7.5,
      },
    );
  } else {
    content.push(
      { text: "Aids and services", style: "h3", fontSize: 10, margin: [0, 6, 0, 2] },
      { ul: doc.aidsAndServices.slice(0, 10).map((s) => cut(`${s.description} — ${s.frequency}`, 160)), fontSize: 7.5 },
    );
  }
  return baseDocument("At a glance", doc, content, options, { pageMargins: [40, 36, 40, 40] });
}

/** The prior written notice as a letter to the parent. */
export function priorWrittenNoticePdfDocument(doc: IepDocument, options: PlanPdfOptions = {}): TDocumentDefinitions {
  const notice = doc.priorWrittenNotice;
  const parents = doc.student.guardians.map((g) => g.name).filter(filled);
  const content: Content[] = [
    { text: "Prior Written Notice", style: "h1" },
    { text: "34 CFR 300.503", style: "citation", margin: [0, 0, 0, 8] },
    field("To", parents.length > 0 ? parents.join(" and ") : "Parent or guardian"),
    field("About", `${studentName(doc)}, grade ${orNone(doc.student.grade, "?")}, ${orNone(doc.student.school, "")}`),
    field("From", orNone(doc.student.district, "The school district")),
    para(
      "The law requires the school to tell you in writing, a reasonable time before it proposes or refuses to start or change your child's identification, evaluation, educational placement or services, what it proposes or refuses and why.",
    ),
    ...pwnBody(notice),
  ];
  return baseDocument("Prior written notice", doc, content, options);
}

export function planPdfDefinition(
  kind: PlanPdfKind,
  doc: PlanDocument,
  options: PlanPdfOptions = {},
): TDocumentDefinitions {
  switch (kind) {
    case "full":
      return planPdfDocument(doc, options);
    case "parent-summary":
      return parentSummaryPdfDocument(doc, options);
    case "at-a-glance":
      return atAGlancePdfDocument(doc, options);
    case "prior-written-notice":
      if (doc.type !== "iep") throw new RangeError("A prior written notice belongs to an IEP");
      return priorWrittenNoticePdfDocument(doc, options);
  }
}

/** Render a document definition; also report how many pages it took. */
async function renderCounted(definition: TDocumentDefinitions): Promise<{ pdf: Buffer; pages: number }> {
  const pdfmake = configurePdfmake();
  let pages = 0;
  const footer = definition.footer;
  const counted: TDocumentDefinitions = {
    ...definition,
    footer: (currentPage, pageCount, pageSize) => {
      pages = Math.max(pages, pageCount);
      return typeof footer === "function" ? footer(currentPage, pageCount, pageSize) : (footer ?? null);
    },
  };
  const pdf = await pdfmake.createPdf(counted).getBuffer();
  return { pdf, pages };
}

/** Render one of the plan PDFs to bytes. The at-a-glance is kept to one page by listing fewer items when needed. */
export async function renderPlanPdf(
  kind: PlanPdfKind,
  doc: PlanDocument,
  options: PlanPdfOptions = {},
): Promise<Buffer> {
  if (kind !== "at-a-glance") return (await renderCounted(planPdfDefinition(kind, doc, options))).pdf;
  let limits = GLANCE_LIMITS;
  for (let attempt = 0; ; attempt += 1) {
    const { pdf, pages } = await renderCounted(atAGlancePdfDocument(doc, options, limits));
    if (pages <= 1 || attempt >= 6) return pdf;
    limits = {
      accommodations: Math.max(3, Math.floor(limits.accommodations * 0.75)),
      goals: Math.max(2, Math.floor(limits.goals * 0.75)),
      services: Math.max(2, Math.floor(limits.services * 0.75)),
    };
  }
}
