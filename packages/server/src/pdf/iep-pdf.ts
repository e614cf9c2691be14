/**
 * The full IEP as a tagged PDF: every section with the rule it implements (34 CFR 300.320–300.324),
 * tables for goals, services and accommodations, the SHA-256 seal when the version is sealed.
 *
 * In English or Spanish (`options.lang`): in Spanish the headings, labels, explanations, code names
 * (core's LABELS_ES) and dates are Spanish; what the team wrote goes through plan-pdf-parts' team
 * helpers with its field's place in the version (`words.at(pointer)`): in Spanish where a person
 * translated it (decision 0027), with who and when, else as written, marked English, with one plain
 * note at the top saying so.
 */
import {
  describeConsentRecord,
  describeServiceAmount,
  formatLongDate,
  IEP_SECTIONS,
  type IepDocument,
  LABELS_ES,
} from "@lantern/core";
import { type Block, bold, type Cell, list, type PdfDocumentSpec, p, table } from "./pdf-model.ts";
import {
  fieldRow,
  filled,
  formatPlanDate,
  fromCore,
  grid,
  heading,
  label,
  langList,
  meetingSection,
  noneRecorded,
  notRecorded,
  orNone,
  type PdfLanguage,
  type PlanPdfOptions,
  para,
  planDocument,
  pwnBody,
  safeguardsSection,
  signaturesSection,
  studentSection,
  sub,
  type TeamWords,
  teamBullets,
  teamCell,
  teamField,
  teamListItem,
  teamPara,
  teamPiece,
  teamTextNote,
  teamWords,
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

/** Each section's title in Spanish (core's LABELS_ES; "meeting" and "safeguards" as the PDF groups them). */
const IEP_PDF_TITLES_ES: Record<(typeof IEP_PDF_SECTIONS)[number]["key"], string> = {
  ...(Object.fromEntries(
    IEP_PDF_SECTIONS.map((s) => [s.key, (LABELS_ES.iepSection as Record<string, string>)[s.key] ?? s.title]),
  ) as Record<(typeof IEP_PDF_SECTIONS)[number]["key"], string>),
  meeting: "Reunión y equipo",
  safeguards: LABELS_ES.iepSection.safeguardsNotice,
};

const PER_ES = { day: "día", week: "semana", month: "mes" } as const;

/** "2 × 30 minutes per week (60 minutes per week)" in the document's language. */
export function serviceAmountIn(s: Parameters<typeof describeServiceAmount>[0], lang: PdfLanguage): string {
  if (lang === "en") return describeServiceAmount(s);
  const { frequency, minutesPerSession } = s;
  if (!frequency || minutesPerSession === undefined) return "";
  const per = PER_ES[frequency.per];
  const minutes = (n: number) => `${n} ${n === 1 ? "minuto" : "minutos"}`;
  if (frequency.times === 1) return `${minutes(minutesPerSession)} por ${per}`;
  return `${frequency.times} × ${minutes(minutesPerSession)} por ${per} (${minutes(frequency.times * minutesPerSession)} por ${per})`;
}

function goalBlocks(
  goal: IepDocument["goals"][number],
  index: number,
  needs: Map<string, string>,
  w: TeamWords,
): Block[] {
  const lang = w.lang;
  const es = lang === "es";
  const none = notRecorded(lang);
  const date = (d: string | null | undefined) => formatPlanDate(d, lang);
  const unit = filled(goal.unit) ? ` ${goal.unit.trim()}` : "";
  // The description says it in words; the number (with its unit) stands in when there are no words.
  const measure = (v: number | null, d: string): Cell =>
    filled(d) ? teamCell(d, lang) : v !== null ? `${v}${unit}` : none;
  const rows: Cell[][] = [
    ...(es
      ? [
          ["Punto de partida", measure(goal.baseline.value, goal.baseline.description)],
          ...(goal.baseline.measuredOn ? [["Medido el", date(goal.baseline.measuredOn)]] : []),
          ["Objetivo", measure(goal.target.value, goal.target.description)],
          ["Dirección", label("goalDirection", goal.direction, lang)],
        ]
      : [
          [
            "Baseline",
            `${measure(goal.baseline.value, goal.baseline.description)}${goal.baseline.measuredOn ? ` (${date(goal.baseline.measuredOn)})` : ""}`,
          ],
          ["Target", `${measure(goal.target.value, goal.target.description)} (${goal.direction})`],
        ]),
    [es ? "Criterio" : "Criterion", teamCell(goal.criterion, lang)],
    [es ? "Cómo se mide" : "How measured", teamCell(goal.measurementMethod, lang)],
    [es ? "Para el" : "By", date(goal.byDate)],
    [
      es ? "Necesidades que atiende" : "Needs addressed",
      teamCell(goal.needIds.map((id) => needs.get(id) ?? id).join("; "), lang),
    ],
  ];
  const objectives: Block[] =
    goal.shortTermObjectives.length > 0
      ? [
          p(bold(es ? "Objetivos a corto plazo" : "Short-term objectives"), { spaceBefore: 4, spaceAfter: 2 }),
          es
            ? langList(
                goal.shortTermObjectives.map((o, j) =>
                  teamListItem(
                    orNone(o.text, none),
                    w.at(`/goals/${index}/shortTermObjectives/${j}/text`),
                    `${filled(o.criterion) ? ` (${o.criterion})` : ""}${o.byDate ? ` — ${date(o.byDate)}` : ""}`,
                  ),
                ),
                { ordered: true },
              )
            : list(
                goal.shortTermObjectives.map(
                  (o) =>
                    `${orNone(o.text)}${filled(o.criterion) ? ` (${o.criterion})` : ""}${o.byDate ? ` by ${date(o.byDate)}` : ""}`,
                ),
                { ordered: true },
              ),
        ]
      : [];
  const domain = goal.domain ? (es ? (goal.domain === "academic" ? "académica" : "funcional") : goal.domain) : "";
  return [
    {
      kind: "heading",
      level: 3,
      text: `${es ? "Meta" : "Goal"} ${index + 1}: ${orNone(goal.area, es ? "Meta" : "Goal")}${domain ? ` (${domain})` : ""}`,
      style: { spaceBefore: 6, spaceAfter: 2 },
    },
    teamPara(goal.statement, w.at(`/goals/${index}/statement`)),
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

function transitionContent(doc: IepDocument, title: string, citation: string, lang: PdfLanguage): Block[] {
  const es = lang === "es";
  const t = doc.transition;
  if (!t)
    return [
      ...heading(title, citation),
      para(es ? "No hay un plan de transición anotado." : "No transition plan is recorded."),
    ];
  const date = (d: string | null | undefined) => formatPlanDate(d, lang);
  return [
    ...heading(title, citation),
    sub(es ? "Metas medibles para después de la preparatoria" : "Measurable postsecondary goals"),
    grid(
      es ? ["Área", "Meta"] : ["Area", "Goal"],
      t.postsecondaryGoals.map((g) => [label("postsecondaryGoalArea", g.area, lang), teamCell(g.text, lang)]),
      [110, "*"],
      noneRecorded(lang),
    ),
    sub(es ? "Evaluaciones de transición adecuadas a su edad" : "Age-appropriate transition assessments"),
    grid(
      es ? ["Evaluación", "Fecha", "Resumen"] : ["Assessment", "Date", "Summary"],
      t.assessments.map((a) => [teamCell(a.name, lang), date(a.date), teamCell(a.summary, lang, "")]),
      [130, 80, "*"],
      noneRecorded(lang),
    ),
    sub(es ? "Servicios de transición" : "Transition services"),
    grid(
      es ? ["Servicio", "Área", "Quién lo da"] : ["Service", "Area", "Provided by"],
      t.transitionServices.map((s) => [
        teamCell(s.description, lang),
        s.area ? (es ? label("transitionServiceArea", s.area, lang) : s.area.replace(/-/g, " ")) : "",
        teamCell(s.providedBy, lang),
      ]),
      ["*", 90, 120],
      noneRecorded(lang),
    ),
    sub(es ? "Cursos que va a tomar" : "Course of study"),
    teamPara(t.courseOfStudy, lang),
    fieldRow(
      es ? "Se invitó al estudiante a la reunión" : "Student invited to the meeting",
      yesNo(t.studentInvited, lang),
    ),
    sub(es ? "Lo que prefiere y le interesa al estudiante" : "Student's preferences and interests"),
    teamPara(t.studentPreferences, lang),
    ...(t.agenciesInvited.length > 0
      ? [
          sub(es ? "Agencias invitadas" : "Agencies invited"),
          teamBullets(
            t.agenciesInvited.map(
              (a) =>
                `${a.name}${a.consentDate ? (es ? ` (permiso de los padres: ${date(a.consentDate)})` : ` (parent consent ${date(a.consentDate)})`) : ""}`,
            ),
            lang,
          ),
        ]
      : []),
  ];
}

function iepBody(doc: IepDocument, options: PlanPdfOptions): Block[] {
  const lang: PdfLanguage = options.lang ?? "en";
  const es = lang === "es";
  const w = teamWords(options);
  const tr = (en: string, spanish: string) => (es ? spanish : en);
  const none = notRecorded(lang);
  const date = (d: string | null | undefined) => formatPlanDate(d, lang);
  const c = Object.fromEntries(IEP_PDF_SECTIONS.map((s) => [s.key, s.citation])) as Record<
    (typeof IEP_PDF_SECTIONS)[number]["key"],
    string
  >;
  const title = (key: (typeof IEP_PDF_SECTIONS)[number]["key"], english: string) =>
    es ? IEP_PDF_TITLES_ES[key] : english;
  const d = doc.dates;
  const pl = doc.presentLevels;
  const needs = new Map(pl.needs.map((n) => [n.id, orNone(n.area, n.id)]));
  const goalWord = tr("Goal", "Meta");
  const goals = new Map(doc.goals.map((g, i) => [g.id, `${goalWord} ${i + 1}`]));
  const disability: [string, string][] = [
    [
      tr("Primary disability", "Discapacidad principal"),
      doc.primaryDisability ? label("disabilityCategory", doc.primaryDisability, lang) : none,
    ],
    ...(doc.secondaryDisabilities.length > 0
      ? [
          [
            tr("Other disabilities", "Otras discapacidades"),
            doc.secondaryDisabilities.map((cat) => label("disabilityCategory", cat, lang)).join(", "),
          ] as [string, string],
        ]
      : []),
  ];
  const schedule = doc.progressReporting.schedule;
  return [
    ...titleBlock(
      tr("Individualized Education Program (IEP)", "Programa de Educación Individualizado (IEP)"),
      doc,
      options,
      "34 CFR 300.320–300.324",
    ),
    ...teamTextNote(w, doc),
    ...studentSection(doc, c.student, disability, lang),
    sub(tr("Key dates", "Fechas clave")),
    grid(
      [tr("Milestone", "Paso"), tr("Date", "Fecha")],
      [
        [tr("Plan starts", "El plan empieza"), date(d.planStart)],
        [tr("Plan ends", "El plan termina"), date(d.planEnd)],
        [tr("Next annual review", "Próxima revisión anual"), date(d.nextAnnualReview)],
        [tr("Last evaluation", "Última evaluación"), date(d.lastEvaluation)],
        [tr("Next reevaluation", "Próxima reevaluación"), date(d.nextReevaluation)],
        [tr("Eligibility determined", "Se decidió que califica"), date(d.eligibilityDetermination)],
      ],
      [140, "*"],
    ),
    ...(doc.amendment
      ? [
          sub(tr("Amendment", "Enmienda")),
          teamPara(doc.amendment.description, lang),
          fieldRow(
            tr("Made", "Cómo se hizo"),
            doc.amendment.madeAtMeeting === false
              ? tr(
                  `without a meeting, by written agreement of the parent on ${date(doc.amendment.parentWrittenAgreementDate)}`,
                  `sin reunión, con el acuerdo por escrito de los padres el ${date(doc.amendment.parentWrittenAgreementDate)}`,
                )
              : tr("at a team meeting", "en una reunión del equipo"),
          ),
        ]
      : []),
    ...meetingSection(doc, c.meeting, w),

    ...heading(title("presentLevels", IEP_PDF_SECTIONS[2].title), c.presentLevels),
    sub(tr("Academic achievement", "Logro académico")),
    teamPara(pl.academic, w.at("/presentLevels/academic")),
    sub(tr("Functional performance", "Rendimiento funcional")),
    teamPara(pl.functional, w.at("/presentLevels/functional")),
    sub(
      tr(
        "How the disability affects involvement and progress in the general curriculum",
        "Cómo afecta la discapacidad su participación y su progreso en las clases de educación general",
      ),
    ),
    teamPara(pl.impactOnGeneralCurriculum, w.at("/presentLevels/impactOnGeneralCurriculum")),
    sub(tr("Evaluation results", "Resultados de la evaluación")),
    teamPara(pl.evaluationSummary, w.at("/presentLevels/evaluationSummary")),
    sub(tr("Strengths", "Fortalezas")),
    teamBullets(pl.strengths, w.at("/presentLevels/strengths")),
    sub(tr("Needs", "Necesidades")),
    grid(
      [tr("Need", "Necesidad"), tr("Description", "Descripción")],
      pl.needs.map((n, i) => [
        teamCell(n.area, lang),
        teamCell(n.description, w.at(`/presentLevels/needs/${i}/description`), ""),
      ]),
      [140, "*"],
      noneRecorded(lang),
    ),

    ...heading(title("goals", "Measurable annual goals"), c.goals),
    ...(doc.goals.length === 0
      ? [para(tr("No goals recorded.", "No hay metas anotadas."))]
      : doc.goals.flatMap((g, i) => goalBlocks(g, i, needs, w))),

    ...heading(title("progressReporting", "How progress is measured and reported"), c.progressReporting),
    ...teamField(tr("How progress is measured", "Cómo se mide el progreso"), doc.progressReporting.howMeasured, lang),
    fieldRow(
      tr("When reports are given", "Cuándo se dan los informes"),
      schedule === null
        ? none
        : schedule.kind === "report-card-periods"
          ? tr("Each report-card period", "Con cada boleta de calificaciones")
          : es
            ? `${schedule.times} ${schedule.times === 1 ? "vez" : "veces"} por ${label("progressSchedulePeriod", schedule.per, lang)}`
            : `${schedule.times} time(s) per ${schedule.per}`,
    ),
    fieldRow(
      tr("Report dates", "Fechas de los informes"),
      doc.progressReporting.reportDates.map((x) => date(x)).join("; ") || none,
    ),
    ...teamField(tr("Format", "Formato"), doc.progressReporting.format, lang),

    ...heading(title("services", IEP_PDF_SECTIONS[5].title), c.services),
    grid(
      es
        ? ["Servicio", "Cantidad", "Inicio – fin", "Lugar", "Quién lo da", "Metas"]
        : ["Service", "Amount", "Start – end", "Location", "Provider", "Goals"],
      doc.services.map((s, i) => [
        {
          stack: [
            bold(label("serviceArea", s.area, lang)),
            { text: label("serviceKind", s.kind, lang), style: { size: 8 } },
            ...[teamPiece(s.description, w.at(`/services/${i}/description`), { size: 8 })].filter((x) => x !== null),
          ],
        },
        `${serviceAmountIn(s, lang) || none}, ${es ? label("serviceDelivery", s.delivery, lang).toLowerCase() : s.delivery}`,
        `${date(s.startDate)} – ${s.endDate ? date(s.endDate) : tr("end of plan", "fin del plan")}`,
        teamCell(s.location, lang),
        teamCell(s.providerRole, lang),
        s.goalIds.map((id) => goals.get(id) ?? id).join(", "),
      ]),
      [120, 75, 70, "*", 65, 40],
      noneRecorded(lang),
    ),

    ...heading(title("programModifications", IEP_PDF_SECTIONS[6].title), c.programModifications),
    grid(
      es ? ["Tipo", "Descripción", "Quién lo da", "Cuándo"] : ["Kind", "Description", "Provided by", "When"],
      doc.programModifications.map((m, i) => [
        es
          ? label("programModificationKind", m.kind, lang)
          : m.kind === "support-for-staff"
            ? "Support for staff"
            : "Program modification",
        teamCell(m.description, w.at(`/programModifications/${i}/description`)),
        teamCell(m.providedBy, lang),
        teamCell(m.when, lang),
      ]),
      [75, "*", 100, 90],
      noneRecorded(lang),
    ),

    ...heading(title("accommodations", "Accommodations"), c.accommodations),
    grid(
      es
        ? ["Tipo", "Adaptación", "Quién la da", "Cuándo", "Necesidades"]
        : ["Type", "Accommodation", "Who provides it", "When", "Needs"],
      doc.accommodations.map((a, i) => [
        es ? label("accommodationCategory", a.category, lang) : a.category,
        teamCell(a.text, w.at(`/accommodations/${i}/text`)),
        teamCell(a.providedBy, lang),
        teamCell(a.when, lang),
        teamCell(a.needIds.map((id) => needs.get(id) ?? id).join("; "), lang, ""),
      ]),
      [60, "*", 95, 90, 70],
      noneRecorded(lang),
    ),

    ...heading(title("assessments", IEP_PDF_SECTIONS[8].title), c.assessments),
    grid(
      es
        ? ["Examen", "Participación", "Adaptaciones", "Si es alterno: por qué"]
        : ["Assessment", "Participation", "Accommodations", "If alternate: why"],
      doc.assessments.map((a) => {
        const accs = a.accommodationIds.map((id) => doc.accommodations.find((x) => x.id === id)?.text ?? id).join("; ");
        return [
          teamCell(a.name, lang),
          a.participation
            ? es
              ? label("assessmentParticipation", a.participation, lang)
              : a.participation.replace(/-/g, " ")
            : tr("Not decided", "Sin decidir"),
          teamCell(accs, lang, tr("None", "Ninguna")),
          a.participation === "alternate"
            ? es
              ? {
                  stack: [
                    "El examen normal no es adecuado:",
                    teamPiece(a.whyRegularNotAppropriate, lang) ?? none,
                    "El examen alterno es adecuado:",
                    teamPiece(a.whyAlternateAppropriate, lang) ?? none,
                  ],
                }
              : `Regular not appropriate: ${orNone(a.whyRegularNotAppropriate)}. Alternate appropriate: ${orNone(a.whyAlternateAppropriate)}.`
            : tr("Not applicable", "No aplica"),
        ];
      }),
      [110, 80, "*", 90],
      noneRecorded(lang),
    ),

    ...heading(title("placement", "Placement and least restrictive environment"), c.placement),
    fieldRow(
      tr("Setting", "Ambiente"),
      doc.placement.settingCode ? label("lreSetting", doc.placement.settingCode, lang) : none,
    ),
    fieldRow(
      tr("Time in general education", "Tiempo en educación general"),
      doc.placement.percentInGeneralEducation === null
        ? none
        : tr(
            `${doc.placement.percentInGeneralEducation}% of the school day`,
            `${doc.placement.percentInGeneralEducation}% del día escolar`,
          ),
    ),
    fieldRow(tr("School", "Escuela"), orNone(doc.placement.school, none)),
    fieldRow(
      tr(
        "School the student would attend if not disabled",
        "Es la escuela a la que iría si no tuviera una discapacidad",
      ),
      yesNo(doc.placement.isSchoolOfResidence, lang),
    ),
    sub(
      tr(
        "Extent of non-participation with nondisabled peers, and why",
        "Cuánto tiempo no está con compañeros sin discapacidades, y por qué",
      ),
    ),
    teamPara(doc.placement.nonParticipationExplanation, w.at("/placement/nonParticipationExplanation")),
    sub(tr("Options considered", "Opciones que se pensaron")),
    teamPara(doc.placement.optionsConsidered, lang),
    sub(tr("Potential harmful effects considered", "Posibles efectos dañinos que se tomaron en cuenta")),
    teamPara(doc.placement.harmfulEffectsConsidered, lang),

    ...heading(title("specialFactors", "Special factors considered"), c.specialFactors),
    grid(
      es ? ["Factor", "Se consideró", "Aplica", "Notas"] : ["Factor", "Considered", "Applies", "Notes"],
      (
        [
          [tr("Behavior", "Conducta"), doc.specialFactors.behavior],
          [
            tr("Limited English proficiency", "Dominio limitado del inglés"),
            doc.specialFactors.limitedEnglishProficiency,
          ],
          [tr("Braille", "Braille"), doc.specialFactors.braille],
          [tr("Communication", "Comunicación"), doc.specialFactors.communication],
          [tr("Assistive technology", "Tecnología de asistencia"), doc.specialFactors.assistiveTechnology],
        ] as const
      ).map(([name, f]) => [name, yesNo(f.considered, lang), yesNo(f.applies, lang), teamCell(f.notes, lang, "")]),
      [100, 50, 50, "*"],
    ),

    ...heading(title("extendedSchoolYear", "Extended school year"), c.extendedSchoolYear),
    fieldRow(
      tr("Decision", "Decisión"),
      doc.extendedSchoolYear.decision === null
        ? none
        : es
          ? {
              required: "Necesita servicios del año escolar extendido",
              "not-required": "No necesita servicios del año escolar extendido",
              "to-be-determined": `Por decidir${doc.extendedSchoolYear.decideBy ? ` antes del ${date(doc.extendedSchoolYear.decideBy)}` : ""}`,
            }[doc.extendedSchoolYear.decision]
          : {
              required: "Extended school year services are required",
              "not-required": "Extended school year services are not required",
              "to-be-determined": `To be decided${doc.extendedSchoolYear.decideBy ? ` by ${date(doc.extendedSchoolYear.decideBy)}` : ""}`,
            }[doc.extendedSchoolYear.decision],
    ),
    ...teamField(tr("Why", "Por qué"), doc.extendedSchoolYear.rationale, lang),

    ...transitionContent(doc, title("transition", "Transition plan"), c.transition, lang),

    ...heading(title("transferOfRights", "Transfer of rights at the age of majority"), c.transferOfRights),
    ...(doc.transferOfRights
      ? [
          teamPara(doc.transferOfRights.statement, lang),
          fieldRow(tr("Age of majority", "Mayoría de edad"), String(doc.transferOfRights.ageOfMajority)),
          fieldRow(
            tr("Student informed on", "Se le informó al estudiante el"),
            date(doc.transferOfRights.studentInformedOn),
          ),
        ]
      : [
          para(
            tr(
              "No transfer-of-rights statement is recorded (required at least one year before the age of majority).",
              "No hay una declaración del traspaso de derechos anotada (se necesita al menos un año antes de la mayoría de edad).",
            ),
          ),
        ]),

    ...heading(title("consent", "Parent consent"), c.consent),
    fieldRow(
      tr("Decision", "Decisión"),
      doc.consent.choice === null
        ? tr("Not yet recorded", "Todavía no se ha anotado")
        : es
          ? label("consentChoice", doc.consent.choice, lang)
          : {
              consent: "Consents to the IEP",
              "consent-except": "Consents to the IEP except the parts listed below",
              refuse: "Does not consent",
            }[doc.consent.choice],
    ),
    fieldRow(tr("Date", "Fecha"), date(doc.consent.date)),
    fieldRow(
      tr("Given by", "Lo dio"),
      doc.consent.givenBy
        ? orNone(doc.attendees.find((a) => a.id === doc.consent.givenBy)?.name, doc.consent.givenBy)
        : none,
    ),
    ...(doc.consent.recorded
      ? [
          fieldRow(
            tr("Recorded", "Cómo se anotó"),
            describeConsentRecord(doc.consent.recorded, (x) => formatLongDate(x, lang), lang),
          ),
        ]
      : []),
    ...(doc.consent.exclusions.length > 0
      ? [
          sub(tr("Parts not consented to", "Partes sin consentimiento")),
          teamBullets(
            doc.consent.exclusions.map((e) => `${e.section}${e.itemId ? ` (${e.itemId})` : ""}: ${e.description}`),
            lang,
          ),
        ]
      : []),
    ...(filled(doc.consent.notes) ? [teamPara(doc.consent.notes, lang)] : []),

    ...heading(title("priorWrittenNotice", "Prior written notice"), c.priorWrittenNotice),
    ...pwnBody(doc.priorWrittenNotice, lang, w.translate),
    ...safeguardsSection(doc, c.safeguards, lang),
    ...signaturesSection(doc, c.signatures, lang),
  ];
}

/** The full IEP as a document of the PDF model. */
export function iepPdfDocument(doc: IepDocument, options: PlanPdfOptions = {}): PdfDocumentSpec {
  return planDocument("IEP", doc, iepBody(doc, options), options);
}
