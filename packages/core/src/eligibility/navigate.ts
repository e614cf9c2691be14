/**
 * The eligibility navigator: given what is known about a student, does the law point to an IEP
 * (IDEA), a Section 504 plan, an evaluation first, early intervention, adult services, or no plan —
 * and why.
 *
 * One function per rule, each adding its line to the trace with its citation. Unknown facts (null)
 * never become "no": they make a rule's outcome `unknown`, which leads to `evaluate` and to a
 * `find-out-…` action naming what must be found out. The state's rules (speech as special
 * education, developmental-delay ages, the last school year) come from the state table; with no
 * state, the federal defaults apply.
 */
import { partBAgeStatus, type StateRules, stateRules } from "../states/state-table.ts";
import {
  CATEGORIES_WITH_ADVERSE_EFFECT_CLAUSE,
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
  notRegularDiploma: "34 CFR 300.102(a)(3)(ii)",
  section504Age: "34 CFR 104.3(l)(2)",
  adultServices: "34 CFR 104.3(l)(2); 34 CFR 104.33; 34 CFR 300.102(a)(3)",
  evaluationFirst: "34 CFR 300.301(a); 34 CFR 300.306; 34 CFR 104.35(a)",
  ideaCategory: "34 CFR 300.8(a)(1); 34 CFR 300.8(c)",
  developmentalDelay: "34 CFR 300.8(b)",
  otherCategory: "34 CFR 300.304(c)(4)",
  adverseEffect: "34 CFR 300.8(c)",
  ideaGrades: "34 CFR 300.101(c)(1)",
  specialEducation: "34 CFR 300.8(a)(1); 34 CFR 300.39",
  relatedServiceOnly: "34 CFR 300.8(a)(2)",
  speechAsSpecialEducation: "34 CFR 300.8(a)(2)(ii); 34 CFR 300.39(a)(2)(i)",
  alwaysSpecialEducation: "34 CFR 300.39(a)(2)(ii)-(iii)",
  exclusion: "34 CFR 300.306(b)",
  ideaEligibility: "34 CFR 300.8(a)(1)",
  childFind: "34 CFR 300.111; 34 CFR 300.304(c)(6)",
  substantialLimitation: "34 CFR 104.3(j)(1); 42 USC 12102(1)(A), (2), (4)(A)",
  mitigatingMeasures: "42 USC 12102(4)(E)",
  episodic: "42 USC 12102(4)(D)",
  recordOrRegarded: "34 CFR 104.3(j)(1); 42 USC 12102(1)(B)-(C)",
  transitoryAndMinor: "42 USC 12102(3)(B)",
  section504Needs: "34 CFR 104.33(b)(1)",
  grades: "42 USC 12102(4)(A); OCR Parent and Educator Resource Guide to Section 504 (2016)",
  section504Eligibility: "34 CFR 104.3(j); 34 CFR 104.33",
  bothPlans: "34 CFR 104.33(b)(2)",
  leavingIep: "34 CFR 300.305(e); 34 CFR 300.503; 34 CFR 300.518; 34 CFR 300.502",
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

// ---------------------------------------------------------------------------------------------
// The run: what each rule reads and adds

type Run = {
  facts: NavigatorFacts;
  rules: StateRules;
  /** The state's own rules apply (false: federal defaults, or the state is not known). */
  stateKnown: boolean;
  trace: TraceEntry[];
  actions: NavigatorAction[];
  unknowns: UnknownFact[];
  hasIep: boolean;
  has504: boolean;
  evaluated: boolean;
};

function push(run: Run, rule: string, citation: string, outcome: TraceOutcome, explanation: string): void {
  run.trace.push({ rule, citation, outcome, explanation });
}

function addAction(run: Run, action: NavigatorAction): void {
  if (run.actions.indexOf(action) === -1) run.actions.push(action);
}

function addUnknown(run: Run, fact: UnknownFact): void {
  if (run.unknowns.indexOf(fact) === -1) run.unknowns.push(fact);
}

/** "At 8" — or, when the family gave a range, words that do not invent an exact age. */
function ageWords(run: Run): string {
  return run.facts.ageIsApproximate ? "At the age given" : `At ${run.facts.ageYears}`;
}

function stateWords(run: Run): string {
  return run.stateKnown ? run.rules.name : "federal rules (the state's own rules may differ)";
}

// ---------------------------------------------------------------------------------------------
// 1. Age

/** Under 3 → IDEA Part C early intervention (20 USC 1432(5)). Returns true when the navigator stops here. */
function earlyInterventionRule(run: Run): boolean {
  const age = run.facts.ageYears;
  if (age < 3) {
    push(
      run,
      "early-intervention-age",
      NAVIGATOR_CITATIONS.partC,
      "met",
      `${run.facts.ageIsApproximate ? "The child is under 3" : `At ${age}, the child is under 3`}. Help for infants and toddlers comes from the state's early intervention program (IDEA Part C), not from a school IEP or 504 plan.`,
    );
    addAction(run, "contact-early-intervention");
    if (age === 2 && !run.facts.ageIsApproximate) addAction(run, "plan-transition-at-3");
    return true;
  }
  push(
    run,
    "early-intervention-age",
    NAVIGATOR_CITATIONS.partC,
    "not-applicable",
    `${ageWords(run)}, the child is 3 or older, so early intervention (IDEA Part C) no longer applies.`,
  );
  return false;
}

/**
 * IDEA Part B runs from 3 through the state's last age (federal: 21; California: a student who
 * turns 22 between January and June finishes that school year) and ends with a regular diploma
 * (300.102(a)(3)). Section 504's school rules (Subpart D) cover a student of an age the school
 * serves, or one entitled to FAPE under IDEA (104.3(l)(2)): past both, adult services apply.
 */
function schoolAgeRules(run: Run): Tri {
  const { facts, rules } = run;
  const status = facts.graduatedWithRegularDiploma
    ? "past"
    : facts.ageIsApproximate && facts.ageYears > rules.partBEnd.value.lastAge
      ? "past"
      : partBAgeStatus(rules, facts.ageYears, facts);
  const certificate = facts.graduatedWithCertificate && !facts.graduatedWithRegularDiploma;
  const citation = [
    NAVIGATOR_CITATIONS.partBAge,
    ...(certificate ? [NAVIGATOR_CITATIONS.notRegularDiploma] : []),
    ...(rules.partBEnd.citation === NAVIGATOR_CITATIONS.partBAge ? [] : [rules.partBEnd.citation]),
  ].join("; ");
  const outcome: Tri = status === "within" ? "met" : status === "past" ? "not-met" : "unknown";
  const last = rules.partBEnd.value.lastAge;
  push(
    run,
    "idea-age-range",
    citation,
    outcome,
    facts.graduatedWithRegularDiploma
      ? "A regular high-school diploma ends the right to special education under IDEA (a certificate of completion does not)."
      : outcome === "met"
        ? `${ageWords(run)}, the student is within the ages special education serves under ${stateWords(run)} (3 through ${last}) and has not graduated with a regular diploma.`
        : outcome === "unknown"
          ? `${rules.partBEnd.note ?? ""} Whether the student is still served depends on the birth date.`.trim()
          : `${ageWords(run)}, the student is past the ages special education serves under ${stateWords(run)} (3 through ${last}).`,
  );
  if (certificate) {
    // 300.102(a)(3)(ii): a certificate, a GED or another credential not fully aligned with the
    // state's academic standards is not a regular diploma (not in the legal fact sheet; California's
    // 56026(c)(4) summary there says the same of a certificate of completion).
    const entry = run.trace[run.trace.length - 1] as TraceEntry;
    entry.explanation +=
      " A certificate of completion, a GED or another credential that is not a regular high-school diploma does not end special education.";
  }
  if (outcome === "unknown") addUnknown(run, "date-of-birth");
  push(
    run,
    "section-504-age",
    NAVIGATOR_CITATIONS.section504Age,
    outcome,
    outcome === "met"
      ? "Section 504's rules for schools cover a student of an age at which the school serves students without disabilities, or one entitled to special education under IDEA."
      : outcome === "unknown"
        ? "Section 504's rules for schools follow the same ages here: it depends on the birth date."
        : "Section 504's rules for elementary and secondary schools cover students of the ages the school serves. Past those ages, or after a regular diploma, Section 504 still applies to colleges, training programs and employers, and the ADA protects the student too.",
  );
  return outcome;
}

// ---------------------------------------------------------------------------------------------
// 2. Evaluation first

function evaluationFirstRule(run: Run): void {
  const { evaluation } = run.facts;
  push(
    run,
    "evaluation-first",
    NAVIGATOR_CITATIONS.evaluationFirst,
    run.evaluated ? "met" : "not-met",
    run.evaluated
      ? "The school has completed its evaluation, so eligibility can be decided from its findings."
      : evaluation === "none"
        ? "The school has not evaluated the student. Eligibility for an IEP or a 504 plan is decided only after a full evaluation, and a parent may ask for one."
        : evaluation === "requested"
          ? "An evaluation has been requested but not done yet. Eligibility is decided only after it is completed."
          : "The evaluation is under way. Eligibility is decided once it is completed.",
  );
}

// ---------------------------------------------------------------------------------------------
// 3. IDEA

type CategoryFinding = {
  /** A category was found (or, before the evaluation, the concern points to one). */
  found: Tri;
  /** A category that counts: found, its age allowed, not excluded, and its adverse effect met where its definition has one. */
  qualifies: Tri;
  names: string[];
  /** Developmental delay past the state's ages for a student with an IEP: a reevaluation must decide. */
  delayPastAgeWithIep: boolean;
};

function developmentalDelayAllowed(run: Run): Tri {
  const ages = run.rules.developmentalDelayAges.value;
  if (ages === null) return "not-met";
  const age = run.facts.ageYears;
  return age >= ages.from && age <= ages.to ? "met" : "not-met";
}

/** Developmental delay only at the ages the state allows (34 CFR 300.8(b); California: not for Part B). */
function developmentalDelayRule(run: Run, impairment: Impairment): Tri {
  const allowed = developmentalDelayAllowed(run);
  if (allowed === "met") return "met";
  const ages = run.rules.developmentalDelayAges.value;
  const citation =
    run.rules.developmentalDelayAges.citation === NAVIGATOR_CITATIONS.developmentalDelay
      ? NAVIGATOR_CITATIONS.developmentalDelay
      : `${NAVIGATOR_CITATIONS.developmentalDelay}; ${run.rules.developmentalDelayAges.citation}`;
  const where =
    ages === null
      ? `${run.rules.name} does not use developmental delay for special education from age 3; the evaluation must find another category.`
      : `Developmental delay can be used only from ages ${ages.from} through ${ages.to}${run.stateKnown ? ` in ${run.rules.name}` : ""}; ${ageWords(run).toLowerCase()}, the evaluation must find another category.`;
  const withIep = run.hasIep
    ? " Because the student has an IEP now, the school must reevaluate before deciding the student no longer qualifies; that is not a reason to move to a 504 plan."
    : " Whether another category fits is not known here: the evaluation must look at every area of the suspected disability, so this is not a reason to choose a 504 plan instead.";
  push(
    run,
    "idea-developmental-delay-age",
    run.hasIep ? citation : `${citation}; ${NAVIGATOR_CITATIONS.otherCategory}`,
    allowed === "unknown" ? "unknown" : "not-met",
    `${impairment.name}: ${where}${withIep}`,
  );
  // The delay label cannot be used at this age, but another category may fit: not known is never
  // "none" (decision 0022). With a current IEP the question goes to the reevaluation (300.305(e)(1),
  // 300.303); without one, to the evaluation's other areas (300.304(c)(4)).
  return "unknown";
}

/** The 300.306(b) exclusion, per impairment: this impairment's category does not count when its determining factor is instruction or English. */
function exclusionRule(run: Run, impairment: Impairment, category: IdeaCategory): boolean {
  const excluded =
    impairment.determiningFactorIsInstructionOrEnglish ||
    (run.facts.determiningFactorIsInstructionOrEnglish && category === "specific-learning-disability");
  if (excluded) {
    push(
      run,
      "idea-exclusion",
      NAVIGATOR_CITATIONS.exclusion,
      "not-met",
      `${impairment.name}: the team found that the main cause is a lack of appropriate reading or math teaching, or learning English, so ${CATEGORY_LABELS[category]} does not count. Any other disability the evaluation found still does.`,
    );
  } else if (category === "specific-learning-disability") {
    push(
      run,
      "idea-exclusion",
      NAVIGATOR_CITATIONS.exclusion,
      "not-applicable",
      "The team must rule out that the main cause is a lack of appropriate reading or math teaching, or learning English; nothing here says it is.",
    );
  }
  return excluded;
}

/** A listed category (300.8(c)), judged impairment by impairment. */
function categoryRules(run: Run, adverse: Tri): CategoryFinding {
  const impairments = run.facts.impairments;
  let found: Tri = impairments.length === 0 ? (run.evaluated ? "not-met" : "unknown") : "not-met";
  let qualifies: Tri = found;
  const names: string[] = [];
  let delayPastAgeWithIep = false;
  for (let i = 0; i < impairments.length; i++) {
    const imp = impairments[i] as Impairment;
    const c = imp.ideaCategory;
    if (c === null) {
      // Not known is never "none": the evaluation report must say.
      found = or3(found, "unknown");
      qualifies = or3(qualifies, "unknown");
      continue;
    }
    if (c === "none") continue;
    let candidate: Tri = "met";
    if (c === "developmental-delay") {
      candidate = developmentalDelayRule(run, imp);
      if (candidate === "unknown" && run.hasIep && developmentalDelayAllowed(run) === "not-met") {
        delayPastAgeWithIep = true;
      }
    }
    if (candidate === "met" && exclusionRule(run, imp, c)) candidate = "not-met";
    if (candidate === "met") names.push(CATEGORY_LABELS[c]);
    found = or3(found, candidate);
    const effect: Tri = CATEGORIES_WITH_ADVERSE_EFFECT_CLAUSE.has(c) ? adverse : "met";
    qualifies = or3(qualifies, and3(candidate, effect));
  }
  // Another category that qualifies keeps the IEP; the delay question matters only without one.
  return { found, qualifies, names, delayPastAgeWithIep: delayPastAgeWithIep && qualifies !== "met" };
}

function categoryTrace(run: Run, ideaAge: Tri, category: CategoryFinding): void {
  push(
    run,
    "idea-category",
    NAVIGATOR_CITATIONS.ideaCategory,
    ideaAge === "not-met" ? "not-applicable" : category.found,
    category.found === "met"
      ? `${run.evaluated ? "The evaluation found" : "The concern points to"} a disability in one of IDEA's categories (${category.names.join(", ")}).`
      : category.found === "unknown"
        ? run.evaluated && run.facts.impairments.length > 0
          ? "The evaluation is finished, but which IDEA category it found (if any) is not known here. Not knowing is not the same as none: the evaluation report says."
          : "It is not known yet whether the student has a disability in one of IDEA's 13 categories."
        : "No disability in one of IDEA's categories has been found.",
  );
}

/**
 * The adverse-effect clause applies only to the categories whose definition has it: not to
 * specific learning disability, deaf-blindness, multiple disabilities or developmental delay.
 */
function adverseEffectRule(run: Run, ideaAge: Tri): { adverse: Tri; clauseMatters: boolean } {
  const adverse = fromBoolean(run.facts.adverseEducationalEffect);
  const categories: IdeaCategory[] = [];
  for (const imp of run.facts.impairments) {
    const c = imp.ideaCategory;
    if (c !== null && c !== "none") categories.push(c);
  }
  const clauseMatters =
    categories.length === 0 ||
    run.facts.impairments.some((i) => i.ideaCategory === null) ||
    categories.some((c) => CATEGORIES_WITH_ADVERSE_EFFECT_CLAUSE.has(c));
  if (!clauseMatters) {
    push(
      run,
      "idea-adverse-effect",
      NAVIGATOR_CITATIONS.adverseEffect,
      "not-applicable",
      `The definition of ${categories.map((c) => CATEGORY_LABELS[c]).join(" and ")} has no "adversely affects educational performance" clause, so it is not part of the test here.`,
    );
    return { adverse, clauseMatters };
  }
  const without = categories.filter((c) => !CATEGORIES_WITH_ADVERSE_EFFECT_CLAUSE.has(c));
  const note =
    without.length > 0
      ? ` (This is not required for ${without.map((c) => CATEGORY_LABELS[c]).join(" or ")}, whose definition has no such clause.)`
      : "";
  push(
    run,
    "idea-adverse-effect",
    NAVIGATOR_CITATIONS.adverseEffect,
    ideaAge === "not-met" ? "not-applicable" : adverse,
    (adverse === "met"
      ? "The disability hurts how the student does in school (grades, skills or behavior)."
      : adverse === "not-met"
        ? "The disability does not hurt how the student does in school."
        : "It is not known whether the disability hurts how the student does in school.") + note,
  );
  return { adverse, clauseMatters };
}

/** Grades alone never rule out special education: a child advancing from grade to grade may be eligible (300.101(c)(1)). */
function ideaGradesRule(run: Run): void {
  if (run.facts.performingAtGradeLevel !== true) return;
  push(
    run,
    "idea-grades",
    NAVIGATOR_CITATIONS.ideaGrades,
    "not-applicable",
    "Passing from grade to grade does not rule out special education: a child who is advancing can still have a disability and need specially designed instruction.",
  );
}

/**
 * By reason of the disability, a need for special education (300.8(a)(1), 300.39): specially
 * designed instruction; a related service the state counts as special education (CA: speech);
 * travel training or vocational education (always special education, 300.39(a)(2)(ii)–(iii)).
 */
function specialEducationNeedRules(run: Run, ideaAge: Tri): Tri {
  const { facts, rules } = run;
  let need: Tri = fromBoolean(facts.needsSpecializedInstruction);
  const related = facts.relatedServicesNeeded;
  if (need !== "met") {
    const counted = related.filter((s) =>
      s === "speech-language-pathology" && facts.speechIsSpecialEducationInState !== null
        ? facts.speechIsSpecialEducationInState
        : rules.relatedServicesAsSpecialEducation.value.includes(s),
    );
    if (counted.length > 0) {
      need = "met";
      const explicit = facts.speechIsSpecialEducationInState === true && counted.includes("speech-language-pathology");
      push(
        run,
        "idea-speech-as-special-education",
        explicit || !run.stateKnown
          ? NAVIGATOR_CITATIONS.speechAsSpecialEducation
          : `${NAVIGATOR_CITATIONS.speechAsSpecialEducation}; ${rules.relatedServicesAsSpecialEducation.citation}`,
        "met",
        explicit
          ? "This state counts speech-language therapy as special education, so needing it is a need for special education."
          : `${rules.relatedServicesAsSpecialEducation.note ?? "This state counts this service as special education."} Needing it is a need for special education.`,
      );
    }
  }
  if (need !== "met" && facts.specialEducationServicesNeeded.length > 0) {
    need = "met";
    push(
      run,
      "idea-always-special-education",
      NAVIGATOR_CITATIONS.alwaysSpecialEducation,
      "met",
      `${facts.specialEducationServicesNeeded.map((s) => (s === "travel-training" ? "Travel training" : "Vocational education")).join(" and ")} is special education in every state, so needing it is a need for special education.`,
    );
  }
  push(
    run,
    "idea-need-for-special-education",
    NAVIGATOR_CITATIONS.specialEducation,
    ideaAge === "not-met" ? "not-applicable" : need,
    need === "met"
      ? "Because of the disability, the student needs specially designed instruction: teaching adapted in content, method or delivery to the student's needs."
      : need === "not-met"
        ? "The student does not need specially designed instruction (teaching adapted to the student's needs)."
        : "It is not known whether the student needs specially designed instruction (teaching adapted to the student's needs).",
  );
  if (need !== "met" && related.length > 0) {
    push(
      run,
      "idea-related-service-only",
      NAVIGATOR_CITATIONS.relatedServiceOnly,
      need === "not-met" ? "not-met" : "unknown",
      need === "not-met"
        ? `A student who needs only a related service (such as therapy or counseling) and no specially designed instruction does not qualify for an IEP, unless the state counts that service as special education${run.stateKnown ? "" : " (the state is not known here)"}.`
        : "Needing a related service alone does not qualify a student for an IEP; what matters is whether specially designed instruction is also needed.",
    );
  }
  return need;
}

type IdeaOutcome = {
  idea: Tri;
  /** The test without the age rule: where the facts point if the student is still of school age. */
  ideaWithoutAge: Tri;
  category: CategoryFinding;
  adverse: Tri;
  need: Tri;
};

function ideaRules(run: Run, ideaAge: Tri): IdeaOutcome {
  const { adverse, clauseMatters } = adverseEffectRule(run, ideaAge);
  const category = categoryRules(run, adverse);
  categoryTrace(run, ideaAge, category);
  ideaGradesRule(run);
  const need = specialEducationNeedRules(run, ideaAge);
  const ideaWithoutAge = and3(category.qualifies, need);
  const idea = and3(ideaAge, ideaWithoutAge);
  push(
    run,
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
    if (category.found === "unknown")
      addUnknown(run, run.facts.impairments.length === 0 ? "impairment" : "idea-category");
    if (adverse === "unknown" && clauseMatters && category.qualifies === "unknown") {
      addUnknown(run, "adverse-educational-effect");
    }
    if (need === "unknown") addUnknown(run, "needs-specialized-instruction");
  }
  // Child find: while the need for specially designed instruction is not known, the school's duty
  // to find and evaluate the child comes first (300.111; the evaluation must identify all needs, 300.304(c)(6)).
  if (need === "unknown" && ideaAge !== "not-met" && category.qualifies !== "not-met") {
    push(
      run,
      "idea-child-find",
      NAVIGATOR_CITATIONS.childFind,
      "unknown",
      "Until it is known whether the student needs specially designed instruction, a 504 plan is not the answer: the school must find and fully evaluate a child who may need special education.",
    );
  }
  return { idea, ideaWithoutAge, category, adverse, need };
}

// ---------------------------------------------------------------------------------------------
// 4. Section 504 (ADAAA rules of construction)

/** "Record of" or "regarded as": protection from discrimination, not a plan of services on its own. */
function recordOrRegardedRule(run: Run, imp: Impairment): void {
  const regarded = imp.basis === "regarded-as";
  const transitory =
    regarded && imp.expectedDuration === "six-months-or-less"
      ? " An impairment expected to last six months or less that is also minor does not count under this prong."
      : regarded
        ? " This prong does not cover an impairment that is both transitory (expected to last six months or less) and minor."
        : "";
  push(
    run,
    "section-504-record-or-regarded",
    regarded
      ? `${NAVIGATOR_CITATIONS.recordOrRegarded}; ${NAVIGATOR_CITATIONS.transitoryAndMinor}`
      : NAVIGATOR_CITATIONS.recordOrRegarded,
    "not-met",
    `${imp.name}: a ${imp.basis === "record-of" ? "record (history) of an impairment" : "belief that the student has an impairment"} protects the student from discrimination, but on its own does not lead to a 504 plan of services.${transitory}`,
  );
}

/** An impairment that substantially limits a major life activity (104.3(j)(1); 42 USC 12102). */
function substantialLimitationRule(run: Run, imp: Impairment, limit: Tri, testedFirst: boolean): void {
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
  if (imp.episodicOrInRemission) why += " It comes and goes or is in remission, so it counts if it limits when active.";
  if (testedFirst)
    why += " A condition that comes and goes is judged as an actual disability first, whatever else is known.";
  if (imp.expectedDuration === "six-months-or-less" && limit !== "not-met")
    why +=
      " A condition expected to last six months or less can still be a disability; only the 'regarded as' prong excludes short and minor ones.";
  push(
    run,
    "section-504-substantial-limitation",
    usesIgnoredMeasure
      ? `${NAVIGATOR_CITATIONS.substantialLimitation}; ${NAVIGATOR_CITATIONS.mitigatingMeasures}`
      : imp.episodicOrInRemission
        ? `${NAVIGATOR_CITATIONS.substantialLimitation}; ${NAVIGATOR_CITATIONS.episodic}`
        : NAVIGATOR_CITATIONS.substantialLimitation,
    limit,
    why,
  );
}

function disabilityRules(run: Run): { disability: Tri; protectedOnly: boolean } {
  const impairments = run.facts.impairments;
  let disability: Tri = impairments.length === 0 && !run.evaluated ? "unknown" : "not-met";
  let protectedOnly = false;
  for (let i = 0; i < impairments.length; i++) {
    const imp = impairments[i] as Impairment;
    if (imp.basis !== "actual") {
      // An episodic or in-remission impairment is tested under the actual prong first (12102(4)(D)).
      if (imp.episodicOrInRemission) {
        const limit = substantialLimitation(imp);
        if (limit !== "not-met") {
          substantialLimitationRule(run, imp, limit, true);
          disability = or3(disability, limit);
          continue;
        }
      }
      protectedOnly = true;
      recordOrRegardedRule(run, imp);
      continue;
    }
    const limit = substantialLimitation(imp);
    substantialLimitationRule(run, imp, limit, false);
    disability = or3(disability, limit);
  }
  if (impairments.length === 0) {
    push(
      run,
      "section-504-substantial-limitation",
      NAVIGATOR_CITATIONS.substantialLimitation,
      disability,
      disability === "unknown"
        ? "No impairment is known yet; an evaluation would find out whether there is one."
        : "The evaluation found no impairment.",
    );
  }
  return { disability, protectedOnly };
}

function section504Rules(run: Run, schoolAge: Tri, need: Tri): { s504: Tri; s504WithoutAge: Tri } {
  const { disability, protectedOnly } = disabilityRules(run);
  const facts = run.facts;
  const needsSomething = or3(
    or3(fromBoolean(facts.accommodationsNeeded), need === "met" ? "met" : "not-met"),
    facts.relatedServicesNeeded.length > 0 ? "met" : "not-met",
  );
  push(
    run,
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
      run,
      "section-504-grades",
      NAVIGATOR_CITATIONS.grades,
      "not-applicable",
      "Good grades do not rule out a disability: the law is read broadly, and a student can be substantially limited while doing well.",
    );
  }
  const s504WithoutAge = and3(disability, needsSomething);
  const s504 = and3(schoolAge, s504WithoutAge);
  push(
    run,
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
    if (disability === "unknown")
      addUnknown(run, facts.impairments.length === 0 ? "impairment" : "substantial-limitation");
    if (needsSomething === "unknown") addUnknown(run, "accommodations-needed");
  }
  return { s504, s504WithoutAge };
}

// ---------------------------------------------------------------------------------------------
// 5. Adult services: past the state's ages, or graduated with a regular diploma

function adultServicesRule(run: Run): NavigatorResult {
  push(
    run,
    "adult-services",
    NAVIGATOR_CITATIONS.adultServices,
    "met",
    "Neither IDEA nor Section 504's rules for schools apply any more. Colleges and training programs must give accommodations under Section 504 and the ADA, and the state's vocational rehabilitation agency helps with work.",
  );
  addAction(run, "ask-about-postsecondary-accommodations");
  addAction(run, "contact-vocational-rehabilitation");
  if (run.hasIep) {
    // Graduation or ageing out ends eligibility without a reevaluation (300.305(e)(2)); the school
    // gives a summary of performance (300.305(e)(3)) and, for a diploma, prior written notice
    // (300.102(a)(3)(iii)). 300.305 is unchecked in the legal fact sheet.
    addAction(run, "request-summary-of-performance");
    addAction(run, "ask-for-prior-written-notice");
    addAction(run, "know-stay-put-rights");
  }
  return result(run, "adult-services", null);
}

// ---------------------------------------------------------------------------------------------
// 6. Decide

function result(run: Run, recommendation: Recommendation, likely: LikelyPlan | null): NavigatorResult {
  return { recommendation, likely, actions: run.actions, trace: run.trace, unknowns: run.unknowns };
}

/**
 * Leaving an IEP (or a category ending) always brings a reevaluation first (300.305(e)(1)), prior
 * written notice (300.503), stay-put while a disagreement is resolved (300.518) and the right to an
 * independent evaluation (300.502).
 */
function leavingIepRule(run: Run): void {
  push(
    run,
    "leaving-iep",
    NAVIGATOR_CITATIONS.leavingIep,
    "met",
    "The student has an IEP now. Before special education ends or the category changes, the school must reevaluate, and give you its decision in writing; if you disagree, your child keeps the current services while it is resolved, and you may ask for an independent evaluation.",
  );
  addAction(run, "reevaluate-before-exit");
  addAction(run, "ask-for-prior-written-notice");
  addAction(run, "know-stay-put-rights");
  addAction(run, "consider-independent-evaluation");
}

function decide(
  run: Run,
  age: Tri,
  ideaOutcome: IdeaOutcome,
  s504Outcome: { s504: Tri; s504WithoutAge: Tri },
): NavigatorResult {
  const { idea, ideaWithoutAge, need, category } = ideaOutcome;
  const { s504, s504WithoutAge } = s504Outcome;
  const facts = run.facts;
  // Where the known facts point if the student is of school age (the age is its own question).
  let pointsTo: LikelyPlan | null =
    ideaWithoutAge === "met"
      ? "iep"
      : ideaWithoutAge === "unknown"
        ? need === "met"
          ? "iep"
          : null
        : s504WithoutAge === "met"
          ? "section-504"
          : s504WithoutAge === "not-met"
            ? "no-plan"
            : null;
  // Child find (300.111; 300.304(c)(6)): while the need for specially designed instruction is not
  // known, the answer never settles on a 504 plan or no plan.
  if (need === "unknown" && (pointsTo === "section-504" || pointsTo === "no-plan")) pointsTo = null;

  const decided = age !== "unknown" && (idea === "met" || (idea === "not-met" && s504 !== "unknown"));
  let recommendation: Recommendation;
  let likely: LikelyPlan | null = null;
  if (!run.evaluated) {
    recommendation = "evaluate";
    likely = pointsTo;
    if (facts.evaluation === "none") addAction(run, "request-evaluation-in-writing");
    else if (facts.evaluation === "requested") addAction(run, "ask-for-assessment-plan");
    else addAction(run, "follow-evaluation-timeline");
  } else if (!decided || category.delayPastAgeWithIep) {
    recommendation = "evaluate";
    likely = pointsTo;
    if (category.delayPastAgeWithIep) addAction(run, "reevaluate-before-exit");
    else if (ideaWithoutAge === "unknown" || (ideaWithoutAge === "not-met" && s504WithoutAge === "unknown"))
      addAction(run, "ask-for-evaluation-report");
  } else {
    recommendation = idea === "met" ? "iep" : s504 === "met" ? "section-504" : "no-plan";
  }
  if (recommendation === "iep") {
    addAction(run, run.hasIep ? "review-current-plan" : "ask-for-iep-meeting");
    if (run.has504) {
      addAction(run, "fold-504-into-iep");
      push(
        run,
        "both-plans",
        NAVIGATOR_CITATIONS.bothPlans,
        "met",
        "The student already has a 504 plan. An IEP meets Section 504's requirements too, so its accommodations move into the IEP instead of running two plans.",
      );
    }
  } else if (recommendation === "section-504") {
    addAction(run, run.has504 ? "review-current-plan" : "ask-for-504-meeting");
  } else if (recommendation === "no-plan") {
    addAction(run, "ask-for-prior-written-notice");
    addAction(run, "ask-again-if-needs-change");
  }
  // The IEP would end: decided, or the facts already rule IDEA out while something else is pending
  // (a reevaluation under way, Section 504 still unknown). Either way the exit protections apply.
  if (
    run.hasIep &&
    (recommendation === "section-504" ||
      recommendation === "no-plan" ||
      category.delayPastAgeWithIep ||
      (recommendation === "evaluate" && ideaWithoutAge === "not-met"))
  ) {
    leavingIepRule(run);
  }
  for (let i = 0; i < run.unknowns.length; i++) addAction(run, `find-out-${run.unknowns[i] as UnknownFact}`);
  return result(run, recommendation, likely);
}

/** The navigator: facts in, recommendation with its cited trace out. */
export function navigate(facts: NavigatorFacts): NavigatorResult {
  const run: Run = {
    facts,
    rules: stateRules(facts.state),
    stateKnown: facts.state !== null && stateRules(facts.state).code !== "US",
    trace: [],
    actions: [],
    unknowns: [],
    hasIep: facts.currentPlans.indexOf("iep") !== -1,
    has504: facts.currentPlans.indexOf("section-504") !== -1,
    evaluated: facts.evaluation === "completed",
  };
  if (earlyInterventionRule(run)) return result(run, "early-intervention", null);
  const age = schoolAgeRules(run);
  if (age === "not-met") return adultServicesRule(run);
  evaluationFirstRule(run);
  const idea = ideaRules(run, age);
  return decide(run, age, idea, section504Rules(run, age, idea.need));
}
