/**
 * The eligibility navigator: given what is known about a student, does the law point to an IEP
 * (IDEA), a Section 504 plan, an evaluation first, early intervention, or no plan — and why.
 *
 * Pure and allocation-light: one pass over the facts, a trace entry per rule applied. Unknown facts
 * (null) never become "no": they make a rule's outcome `unknown`, which leads to `evaluate` and to a
 * `find-out-…` action naming what must be found out.
 */
import {
  type IdeaCategory,
  type Impairment,
  type LikelyPlan,
  type NavigatorAction,
  type NavigatorFacts,
  type NavigatorResult,
  ORDINARY_LENSES,
  type Recommendation,
  type TraceEntry,
  type TraceOutcome,
  type UnknownFact,
} from "./navigator-facts.ts";

export const NAVIGATOR_CITATIONS = {
  partC: "20 USC 1432(5); 34 CFR 303.21",
  partBAge: "34 CFR 300.101(a); 34 CFR 300.102(a)(3)(i)",
  section504Age: "34 CFR 104.3(l)(2)",
  evaluationFirst: "34 CFR 300.301(a); 34 CFR 300.306; 34 CFR 104.35(a)",
  ideaCategory: "34 CFR 300.8(a)(1); 34 CFR 300.8(c)",
  developmentalDelay: "34 CFR 300.8(b)",
  adverseEffect: "34 CFR 300.8(c)",
  specialEducation: "34 CFR 300.8(a)(1); 34 CFR 300.39",
  relatedServiceOnly: "34 CFR 300.8(a)(2)",
  speechAsSpecialEducation: "34 CFR 300.8(a)(2)(ii); 34 CFR 300.39(a)(2)(i)",
  exclusion: "34 CFR 300.306(b)",
  ideaEligibility: "34 CFR 300.8(a)(1)",
  substantialLimitation: "34 CFR 104.3(j)(1); 42 USC 12102(1)(A), (2), (4)(A)",
  mitigatingMeasures: "42 USC 12102(4)(E)",
  episodic: "42 USC 12102(4)(D)",
  recordOrRegarded: "34 CFR 104.3(j)(1); 42 USC 12102(1)(B)-(C)",
  section504Needs: "34 CFR 104.33(b)(1)",
  grades: "42 USC 12102(4)(A); OCR Parent and Educator Resource Guide to Section 504 (2016)",
  section504Eligibility: "34 CFR 104.3(j); 34 CFR 104.33",
  bothPlans: "34 CFR 104.33(b)(2)",
} as const;

type Tri = "met" | "not-met" | "unknown";

function fromBoolean(value: boolean | null): Tri {
  return value === true ? "met" : value === false ? "not-met" : "unknown";
}

/** Three-valued AND: any "not-met" wins, then "unknown". */
function and3(a: Tri, b: Tri): Tri {
  if (a === "not-met" || b === "not-met") return "not-met";
  if (a === "unknown" || b === "unknown") return "unknown";
  return "met";
}

/** Three-valued OR: any "met" wins, then "unknown". */
function or3(a: Tri, b: Tri): Tri {
  if (a === "met" || b === "met") return "met";
  if (a === "unknown" || b === "unknown") return "unknown";
  return "not-met";
}

function isOrdinaryLens(measure: string): boolean {
  return measure === ORDINARY_LENSES[0] || measure === ORDINARY_LENSES[1];
}

const CATEGORY_LABELS: Record<IdeaCategory, string> = {
  autism: "autism",
  "deaf-blindness": "deaf-blindness",
  deafness: "deafness",
  "developmental-delay": "developmental delay",
  "emotional-disturbance": "emotional disturbance",
  "hearing-impairment": "hearing impairment",
  "intellectual-disability": "intellectual disability",
  "multiple-disabilities": "multiple disabilities",
  "orthopedic-impairment": "orthopedic impairment",
  "other-health-impairment": "other health impairment",
  "specific-learning-disability": "specific learning disability",
  "speech-or-language-impairment": "speech or language impairment",
  "traumatic-brain-injury": "traumatic brain injury",
  "visual-impairment": "visual impairment",
};

/**
 * Whether one impairment substantially limits a major life activity or bodily function under the
 * ADAAA rules of construction: mitigating measures are ignored, except ordinary eyeglasses and
 * contact lenses; an episodic or in-remission impairment counts if it limits when active.
 */
export function substantialLimitation(impairment: Impairment): Tri {
  const measures = impairment.mitigatingMeasures;
  let lensesOnly = measures.length > 0;
  for (let i = 0; i < measures.length; i++) {
    if (!isOrdinaryLens(measures[i] as string)) {
      lensesOnly = false;
      break;
    }
  }
  let limit: Tri;
  if (lensesOnly) {
    // Ordinary eyeglasses or contacts are the one measure the law lets us count: judge as corrected.
    limit =
      impairment.limitsNow !== null
        ? fromBoolean(impairment.limitsNow)
        : impairment.limitsWithoutMitigation === false
          ? "not-met"
          : "unknown";
  } else {
    // Any other measure is ignored: what matters is the limit without it. A limit that remains
    // even with the measures in use is a limit without them too.
    limit =
      impairment.limitsWithoutMitigation === true || impairment.limitsNow === true
        ? "met"
        : impairment.limitsWithoutMitigation === false
          ? "not-met"
          : "unknown";
  }
  if (impairment.episodicOrInRemission) limit = or3(limit, fromBoolean(impairment.limitsWhenActive));
  return limit;
}

function describeActivities(impairment: Impairment): string {
  const list = impairment.majorLifeActivities;
  if (list.length === 0) return "a major life activity";
  return list.map((a) => (a.startsWith("major-bodily-function:") ? `${a.slice(22)} function` : a)).join(", ");
}

export function navigate(facts: NavigatorFacts): NavigatorResult {
  const trace: TraceEntry[] = [];
  const actions: NavigatorAction[] = [];
  const unknowns: UnknownFact[] = [];
  const push = (rule: string, citation: string, outcome: TraceOutcome, explanation: string) => {
    trace.push({ rule, citation, outcome, explanation });
  };
  const age = facts.ageYears;

  // 1. Age: under 3 → IDEA Part C early intervention.
  if (age < 3) {
    push(
      "early-intervention-age",
      NAVIGATOR_CITATIONS.partC,
      "met",
      `At ${age}, the child is under 3. Help for infants and toddlers comes from the state's early intervention program (IDEA Part C), not from a school IEP or 504 plan.`,
    );
    actions.push("contact-early-intervention");
    if (age === 2) actions.push("plan-transition-at-3");
    return { recommendation: "early-intervention", likely: null, actions, trace, unknowns };
  }
  push(
    "early-intervention-age",
    NAVIGATOR_CITATIONS.partC,
    "not-applicable",
    `At ${age}, the child is 3 or older, so early intervention (IDEA Part C) no longer applies.`,
  );

  // 2. Age and diploma: IDEA Part B runs 3 through 21 and ends with a regular diploma.
  const ideaAvailable = age <= 21 && !facts.graduatedWithRegularDiploma;
  push(
    "idea-age-range",
    NAVIGATOR_CITATIONS.partBAge,
    ideaAvailable ? "met" : "not-met",
    ideaAvailable
      ? `At ${age}, the student is within IDEA's age range (3 through 21) and has not graduated with a regular diploma.`
      : facts.graduatedWithRegularDiploma
        ? "A regular high-school diploma ends the right to special education under IDEA."
        : `At ${age}, the student is past IDEA's age range (3 through 21).`,
  );
  push(
    "section-504-age",
    NAVIGATOR_CITATIONS.section504Age,
    "met",
    "Section 504 has no fixed age range like IDEA's: it covers a student of any age at which the school serves students without disabilities.",
  );

  // 3. Evaluation first.
  const evaluated = facts.evaluation === "completed";
  push(
    "evaluation-first",
    NAVIGATOR_CITATIONS.evaluationFirst,
    evaluated ? "met" : "not-met",
    evaluated
      ? "The school has completed its evaluation, so eligibility can be decided from its findings."
      : facts.evaluation === "none"
        ? "The school has not evaluated the student. Eligibility for an IEP or a 504 plan is decided only after a full evaluation, and a parent may ask for one."
        : facts.evaluation === "requested"
          ? "An evaluation has been requested but not done yet. Eligibility is decided only after it is completed."
          : "The evaluation is under way. Eligibility is decided once it is completed.",
  );

  // 4. IDEA: a listed category …
  const impairments = facts.impairments;
  let category: Tri = impairments.length === 0 ? (evaluated ? "not-met" : "unknown") : "not-met";
  let categoryName = "";
  let delayOutOfRange = false;
  let hasSld = false;
  for (let i = 0; i < impairments.length; i++) {
    const c = (impairments[i] as Impairment).ideaCategory;
    if (c === null) {
      if (!evaluated && category === "not-met") category = "unknown";
      continue;
    }
    if (c === "developmental-delay" && age > 9) {
      delayOutOfRange = true;
      continue;
    }
    if (c === "specific-learning-disability") hasSld = true;
    if (category !== "met") {
      category = "met";
      categoryName = CATEGORY_LABELS[c];
    }
  }
  if (delayOutOfRange) {
    push(
      "idea-developmental-delay-age",
      NAVIGATOR_CITATIONS.developmentalDelay,
      "not-met",
      `Developmental delay can be used only from ages 3 through 9; at ${age}, the evaluation must find another category.`,
    );
  }
  push(
    "idea-category",
    NAVIGATOR_CITATIONS.ideaCategory,
    ideaAvailable ? category : "not-applicable",
    category === "met"
      ? `${evaluated ? "The evaluation found" : "The concern points to"} a disability in one of IDEA's categories (${categoryName}).`
      : category === "unknown"
        ? "It is not known yet whether the student has a disability in one of IDEA's 13 categories."
        : "No disability in one of IDEA's categories has been found.",
  );

  // … with an adverse effect on educational performance …
  const adverse = fromBoolean(facts.adverseEducationalEffect);
  push(
    "idea-adverse-effect",
    NAVIGATOR_CITATIONS.adverseEffect,
    ideaAvailable ? adverse : "not-applicable",
    adverse === "met"
      ? "The disability hurts how the student does in school (grades, skills or behavior)."
      : adverse === "not-met"
        ? "The disability does not hurt how the student does in school."
        : "It is not known whether the disability hurts how the student does in school.",
  );

  // … and, by reason of it, a need for special education (specially designed instruction).
  const onlyRelated = facts.relatedServicesNeeded;
  const speechCounts = facts.speechIsSpecialEducationInState && onlyRelated.indexOf("speech-language-pathology") !== -1;
  let need: Tri = fromBoolean(facts.needsSpecializedInstruction);
  if (need !== "met" && speechCounts) {
    need = "met";
    push(
      "idea-speech-as-special-education",
      NAVIGATOR_CITATIONS.speechAsSpecialEducation,
      "met",
      "This state counts speech-language therapy as special education, so needing it is a need for special education.",
    );
  }
  push(
    "idea-need-for-special-education",
    NAVIGATOR_CITATIONS.specialEducation,
    ideaAvailable ? need : "not-applicable",
    need === "met"
      ? "Because of the disability, the student needs specially designed instruction: teaching adapted in content, method or delivery to the student's needs."
      : need === "not-met"
        ? "The student does not need specially designed instruction (teaching adapted to the student's needs)."
        : "It is not known whether the student needs specially designed instruction (teaching adapted to the student's needs).",
  );
  if (need !== "met" && onlyRelated.length > 0) {
    push(
      "idea-related-service-only",
      NAVIGATOR_CITATIONS.relatedServiceOnly,
      need === "not-met" ? "not-met" : "unknown",
      need === "not-met"
        ? "A student who needs only a related service (such as therapy or counseling) and no specially designed instruction does not qualify for an IEP, unless the state counts that service as special education."
        : "Needing a related service alone does not qualify a student for an IEP; what matters is whether specially designed instruction is also needed.",
    );
  }
  if (category === "met" && hasSld) {
    push(
      "idea-exclusion",
      NAVIGATOR_CITATIONS.exclusion,
      facts.determiningFactorIsInstructionOrEnglish ? "not-met" : "not-applicable",
      facts.determiningFactorIsInstructionOrEnglish
        ? "The team found that the main cause is a lack of appropriate reading or math teaching, or learning English, not a disability."
        : "The team must rule out that the main cause is a lack of appropriate reading or math teaching, or learning English; nothing here says it is.",
    );
  }
  let idea: Tri = "not-met";
  if (ideaAvailable) {
    idea = and3(and3(category, adverse), need);
    if (facts.determiningFactorIsInstructionOrEnglish && category === "met" && hasSld) idea = "not-met";
  }
  push(
    "idea-eligibility",
    NAVIGATOR_CITATIONS.ideaEligibility,
    idea,
    idea === "met"
      ? "Both parts of IDEA's test are met: a disability in a listed category, and because of it a need for special education. This points to an IEP."
      : idea === "unknown"
        ? "IDEA eligibility cannot be decided yet: some of the facts above are unknown."
        : "IDEA's two-part test is not met, so an IEP is not the answer on these facts.",
  );
  if (idea === "unknown") {
    if (category === "unknown") unknowns.push(impairments.length === 0 ? "impairment" : "idea-category");
    if (adverse === "unknown") unknowns.push("adverse-educational-effect");
    if (need === "unknown") unknowns.push("needs-specialized-instruction");
  }

  // 5. Section 504: an impairment that substantially limits a major life activity (ADAAA rules).
  let disability: Tri = impairments.length === 0 && !evaluated ? "unknown" : "not-met";
  let protectedOnly = false;
  for (let i = 0; i < impairments.length; i++) {
    const imp = impairments[i] as Impairment;
    if (imp.basis !== "actual") {
      protectedOnly = true;
      push(
        "section-504-record-or-regarded",
        NAVIGATOR_CITATIONS.recordOrRegarded,
        "not-met",
        `${imp.name}: a ${imp.basis === "record-of" ? "record (history) of an impairment" : "belief that the student has an impairment"} protects the student from discrimination, but on its own does not lead to a 504 plan of services.`,
      );
      continue;
    }
    const limit = substantialLimitation(imp);
    let usesIgnoredMeasure = false;
    for (let m = 0; m < imp.mitigatingMeasures.length; m++) {
      if (!isOrdinaryLens(imp.mitigatingMeasures[m] as string)) {
        usesIgnoredMeasure = true;
        break;
      }
    }
    const activities = describeActivities(imp);
    let why =
      limit === "met"
        ? `${imp.name} substantially limits ${activities}.`
        : limit === "not-met"
          ? `${imp.name} does not substantially limit ${activities}.`
          : `It is not known whether ${imp.name} substantially limits ${activities}.`;
    if (usesIgnoredMeasure) why += " Medication, devices and other supports are set aside when judging this.";
    else if (imp.mitigatingMeasures.length > 0) why += " Ordinary eyeglasses or contact lenses are taken into account.";
    if (imp.episodicOrInRemission)
      why += " It comes and goes or is in remission, so it counts if it limits when active.";
    push(
      "section-504-substantial-limitation",
      usesIgnoredMeasure
        ? `${NAVIGATOR_CITATIONS.substantialLimitation}; ${NAVIGATOR_CITATIONS.mitigatingMeasures}`
        : imp.episodicOrInRemission
          ? `${NAVIGATOR_CITATIONS.substantialLimitation}; ${NAVIGATOR_CITATIONS.episodic}`
          : NAVIGATOR_CITATIONS.substantialLimitation,
      limit,
      why,
    );
    disability = or3(disability, limit);
  }
  if (impairments.length === 0) {
    push(
      "section-504-substantial-limitation",
      NAVIGATOR_CITATIONS.substantialLimitation,
      disability,
      disability === "unknown"
        ? "No impairment is known yet; an evaluation would find out whether there is one."
        : "The evaluation found no impairment.",
    );
  }

  // … and the student needs accommodations, aids or services.
  const needsSomething = or3(
    or3(fromBoolean(facts.accommodationsNeeded), need === "met" ? "met" : "not-met"),
    onlyRelated.length > 0 ? "met" : "not-met",
  );
  push(
    "section-504-needs",
    NAVIGATOR_CITATIONS.section504Needs,
    needsSomething,
    needsSomething === "met"
      ? "The student needs accommodations, aids or services to take part in school as fully as other students."
      : needsSomething === "not-met"
        ? "The student needs no accommodations, aids or services at school, so there is nothing for a plan to provide."
        : "It is not known whether the student needs accommodations, aids or services at school.",
  );
  if (facts.performingAtGradeLevel === true) {
    push(
      "section-504-grades",
      NAVIGATOR_CITATIONS.grades,
      "not-applicable",
      "Good grades do not rule out a disability: the law is read broadly, and a student can be substantially limited while doing well.",
    );
  }
  const s504 = and3(disability, needsSomething);
  push(
    "section-504-eligibility",
    NAVIGATOR_CITATIONS.section504Eligibility,
    s504,
    s504 === "met"
      ? "Section 504's test is met: an impairment that substantially limits a major life activity, and a need for accommodations, aids or services."
      : s504 === "unknown"
        ? "Section 504 eligibility cannot be decided yet: some of the facts above are unknown."
        : protectedOnly && disability === "not-met"
          ? "The student is protected from discrimination, but the facts do not support a 504 plan."
          : "Section 504's test for a plan is not met on these facts.",
  );
  if (s504 === "unknown") {
    if (disability === "unknown") {
      const fact: UnknownFact = impairments.length === 0 ? "impairment" : "substantial-limitation";
      if (unknowns.indexOf(fact) === -1) unknowns.push(fact);
    }
    if (needsSomething === "unknown") unknowns.push("accommodations-needed");
  }

  // 6. Decide.
  let recommendation: Recommendation;
  let likely: LikelyPlan | null = null;
  const pointsTo: LikelyPlan | null =
    idea === "met"
      ? "iep"
      : s504 === "met"
        ? "section-504"
        : idea === "not-met" && s504 === "not-met"
          ? "no-plan"
          : null;
  const decided = idea === "met" || (idea === "not-met" && s504 !== "unknown");
  if (!evaluated) {
    recommendation = "evaluate";
    likely = pointsTo;
    if (facts.evaluation === "none") actions.push("request-evaluation-in-writing");
    else if (facts.evaluation === "requested") actions.push("ask-for-assessment-plan");
    else actions.push("follow-evaluation-timeline");
  } else if (!decided) {
    recommendation = "evaluate";
    likely = pointsTo;
    actions.push("ask-for-evaluation-report");
  } else {
    recommendation = pointsTo ?? "no-plan";
  }
  const hasIep = facts.currentPlans.indexOf("iep") !== -1;
  const has504 = facts.currentPlans.indexOf("section-504") !== -1;
  if (recommendation === "iep") {
    actions.push(hasIep ? "review-current-plan" : "ask-for-iep-meeting");
    if (has504) {
      actions.push("fold-504-into-iep");
      push(
        "both-plans",
        NAVIGATOR_CITATIONS.bothPlans,
        "met",
        "The student already has a 504 plan. An IEP meets Section 504's requirements too, so its accommodations move into the IEP instead of running two plans.",
      );
    }
  } else if (recommendation === "section-504") {
    actions.push(has504 ? "review-current-plan" : "ask-for-504-meeting");
  } else if (recommendation === "no-plan") {
    actions.push("ask-for-prior-written-notice", "ask-again-if-needs-change");
  }
  for (let i = 0; i < unknowns.length; i++) actions.push(`find-out-${unknowns[i] as UnknownFact}`);
  return { recommendation, likely, actions, trace, unknowns };
}
