/**
 * One page for the staff who work with the student: accommodations, goals and services (IEP) or
 * aids and services (Section 504), as a tagged PDF. Long lists are cut to keep one sheet, with a
 * line saying how many more items the full plan lists.
 */
import { describeServiceAmount, type PlanDocument, SERVICE_AREA_LABELS } from "@lantern/core";
import { type Block, bold, h1, h3, list, type PdfDocumentSpec, p, table } from "./pdf-model.ts";
import { filled, formatPlanDate, orNone, type PlanPdfOptions, planDocument, studentName } from "./plan-pdf-parts.ts";

/** How many items the at-a-glance page lists before it says "N more … in the full plan". */
export type AtAGlanceLimits = { accommodations: number; goals: number; services: number };
export const GLANCE_LIMITS: AtAGlanceLimits = { accommodations: 22, goals: 12, services: 12 };

const SMALL = 7.5;

/** A note when a list was cut to keep the page to one sheet. */
function more(total: number, shown: number, noun: string): Block[] {
  return total > shown
    ? [p(bold(`${total - shown} more ${noun} are listed in the full plan.`), { size: SMALL, spaceBefore: 2 })]
    : [];
}

const cut = (t: string, n: number) => {
  const s = t.trim().replace(/\s+/g, " ");
  return s.length <= n ? s : `${s.slice(0, n - 1).trimEnd()}…`;
};

const section = (title: string): Block => h3(title, { size: 10, spaceBefore: 6, spaceAfter: 2 });

export function atAGlancePdfDocument(
  doc: PlanDocument,
  options: PlanPdfOptions = {},
  limits: AtAGlanceLimits = GLANCE_LIMITS,
): PdfDocumentSpec {
  const caseManager = doc.attendees.find(
    (a) => a.role === "special-education-teacher" || (doc.type === "section-504" && a.title.includes("504")),
  );
  const content: Block[] = [
    h1(`${doc.type === "iep" ? "IEP" : "504 plan"} at a glance: ${studentName(doc)}`, { size: 14 }),
    p(
      `Grade ${orNone(doc.student.grade, "?")} · ${orNone(doc.student.school, "")} · Plan ${formatPlanDate(doc.dates.planStart)}${doc.type === "iep" ? ` to ${formatPlanDate(doc.dates.planEnd)}` : ""}${caseManager ? ` · Contact: ${caseManager.name}` : ""}`,
      { size: 8, spaceBefore: 2, spaceAfter: 4 },
    ),
    p("Confidential: for staff who work with this student. The full plan is the official document.", {
      size: 7,
      italic: true,
      spaceAfter: 2,
    }),
    section("Accommodations"),
    table(
      [
        { header: "Type", width: 58 },
        { header: "Accommodation", width: "*" },
        { header: "When", width: 150 },
      ],
      doc.accommodations.slice(0, limits.accommodations).map((a) => [a.category, cut(a.text, 110), cut(a.when, 60)]),
      { style: { size: SMALL, lines: "horizontal", spaceAfter: 0 } },
    ),
    ...more(doc.accommodations.length, limits.accommodations, "accommodations"),
  ];
  if (doc.type === "iep") {
    content.push(
      section("Goals"),
      list(
        doc.goals.slice(0, limits.goals).map((g) => [bold(`${orNone(g.area, "Goal")}: `), cut(g.statement, 150)]),
        { ordered: true, style: { size: SMALL, spaceAfter: 0 } },
      ),
      ...more(doc.goals.length, limits.goals, "goals"),
      section("Services"),
      p(
        doc.services
          .slice(0, limits.services)
          .map(
            (s) =>
              `${SERVICE_AREA_LABELS[s.area]}${s.area === "other" && filled(s.description) ? ` (${cut(s.description, 40)})` : ""}: ${describeServiceAmount(s) || "not set"}`,
          )
          .join(" · "),
        { size: SMALL },
      ),
    );
  } else {
    content.push(
      section("Aids and services"),
      list(
        doc.aidsAndServices.slice(0, 10).map((s) => cut(`${s.description} — ${s.frequency}`, 160)),
        { style: { size: SMALL } },
      ),
    );
  }
  return planDocument("At a glance", doc, content, options, { margins: [40, 36, 40, 40] });
}
