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
import {
  type AgeGiven,
  NAVIGATOR_WORDS_EN,
  type NavigatorLanguage,
  type NavigatorWords,
  type RulesGiven,
} from "./navigator-words.ts";
import { NAVIGATOR_WORDS_ES } from "./navigator-words-es.ts";

/** The navigator's sentences in each language it writes. */
export const NAVIGATOR_WORDS: Record<NavigatorLanguage, NavigatorWords> = {
  en: NAVIGATOR_WORDS_EN,
  es: NAVIGATOR_WORDS_ES,
};

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

// ---------------------------------------------------------------------------------------------
// The run: what each rule reads and adds

type Run = {
  facts: NavigatorFacts;
  /** The sentences, in the language asked for. */
  w: NavigatorWords;
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

function ageGiven(run: Run): AgeGiven {
  return { years: run.facts.ageYears, approximate: run.facts.ageIsApproximate };
}

function rulesGiven(run: Run): RulesGiven {
  return { rules: run.rules, stateKnown: run.stateKnown };
}

// ---------------------------------------------------------------------------------------------
// 1. Age

/** Under 3 → IDEA Part C early intervention (20 USC 1432(5)). Returns true when the navigator stops here. */
function earlyInterventionRule(run: Run): boolean {
  const age = run.facts.ageYears;
  if (age < 3) {
    push(run, "early-intervention-age", NAVIGATOR_CITATIONS.partC, "met", run.w.underThree(ageGiven(run)));
    addAction(run, "contact-early-intervention");
    if (age === 2 && !run.facts.ageIsApproximate) addAction(run, "plan-transition-at-3");
    return true;
  }
  push(run, "early-intervention-age", NAVIGATOR_CITATIONS.partC, "not-applicable", run.w.threeOrOlder(ageGiven(run)));
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
      ? run.w.regularDiploma
      : outcome === "met"
        ? run.w.withinIdeaAges(ageGiven(run), rulesGiven(run), last)
        : outcome === "unknown"
          ? run.w.ideaAgeDependsOnBirthDate(rules)
          : run.w.pastIdeaAges(ageGiven(run), rulesGiven(run), last),
  );
  if (certificate) {
    // 300.102(a)(3)(ii): a certificate, a GED or another credential not fully aligned with the
    // state's academic standards is not a regular diploma (not in the legal fact sheet; California's
    // 56026(c)(4) summary there says the same of a certificate of completion).
    const entry = run.trace[run.trace.length - 1] as TraceEntry;
    entry.explanation += run.w.certificate;
  }
  if (outcome === "unknown") addUnknown(run, "date-of-birth");
  push(
    run,
    "section-504-age",
    NAVIGATOR_CITATIONS.section504Age,
    outcome,
    outcome === "met"
      ? run.w.section504AgeMet
      : outcome === "unknown"
        ? run.w.section504AgeUnknown
        : run.w.section504AgeNotMet,
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
    run.w.evaluation(evaluation),
  );
}

// ---------------------------------------------------------------------------------------------
// 3. IDEA

type CategoryFinding = {
  /** A category was found (or, before the evaluation, the concern points to one). */
  found: Tri;
  /** A category that counts: found, its age allowed, not excluded, and its adverse effect met where its definition has one. */
  qualifies: Tri;
  names: IdeaCategory[];
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
      ? run.w.delayNotUsedInState(run.rules)
      : run.w.delayAges(ages.from, ages.to, rulesGiven(run), ageGiven(run));
  const withIep = run.hasIep ? run.w.delayWithIep : run.w.delayWithoutIep;
  push(
    run,
    "idea-developmental-delay-age",
    run.hasIep ? citation : `${citation}; ${NAVIGATOR_CITATIONS.otherCategory}`,
    allowed === "unknown" ? "unknown" : "not-met",
    run.w.about(impairment.name, `${where}${withIep}`),
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
      run.w.about(impairment.name, run.w.excluded(category)),
    );
  } else if (category === "specific-learning-disability") {
    push(run, "idea-exclusion", NAVIGATOR_CITATIONS.exclusion, "not-applicable", run.w.exclusionToRuleOut);
  }
  return excluded;
}

/** A listed category (300.8(c)), judged impairment by impairment. */
function categoryRules(run: Run, adverse: Tri): CategoryFinding {
  const impairments = run.facts.impairments;
  let found: Tri = impairments.length === 0 ? (run.evaluated ? "not-met" : "unknown") : "not-met";
  let qualifies: Tri = found;
  const names: IdeaCategory[] = [];
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
    if (candidate === "met") names.push(c);
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
      ? run.w.categoryFound(run.evaluated, category.names)
      : category.found === "unknown"
        ? run.evaluated && run.facts.impairments.length > 0
          ? run.w.categoryNotKnownAfterEvaluation
          : run.w.categoryNotKnownYet
        : run.w.categoryNone,
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
      run.w.adverseEffectNoClause(categories),
    );
    return { adverse, clauseMatters };
  }
  const without = categories.filter((c) => !CATEGORIES_WITH_ADVERSE_EFFECT_CLAUSE.has(c));
  const note = without.length > 0 ? run.w.adverseEffectNotFor(without) : "";
  push(
    run,
    "idea-adverse-effect",
    NAVIGATOR_CITATIONS.adverseEffect,
    ideaAge === "not-met" ? "not-applicable" : adverse,
    run.w.adverseEffect(adverse) + note,
  );
  return { adverse, clauseMatters };
}

/** Grades alone never rule out special education: a child advancing from grade to grade may be eligible (300.101(c)(1)). */
function ideaGradesRule(run: Run): void {
  if (run.facts.performingAtGradeLevel !== true) return;
  push(run, "idea-grades", NAVIGATOR_CITATIONS.ideaGrades, "not-applicable", run.w.ideaGrades);
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
        explicit ? run.w.speechCounted : run.w.stateCountsService(rules),
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
      run.w.alwaysSpecialEducation(facts.specialEducationServicesNeeded),
    );
  }
  push(
    run,
    "idea-need-for-special-education",
    NAVIGATOR_CITATIONS.specialEducation,
    ideaAge === "not-met" ? "not-applicable" : need,
    run.w.needForSpecialEducation(need),
  );
  if (need !== "met" && related.length > 0) {
    push(
      run,
      "idea-related-service-only",
      NAVIGATOR_CITATIONS.relatedServiceOnly,
      need === "not-met" ? "not-met" : "unknown",
      need === "not-met" ? run.w.relatedServiceOnly(run.stateKnown) : run.w.relatedServiceAloneUnknown,
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
  push(run, "idea-eligibility", NAVIGATOR_CITATIONS.ideaEligibility, idea, run.w.ideaEligibility(idea));
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
    push(run, "idea-child-find", NAVIGATOR_CITATIONS.childFind, "unknown", run.w.childFind);
  }
  return { idea, ideaWithoutAge, category, adverse, need };
}

// ---------------------------------------------------------------------------------------------
// 4. Section 504 (ADAAA rules of construction)

/** "Record of" or "regarded as": protection from discrimination, not a plan of services on its own. */
function recordOrRegardedRule(run: Run, imp: Impairment): void {
  const regarded = imp.basis === "regarded-as";
  push(
    run,
    "section-504-record-or-regarded",
    regarded
      ? `${NAVIGATOR_CITATIONS.recordOrRegarded}; ${NAVIGATOR_CITATIONS.transitoryAndMinor}`
      : NAVIGATOR_CITATIONS.recordOrRegarded,
    "not-met",
    run.w.about(
      imp.name,
      run.w.recordOrRegarded(regarded ? "regarded-as" : "record-of", imp.expectedDuration === "six-months-or-less"),
    ),
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
  const w = run.w;
  let why = w.substantialLimitation(imp.name, imp.majorLifeActivities, limit);
  if (usesIgnoredMeasure) why += w.measuresSetAside;
  else if (imp.mitigatingMeasures.length > 0) why += w.lensesCounted;
  if (imp.episodicOrInRemission) why += w.episodic;
  if (testedFirst) why += w.episodicTestedFirst;
  if (imp.expectedDuration === "six-months-or-less" && limit !== "not-met") why += w.shortCanStillCount;
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
      disability === "unknown" ? run.w.noImpairmentYet : run.w.noImpairmentFound,
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
    run.w.section504Needs(needsSomething),
  );
  if (facts.performingAtGradeLevel === true) {
    push(run, "section-504-grades", NAVIGATOR_CITATIONS.grades, "not-applicable", run.w.section504Grades);
  }
  const s504WithoutAge = and3(disability, needsSomething);
  const s504 = and3(schoolAge, s504WithoutAge);
  push(
    run,
    "section-504-eligibility",
    NAVIGATOR_CITATIONS.section504Eligibility,
    s504,
    s504 === "met"
      ? run.w.section504Met
      : s504 === "unknown"
        ? run.w.section504Unknown
        : protectedOnly && disability === "not-met"
          ? run.w.section504ProtectedOnly
          : run.w.section504NotMet,
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
  push(run, "adult-services", NAVIGATOR_CITATIONS.adultServices, "met", run.w.adultServices);
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
  push(run, "leaving-iep", NAVIGATOR_CITATIONS.leavingIep, "met", run.w.leavingIep);
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
      push(run, "both-plans", NAVIGATOR_CITATIONS.bothPlans, "met", run.w.bothPlans);
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

/**
 * The navigator: facts in, recommendation with its cited trace out. The reasons are written in
 * `language` (default English); the decision and the citations are the same in every language.
 */
export function navigate(facts: NavigatorFacts, language: NavigatorLanguage = "en"): NavigatorResult {
  const run: Run = {
    facts,
    w: NAVIGATOR_WORDS[language],
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
