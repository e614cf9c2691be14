/**
 * The plan explained to the family in plain language, as a tagged PDF: what the plan is, what the
 * child does well and works on, the help and changes the school gives, where the child learns, how
 * the family hears about progress, and the family's rights. The full plan is the official document.
 */
import { describeServiceAmount, type PlanDocument, SERVICE_AREA_LABELS } from "@lantern/core";
import { type Block, bold, type PdfDocumentSpec, p } from "./pdf-model.ts";
import {
  bullets,
  callName,
  fieldRow,
  filled,
  formatPlanDate,
  heading,
  orNone,
  type PlanPdfOptions,
  para,
  planDocument,
  sub,
  titleBlock,
} from "./plan-pdf-parts.ts";

export function familySummaryPdfDocument(doc: PlanDocument, options: PlanPdfOptions = {}): PdfDocumentSpec {
  const name = callName(doc);
  const isIep = doc.type === "iep";
  const content: Block[] = [
    ...titleBlock(`${name}'s ${isIep ? "IEP" : "504 plan"}: a summary for families`, doc, options),
    ...heading("About this plan"),
    para(
      isIep
        ? `An IEP (Individualized Education Program) is the school's written promise of the teaching, services and supports ${name} will get because of a disability. This summary explains it in plain words. The full IEP is the official document.`
        : `A Section 504 plan lists the changes and supports the school will give ${name} so a disability does not stand in the way of learning. This summary explains it in plain words. The full plan is the official document.`,
    ),
    fieldRow("The plan starts", formatPlanDate(doc.dates.planStart)),
    fieldRow(
      isIep ? "Next yearly review" : "Next review",
      formatPlanDate(doc.type === "iep" ? doc.dates.nextAnnualReview : doc.dates.reviewDate),
    ),
  ];
  if (doc.type === "iep") {
    content.push(
      ...heading(`What ${name} does well`),
      bullets(doc.presentLevels.strengths),
      ...heading(`What ${name} is working on this year`),
      ...(doc.goals.length === 0
        ? [para("No goals are written yet.")]
        : doc.goals.map((g) =>
            p([
              bold(`${orNone(g.area, "Goal")}: `),
              orNone(g.statement),
              g.baseline.value !== null && g.target.value !== null
                ? ` (Now: ${g.baseline.value}${filled(g.unit) ? ` ${g.unit}` : ""}. Goal: ${g.target.value}${filled(g.unit) ? ` ${g.unit}` : ""}.)`
                : "",
            ]),
          )),
      ...heading(`Help ${name} will get`),
      bullets(
        doc.services.map(
          (s) =>
            `${SERVICE_AREA_LABELS[s.area]}${filled(s.description) && s.area === "other" ? ` (${s.description.trim()})` : ""}: ${describeServiceAmount(s) || "amount not set yet"}, ${s.delivery === "individual" ? "one-on-one" : s.delivery === "group" ? "in a small group" : "the specialist works with the teachers"}${filled(s.location) ? `, in ${s.location}` : ""}${filled(s.providerRole) ? `, with the ${s.providerRole.toLowerCase()}` : ""}.`,
        ),
        "No services are listed yet.",
      ),
      ...heading(`Changes to how ${name} learns and takes tests`),
      bullets(doc.accommodations.map((a) => `${a.text.trim()}${filled(a.when) ? ` — ${a.when.trim()}` : ""}`)),
      ...heading(`Where ${name} learns`),
      para(
        doc.placement.percentInGeneralEducation === null
          ? "Not decided yet."
          : `${name} will spend about ${doc.placement.percentInGeneralEducation}% of the school day in general education classes with classmates who do not have disabilities${filled(doc.placement.school) ? `, at ${doc.placement.school}` : ""}.`,
      ),
      ...(filled(doc.placement.nonParticipationExplanation) ? [para(doc.placement.nonParticipationExplanation)] : []),
      ...heading("How you will hear about progress"),
      para(
        `${orNone(doc.progressReporting.format, "You will get progress reports")}${doc.progressReporting.reportDates.length > 0 ? `. Expected dates: ${doc.progressReporting.reportDates.map(formatPlanDate).join(", ")}.` : "."}`,
      ),
      ...heading("Summer services (extended school year)"),
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
        ...heading("Planning for life after high school"),
        bullets(doc.transition.postsecondaryGoals.map((g) => g.text)),
        para(doc.transition.courseOfStudy, ""),
      );
    }
    if (doc.transferOfRights)
      content.push(...heading("When your child turns 18"), para(doc.transferOfRights.statement));
    if (doc.consent.choice === "consent-except" && doc.consent.exclusions.length > 0) {
      content.push(
        ...heading("Parts you did not agree to"),
        para("You agreed to this IEP except the parts below. The school carries out the parts you agreed to."),
        bullets(doc.consent.exclusions.map((e) => orNone(e.description, e.section))),
      );
    }
  } else {
    content.push(
      ...heading(`Why ${name} has a 504 plan`),
      bullets(doc.impairments.flatMap((i) => i.limitations.map((l) => `${i.name}: ${l.description}`))),
      ...heading(`Changes and supports for ${name}`),
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
    ...heading("Your rights"),
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
  return planDocument("Family summary", doc, content, options);
}
