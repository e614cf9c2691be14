/**
 * The prior written notice (34 CFR 300.503) as a tagged letter to the parent: what the school
 * proposes or refuses, why, on what basis, the parent's protections, where to get help, the other
 * options considered and other factors — the seven contents of 300.503(b), numbered as in core.
 *
 * In English or Spanish (`options.lang`; 300.503(c): in the parent's native language). In Spanish
 * the letter's own words are Spanish and what the team wrote stays as written, marked English.
 */
import { type IepDocument, PRIOR_WRITTEN_NOTICE_ELEMENTS, type PriorWrittenNotice } from "@lantern/core";
import { type Block, h1, list, type PdfDocumentSpec, p } from "./pdf-model.ts";
import {
  fieldRow,
  filled,
  formatPlanDate,
  grid,
  MUTED,
  orNone,
  type PlanPdfOptions,
  para,
  planDocument,
  pwnBody,
  studentName,
  sub,
} from "./plan-pdf-parts.ts";

export function priorWrittenNoticePdfDocument(doc: IepDocument, options: PlanPdfOptions = {}): PdfDocumentSpec {
  if (options.lang === "es") return priorWrittenNoticeInSpanish(doc, options);
  const parents = doc.student.guardians.map((g) => g.name).filter(filled);
  return planDocument(
    "Prior written notice",
    doc,
    [
      h1("Prior Written Notice"),
      p("34 CFR 300.503", { ...MUTED, spaceAfter: 8 }),
      fieldRow("To", parents.length > 0 ? parents.join(" and ") : "Parent or guardian"),
      fieldRow(
        "About",
        `${studentName(doc)}, grade ${orNone(doc.student.grade, "?")}, ${orNone(doc.student.school, "")}`,
      ),
      fieldRow("From", orNone(doc.student.district, "The school district")),
      para(
        "The law requires the school to tell you in writing, a reasonable time before it proposes or refuses to start or change your child's identification, evaluation, educational placement or services, what it proposes or refuses and why.",
      ),
      ...pwnBody(doc.priorWrittenNotice),
    ],
    options,
  );
}

/** The seven contents of 300.503(b) as the Spanish letter names them. */
const TITLES_ES: Record<(typeof PRIOR_WRITTEN_NOTICE_ELEMENTS)[number]["key"], string> = {
  action: "Lo que la escuela propone o niega",
  reasons: "Por qué",
  basis: "En qué se basa la decisión",
  safeguards: "Sus derechos",
  sourcesOfHelp: "Dónde pedir ayuda",
  optionsConsidered: "Otras opciones que se pensaron",
  otherFactors: "Otros factores",
};

const NONE_ES = "No anotado";
const TEAM = { lang: "en-US" } as const;

function priorWrittenNoticeInSpanish(doc: IepDocument, options: PlanPdfOptions): PdfDocumentSpec {
  const parents = doc.student.guardians.map((g) => g.name).filter(filled);
  const about = [
    studentName(doc),
    filled(doc.student.grade) ? `grado ${doc.student.grade.trim()}` : "",
    orNone(doc.student.school, ""),
  ]
    .filter(filled)
    .join(", ");
  return planDocument(
    "Notificación previa por escrito",
    doc,
    [
      h1("Notificación previa por escrito"),
      p("34 CFR 300.503", { ...MUTED, spaceAfter: 8 }),
      fieldRow("Para", parents.length > 0 ? parents.join(" y ") : "Padre, madre o tutor"),
      fieldRow("Sobre", about),
      fieldRow("De", orNone(doc.student.district, "El distrito escolar")),
      p(
        "La ley pide que la escuela le diga por escrito lo que propone o lo que niega, y por qué. Debe hacerlo un tiempo razonable antes de empezar o cambiar la identificación, la evaluación, la colocación o los servicios de su hijo.",
      ),
      p("Las partes que escribió el equipo de la escuela están en inglés, como las escribió.", {
        ...MUTED,
        spaceAfter: 4,
      }),
      ...bodyInSpanish(doc.priorWrittenNotice),
    ],
    options,
  );
}

function bodyInSpanish(notice: PriorWrittenNotice | null): Block[] {
  if (!notice) return [p("No hay una notificación previa por escrito anotada para este plan.")];
  const team = (text: string | null | undefined): Block => (filled(text) ? { ...p(text.trim()), ...TEAM } : p(NONE_ES));
  const items = (values: readonly string[]): Block => {
    const shown = values.filter(filled).map((v) => v.trim());
    return shown.length === 0 ? p(NONE_ES) : { ...list(shown), ...TEAM };
  };
  const action: Block[] = [
    ...(notice.action === "refuse"
      ? [p("La escuela niega:")]
      : notice.action === "propose"
        ? [p("La escuela propone:")]
        : []),
    team(notice.actionDescription),
  ];
  const values: Record<(typeof PRIOR_WRITTEN_NOTICE_ELEMENTS)[number]["key"], Block[]> = {
    action,
    reasons: [team(notice.reasons)],
    basis: [items(notice.basis)],
    safeguards: [team(notice.safeguardsStatement)],
    sourcesOfHelp: [items(notice.sourcesOfHelp)],
    optionsConsidered: [
      grid(
        ["Opción", "Por qué no se eligió"],
        notice.optionsConsidered.map((o) => [orNone(o.option, NONE_ES), orNone(o.whyRejected, NONE_ES)]),
        [150, "*"],
        "Ninguna anotada.",
      ),
    ],
    otherFactors: [team(notice.otherFactors)],
  };
  return [
    fieldRow("Fecha", formatPlanDate(notice.date, "es")),
    ...(filled(notice.language) ? [fieldRow("Idioma", notice.language)] : []),
    ...PRIOR_WRITTEN_NOTICE_ELEMENTS.flatMap((e) => [
      sub(`${e.number}. ${TITLES_ES[e.key]}`),
      p(e.citation, { ...MUTED, spaceAfter: 2 }),
      ...values[e.key],
    ]),
  ];
}
