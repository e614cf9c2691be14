/**
 * The full IEP as a tagged PDF: every section with the rule it implements (34 CFR 300.320–300.324),
 * tables for goals, services and accommodations, the SHA-256 seal when the version is sealed.
 */
import {
  DISABILITY_CATEGORY_LABELS,
  describeConsentRecord,
  describeServiceAmount,
  formatLongDate,
  IEP_SECTIONS,
  type IepDocument,
  LRE_SETTING_LABELS,
  SERVICE_AREA_LABELS,
  SERVICE_KIND_LABELS,
} from "@lantern/core";
import { type Block, bold, type Cell, list, type PdfDocumentSpec, p, table } from "./pdf-model.ts";
import {
  bullets,
  fieldRow,
  filled,
  formatPlanDate,
  fromCore,
  grid,
  heading,
  meetingSection,
  NOT_RECORDED,
  orNone,
  type PlanPdfOptions,
  para,
  planDocument,
  pwnBody,
  safeguardsSection,
  signaturesSection,
  studentSection,
  sub,
  titleBlock,
  yesNo,
} from "./plan-pdf-parts.ts";

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

function goalBlocks(goal: IepDocument["goals"][number], index: number, needs: Map<string, string>): Block[] {
  const unit = filled(goal.unit) ? ` ${goal.unit.trim()}` : "";
  // The description says it in words; the number (with its unit) stands in when there are no words.
  const measure = (v: number | null, d: string) => (filled(d) ? d.trim() : v !== null ? `${v}${unit}` : NOT_RECORDED);
  const rows: Cell[][] = [
    [
      "Baseline",
      `${measure(goal.baseline.value, goal.baseline.description)}${goal.baseline.measuredOn ? ` (${formatPlanDate(goal.baseline.measuredOn)})` : ""}`,
    ],
    ["Target", `${measure(goal.target.value, goal.target.description)} (${goal.direction})`],
    ["Criterion", orNone(goal.criterion)],
    ["How measured", orNone(goal.measurementMethod)],
    ["By", formatPlanDate(goal.byDate)],
    ["Needs addressed", goal.needIds.map((id) => needs.get(id) ?? id).join("; ") || NOT_RECORDED],
  ];
  const objectives: Block[] =
    goal.shortTermObjectives.length > 0
      ? [
          p(bold("Short-term objectives"), { spaceBefore: 4, spaceAfter: 2 }),
          list(
            goal.shortTermObjectives.map(
              (o) =>
                `${orNone(o.text)}${filled(o.criterion) ? ` (${o.criterion})` : ""}${o.byDate ? ` by ${formatPlanDate(o.byDate)}` : ""}`,
            ),
            { ordered: true },
          ),
        ]
      : [];
  return [
    {
      kind: "heading",
      level: 3,
      text: `Goal ${index + 1}: ${orNone(goal.area, "Goal")}${goal.domain ? ` (${goal.domain})` : ""}`,
      style: { spaceBefore: 6, spaceAfter: 2 },
    },
    para(goal.statement),
    table(
      [
        { header: "", width: 95 },
        { header: "", width: "*" },
      ],
      rows,
      {
        rowHeaders: true,
        style: { lines: "horizontal", spaceAfter: 4 },
      },
    ),
    ...objectives,
  ];
}

function transitionContent(doc: IepDocument, citation: string): Block[] {
  const t = doc.transition;
  if (!t) return [...heading("Transition plan", citation), para("No transition plan is recorded.")];
  const areas = {
    "education-training": "Education or training",
    employment: "Employment",
    "independent-living": "Independent living",
  };
  return [
    ...heading("Transition plan", citation),
    sub("Measurable postsecondary goals"),
    grid(
      ["Area", "Goal"],
      t.postsecondaryGoals.map((g) => [areas[g.area], orNone(g.text)]),
      [110, "*"],
    ),
    sub("Age-appropriate transition assessments"),
    grid(
      ["Assessment", "Date", "Summary"],
      t.assessments.map((a) => [orNone(a.name), formatPlanDate(a.date), orNone(a.summary, "")]),
      [130, 80, "*"],
    ),
    sub("Transition services"),
    grid(
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
    fieldRow("Student invited to the meeting", yesNo(t.studentInvited)),
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

function iepBody(doc: IepDocument, options: PlanPdfOptions): Block[] {
  const c = Object.fromEntries(IEP_PDF_SECTIONS.map((s) => [s.key, s.citation])) as Record<
    (typeof IEP_PDF_SECTIONS)[number]["key"],
    string
  >;
  const d = doc.dates;
  const pl = doc.presentLevels;
  const needs = new Map(pl.needs.map((n) => [n.id, orNone(n.area, n.id)]));
  const goals = new Map(doc.goals.map((g, i) => [g.id, `Goal ${i + 1}`]));
  const disability: [string, string][] = [
    ["Primary disability", doc.primaryDisability ? DISABILITY_CATEGORY_LABELS[doc.primaryDisability] : NOT_RECORDED],
    ...(doc.secondaryDisabilities.length > 0
      ? [
          [
            "Other disabilities",
            doc.secondaryDisabilities.map((cat) => DISABILITY_CATEGORY_LABELS[cat]).join(", "),
          ] as [string, string],
        ]
      : []),
  ];
  return [
    ...titleBlock("Individualized Education Program (IEP)", doc, options, "34 CFR 300.320–300.324"),
    ...studentSection(doc, c.student, disability),
    sub("Key dates"),
    grid(
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
          fieldRow(
            "Made",
            doc.amendment.madeAtMeeting === false
              ? `without a meeting, by written agreement of the parent on ${formatPlanDate(doc.amendment.parentWrittenAgreementDate)}`
              : "at a team meeting",
          ),
        ]
      : []),
    ...meetingSection(doc, c.meeting),

    ...heading(IEP_PDF_SECTIONS[2].title, c.presentLevels),
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
    grid(
      ["Need", "Description"],
      pl.needs.map((n) => [orNone(n.area), orNone(n.description, "")]),
      [140, "*"],
    ),

    ...heading("Measurable annual goals", c.goals),
    ...(doc.goals.length === 0 ? [para("No goals recorded.")] : doc.goals.flatMap((g, i) => goalBlocks(g, i, needs))),

    ...heading("How progress is measured and reported", c.progressReporting),
    fieldRow("How progress is measured", orNone(doc.progressReporting.howMeasured)),
    fieldRow(
      "When reports are given",
      doc.progressReporting.schedule === null
        ? NOT_RECORDED
        : doc.progressReporting.schedule.kind === "report-card-periods"
          ? "Each report-card period"
          : `${doc.progressReporting.schedule.times} time(s) per ${doc.progressReporting.schedule.per}`,
    ),
    fieldRow(
      "Report dates",
      doc.progressReporting.reportDates.map((d) => formatPlanDate(d)).join("; ") || NOT_RECORDED,
    ),
    fieldRow("Format", orNone(doc.progressReporting.format)),

    ...heading(IEP_PDF_SECTIONS[5].title, c.services),
    grid(
      ["Service", "Amount", "Start – end", "Location", "Provider", "Goals"],
      doc.services.map((s) => [
        {
          stack: [
            bold(SERVICE_AREA_LABELS[s.area]),
            { text: SERVICE_KIND_LABELS[s.kind], style: { size: 8 } },
            ...(filled(s.description) ? [{ text: s.description.trim(), style: { size: 8 } }] : []),
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

    ...heading(IEP_PDF_SECTIONS[6].title, c.programModifications),
    grid(
      ["Kind", "Description", "Provided by", "When"],
      doc.programModifications.map((m) => [
        m.kind === "support-for-staff" ? "Support for staff" : "Program modification",
        orNone(m.description),
        orNone(m.providedBy),
        orNone(m.when),
      ]),
      [75, "*", 100, 90],
    ),

    ...heading("Accommodations", c.accommodations),
    grid(
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

    ...heading(IEP_PDF_SECTIONS[8].title, c.assessments),
    grid(
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

    ...heading("Placement and least restrictive environment", c.placement),
    fieldRow(
      "Setting",
      doc.placement.settingCode
        ? (LRE_SETTING_LABELS[doc.placement.settingCode] ?? doc.placement.settingCode)
        : NOT_RECORDED,
    ),
    fieldRow(
      "Time in general education",
      doc.placement.percentInGeneralEducation === null
        ? NOT_RECORDED
        : `${doc.placement.percentInGeneralEducation}% of the school day`,
    ),
    fieldRow("School", orNone(doc.placement.school)),
    fieldRow("School the student would attend if not disabled", yesNo(doc.placement.isSchoolOfResidence)),
    sub("Extent of non-participation with nondisabled peers, and why"),
    para(doc.placement.nonParticipationExplanation),
    sub("Options considered"),
    para(doc.placement.optionsConsidered),
    sub("Potential harmful effects considered"),
    para(doc.placement.harmfulEffectsConsidered),

    ...heading("Special factors considered", c.specialFactors),
    grid(
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

    ...heading("Extended school year", c.extendedSchoolYear),
    fieldRow(
      "Decision",
      doc.extendedSchoolYear.decision === null
        ? NOT_RECORDED
        : {
            required: "Extended school year services are required",
            "not-required": "Extended school year services are not required",
            "to-be-determined": `To be decided${doc.extendedSchoolYear.decideBy ? ` by ${formatPlanDate(doc.extendedSchoolYear.decideBy)}` : ""}`,
          }[doc.extendedSchoolYear.decision],
    ),
    fieldRow("Why", orNone(doc.extendedSchoolYear.rationale)),

    ...transitionContent(doc, c.transition),

    ...heading("Transfer of rights at the age of majority", c.transferOfRights),
    ...(doc.transferOfRights
      ? [
          para(doc.transferOfRights.statement),
          fieldRow("Age of majority", String(doc.transferOfRights.ageOfMajority)),
          fieldRow("Student informed on", formatPlanDate(doc.transferOfRights.studentInformedOn)),
        ]
      : [para("No transfer-of-rights statement is recorded (required at least one year before the age of majority).")]),

    ...heading("Parent consent", c.consent),
    fieldRow(
      "Decision",
      doc.consent.choice === null
        ? "Not yet recorded"
        : {
            consent: "Consents to the IEP",
            "consent-except": "Consents to the IEP except the parts listed below",
            refuse: "Does not consent",
          }[doc.consent.choice],
    ),
    fieldRow("Date", formatPlanDate(doc.consent.date)),
    fieldRow(
      "Given by",
      doc.consent.givenBy
        ? orNone(doc.attendees.find((a) => a.id === doc.consent.givenBy)?.name, doc.consent.givenBy)
        : NOT_RECORDED,
    ),
    ...(doc.consent.recorded
      ? [fieldRow("Recorded", describeConsentRecord(doc.consent.recorded, formatLongDate))]
      : []),
    ...(doc.consent.exclusions.length > 0
      ? [
          sub("Parts not consented to"),
          bullets(
            doc.consent.exclusions.map((e) => `${e.section}${e.itemId ? ` (${e.itemId})` : ""}: ${e.description}`),
          ),
        ]
      : []),
    ...(filled(doc.consent.notes) ? [para(doc.consent.notes)] : []),

    ...heading("Prior written notice", c.priorWrittenNotice),
    ...pwnBody(doc.priorWrittenNotice),
    ...safeguardsSection(doc, c.safeguards),
    ...signaturesSection(doc, c.signatures),
  ];
}

/** The full IEP as a document of the PDF model. */
export function iepPdfDocument(doc: IepDocument, options: PlanPdfOptions = {}): PdfDocumentSpec {
  return planDocument("IEP", doc, iepBody(doc, options), options);
}
