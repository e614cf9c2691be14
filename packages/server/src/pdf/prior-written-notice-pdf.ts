/**
 * The prior written notice (34 CFR 300.503) as a tagged letter to the parent: what the school
 * proposes or refuses, why, on what basis, the parent's protections, where to get help, the other
 * options considered and other factors — the seven contents of 300.503(b), numbered as in core.
 *
 * In English or Spanish (`options.lang`; 300.503(c): in the parent's native language). In Spanish
 * the letter's own words are Spanish; what the team wrote is in Spanish where a person translated
 * it (decision 0027), with who and when, and otherwise as written, marked English, with a plain
 * line saying that part is only in English.
 */
import { type IepDocument, translatableTexts } from "@lantern/core";
import { h1, type PdfDocumentSpec, p } from "./pdf-model.ts";
import {
  fieldRow,
  filled,
  MUTED,
  orNone,
  type PlanPdfOptions,
  para,
  planDocument,
  pwnBody,
  studentName,
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

function priorWrittenNoticeInSpanish(doc: IepDocument, options: PlanPdfOptions): PdfDocumentSpec {
  const translate = options.translate ?? (() => null);
  const anyTranslated = translatableTexts(doc).some((t) => t.part === "notice" && translate(t.pointer) !== null);
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
      p(
        anyTranslated
          ? "El equipo de la escuela escribió esta notificación en inglés. Una persona del equipo tradujo algunas partes al español; cada una dice quién la tradujo y cuándo. Las demás están en inglés, y lo dicen."
          : "Las partes que escribió el equipo de la escuela están en inglés, como las escribió.",
        { ...MUTED, spaceAfter: 4 },
      ),
      ...pwnBody(doc.priorWrittenNotice, "es", translate),
    ],
    options,
  );
}
