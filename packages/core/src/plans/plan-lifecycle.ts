/**
 * The life of one plan version:
 *
 *   draft → proposed → signed (consented) → in-effect → amended (a newer version replaces it) / ended
 *
 * Each transition names its rule and checks its preconditions against the document:
 * - proposing an IEP needs a prior written notice with the 7 contents of 34 CFR 300.503(b);
 * - signing an IEP records the parent's consent choice, which may exclude named parts (partial consent);
 * - an amendment without a meeting needs the parent's written agreement (34 CFR 300.324(a)(4)).
 * An invalid transition throws `DomainError("invalid-transition")` with one issue per unmet condition.
 */
import { z } from "zod";
import { DomainError, type ErrorIssue } from "../shared/errors.ts";
import type { IepAmendment, IepDocument } from "./iep-document.ts";
import type { PlanDocument } from "./plan-document.ts";
import { checkPriorWrittenNotice } from "./prior-written-notice.ts";

export const PLAN_STATES = ["draft", "proposed", "signed", "in-effect", "amended", "ended"] as const;
export const ZPlanState = z.enum(PLAN_STATES);
export type PlanState = z.infer<typeof ZPlanState>;

export const PLAN_ACTIONS = [
  "propose",
  "return-to-draft",
  "sign",
  "refuse",
  "take-effect",
  "amend",
  "end",
  "revoke-consent",
  "discard",
] as const;
export const ZPlanAction = z.enum(PLAN_ACTIONS);
export type PlanAction = z.infer<typeof ZPlanAction>;

export type PlanTransitionRule = {
  action: PlanAction;
  from: readonly PlanState[];
  to: PlanState;
  /** Plain-language meaning of the step. */
  description: string;
  citation: string;
};

export const PLAN_TRANSITIONS: readonly PlanTransitionRule[] = [
  {
    action: "propose",
    from: ["draft"],
    to: "proposed",
    description: "The school proposes the plan to the family, with prior written notice",
    citation: "34 CFR 300.503",
  },
  {
    action: "return-to-draft",
    from: ["proposed"],
    to: "draft",
    description: "The team takes the proposal back to revise it",
    citation: "34 CFR 300.324(b)",
  },
  {
    action: "sign",
    from: ["proposed"],
    to: "signed",
    description: "The parent gives consent (fully or except for named parts) and the team signs",
    citation: "34 CFR 300.300(b); 300.9",
  },
  {
    action: "refuse",
    from: ["proposed"],
    to: "ended",
    description: "The parent refuses consent; the proposed plan does not take effect",
    citation: "34 CFR 300.300(b)(3)",
  },
  {
    action: "take-effect",
    from: ["signed"],
    to: "in-effect",
    description: "The plan takes effect on its start date",
    citation: "34 CFR 300.323",
  },
  {
    action: "amend",
    from: ["in-effect"],
    to: "amended",
    description: "A new version amends this plan; this version is kept as it was",
    citation: "34 CFR 300.324(a)(4), (a)(6)",
  },
  {
    action: "end",
    from: ["in-effect"],
    to: "ended",
    description: "The plan ends (replaced at the annual review, exit from services, or an IEP replaces a 504 plan)",
    citation: "34 CFR 300.324(b); 300.305(e); 104.33(b)(2)",
  },
  {
    action: "revoke-consent",
    from: ["signed", "in-effect"],
    to: "ended",
    description: "The parent revokes consent in writing; services stop after prior written notice",
    citation: "34 CFR 300.300(b)(4)",
  },
  {
    action: "discard",
    from: ["draft"],
    to: "ended",
    description: "An unused draft is set aside (it is kept, not deleted)",
    citation: "34 CFR 300.324",
  },
];

export type PlanTransitionContext = {
  /** The content of the version being moved. */
  document: PlanDocument;
  /** Today, as an ISO date from the caller's clock. */
  on: string;
  /** For "amend": the amendment recorded on the new version. */
  amendment?: IepAmendment | null | undefined;
  /** For "end", "refuse", "revoke-consent", "discard": why, in words. */
  reason?: string | undefined;
  /** For "revoke-consent": date of the parent's written revocation. */
  revokedOn?: string | null | undefined;
};

export type PlanTransitionProblem = ErrorIssue & { citation: string };

export type PlanTransitionCheck = {
  allowed: boolean;
  from: PlanState;
  action: PlanAction;
  /** The state the version moves to (null when the action does not apply to `from` at all). */
  to: PlanState | null;
  citation: string;
  problems: PlanTransitionProblem[];
};

const filled = (text: string | null | undefined): boolean => (text ?? "").trim() !== "";

/** Actions that may apply to a version in `state` (preconditions not yet checked). */
export function planActionsFrom(state: PlanState): PlanAction[] {
  return PLAN_TRANSITIONS.filter((t) => t.from.includes(state)).map((t) => t.action);
}

function iepPreconditions(action: PlanAction, doc: IepDocument, ctx: PlanTransitionContext): PlanTransitionProblem[] {
  const problems: PlanTransitionProblem[] = [];
  switch (action) {
    case "propose": {
      const check = checkPriorWrittenNotice(doc.priorWrittenNotice);
      for (const element of check.missing) {
        problems.push({
          path: "/priorWrittenNotice",
          message: `Prior written notice is missing content ${element.number}: ${element.requirement.toLowerCase()}`,
          citation: element.citation,
        });
      }
      if (doc.priorWrittenNotice && doc.priorWrittenNotice.date === null) {
        problems.push({
          path: "/priorWrittenNotice/date",
          message: "Prior written notice has no date",
          citation: "34 CFR 300.503(a)",
        });
      }
      break;
    }
    case "sign": {
      const consent = doc.consent;
      if (consent.choice === null || consent.choice === "refuse") {
        problems.push({
          path: "/consent/choice",
          message:
            consent.choice === "refuse"
              ? "The parent refused consent: record a refusal instead of signing"
              : "The parent's consent choice is not recorded",
          citation: "34 CFR 300.300(b)",
        });
      }
      if (consent.choice === "consent-except" && consent.exclusions.length === 0) {
        problems.push({
          path: "/consent/exclusions",
          message: "Partial consent must name the parts the parent does not consent to",
          citation: "34 CFR 300.300(b); Cal. Ed. Code 56346(e)",
        });
      }
      if (consent.date === null) {
        problems.push({ path: "/consent/date", message: "The consent has no date", citation: "34 CFR 300.9" });
      }
      const parentIds = new Set(
        doc.attendees.filter((a) => a.role === "parent" || a.role === "student").map((a) => a.id),
      );
      if (consent.givenBy !== null && !parentIds.has(consent.givenBy)) {
        problems.push({
          path: "/consent/givenBy",
          message: "Consent must be given by a parent (or an adult student) on the team",
          citation: "34 CFR 300.9; 300.520",
        });
      }
      break;
    }
    case "refuse":
      if (doc.consent.choice !== "refuse") {
        problems.push({
          path: "/consent/choice",
          message: "Record the parent's refusal before ending the proposal",
          citation: "34 CFR 300.300(b)(3)",
        });
      }
      break;
    case "take-effect":
      if (doc.dates.planStart === null) {
        problems.push({
          path: "/dates/planStart",
          message: "The plan has no start date",
          citation: "34 CFR 300.320(a)(7)",
        });
      } else if (doc.dates.planStart > ctx.on) {
        problems.push({
          path: "/dates/planStart",
          message: `The plan starts on ${doc.dates.planStart}, after ${ctx.on}`,
          citation: "34 CFR 300.323",
        });
      }
      break;
    case "amend": {
      const amendment = ctx.amendment ?? null;
      if (amendment === null || amendment.madeAtMeeting === null) {
        problems.push({
          path: "/amendment/madeAtMeeting",
          message: "Say whether the amendment was made at a team meeting or by written agreement",
          citation: "34 CFR 300.324(a)(4)",
        });
      } else if (amendment.madeAtMeeting === false && amendment.parentWrittenAgreementDate === null) {
        problems.push({
          path: "/amendment/parentWrittenAgreementDate",
          message: "An amendment without a meeting needs the parent's written agreement",
          citation: "34 CFR 300.324(a)(4)(i)",
        });
      }
      if (amendment !== null && !filled(amendment.description)) {
        problems.push({
          path: "/amendment/description",
          message: "Describe what the amendment changes",
          citation: "34 CFR 300.324(a)(4)",
        });
      }
      break;
    }
    default:
      break;
  }
  return problems;
}

function section504Preconditions(
  action: PlanAction,
  doc: PlanDocument & { type: "section-504" },
): PlanTransitionProblem[] {
  const problems: PlanTransitionProblem[] = [];
  if (action === "propose" && doc.safeguardsNotice.givenOn === null) {
    problems.push({
      path: "/safeguardsNotice/givenOn",
      message: "Give the family notice of their rights before proposing the plan",
      citation: "34 CFR 104.36",
    });
  }
  if (action === "propose") {
    // A plan rests on an impairment that substantially limits a major life activity: each
    // impairment recorded names at least one (34 CFR 104.3(j)(1); 42 USC 12102(1)–(2)).
    doc.impairments.forEach((imp, i) => {
      if (imp.limitations.some((l) => l.majorLifeActivity.trim() !== "")) return;
      const name = imp.name.trim() ? `“${imp.name.trim()}”` : `Impairment ${i + 1}`;
      problems.push({
        path: `/impairments/${i}/limitations`,
        message: `${name} has no major life activity it substantially limits: add one before proposing the plan`,
        citation: "34 CFR 104.3(j)(1); 42 USC 12102(1)–(2); 29 USC 705(9)(B)",
      });
    });
  }
  if (action === "sign" && doc.signatures.length === 0) {
    problems.push({ path: "/signatures", message: "No one has signed the plan", citation: "34 CFR 104.36" });
  }
  if (action === "take-effect" && doc.dates.planStart === null) {
    problems.push({ path: "/dates/planStart", message: "The plan has no start date", citation: "34 CFR 104.33" });
  }
  return problems;
}

/** Check whether `action` may move a version from `from`, and why not. Never throws. */
export function checkPlanTransition(
  from: PlanState,
  action: PlanAction,
  ctx: PlanTransitionContext,
): PlanTransitionCheck {
  const rule = PLAN_TRANSITIONS.find((t) => t.action === action);
  if (!rule) throw new DomainError("invalid-input", `Unknown plan action: ${String(action)}`);
  if (!rule.from.includes(from)) {
    return {
      allowed: false,
      from,
      action,
      to: null,
      citation: rule.citation,
      problems: [
        {
          path: "/state",
          message: `A plan that is ${from} cannot be moved by "${action}" (allowed from: ${rule.from.join(", ")})`,
          citation: rule.citation,
        },
      ],
    };
  }
  const doc = ctx.document;
  const problems = doc.type === "iep" ? iepPreconditions(action, doc, ctx) : section504Preconditions(action, doc);
  if (
    doc.type === "section-504" &&
    action === "take-effect" &&
    doc.dates.planStart !== null &&
    doc.dates.planStart > ctx.on
  ) {
    problems.push({
      path: "/dates/planStart",
      message: `The plan starts on ${doc.dates.planStart}, after ${ctx.on}`,
      citation: "34 CFR 104.33",
    });
  }
  if ((action === "end" || action === "discard") && !filled(ctx.reason)) {
    problems.push({ path: "/reason", message: "Give the reason the plan ends", citation: rule.citation });
  }
  if (action === "revoke-consent" && !ctx.revokedOn) {
    problems.push({
      path: "/revokedOn",
      message: "Record the date of the parent's written revocation",
      citation: "34 CFR 300.300(b)(4)",
    });
  }
  return { allowed: problems.length === 0, from, action, to: rule.to, citation: rule.citation, problems };
}

/** Apply `action` to a version in state `from`. Throws `DomainError("invalid-transition")` listing every unmet condition. */
export function transitionPlan(
  from: PlanState,
  action: PlanAction,
  ctx: PlanTransitionContext,
): { to: PlanState; citation: string } {
  const check = checkPlanTransition(from, action, ctx);
  if (!check.allowed || check.to === null) {
    const first = check.problems[0];
    throw new DomainError(
      "invalid-transition",
      first ? `${first.message} (${first.citation})` : "Transition not allowed",
      {
        issues: check.problems.map(({ path, message }) => ({ path, message })),
        details: { from, action, citation: check.citation, citations: check.problems.map((p) => p.citation) },
      },
    );
  }
  return { to: check.to, citation: check.citation };
}

/** Only a draft's content may change; a proposal goes back to draft to be revised. */
export function isEditablePlanState(state: PlanState): boolean {
  return state === "draft";
}

/**
 * Partial consent: whether a part of the IEP is excluded from the parent's consent
 * (34 CFR 300.300(b); in California, accepted parts are carried out at once: Ed. Code 56346(e)).
 * `section` is a top-level key of the document ("services"); `itemId` names one item in it.
 */
export function isExcludedFromConsent(doc: IepDocument, section: string, itemId?: string | null): boolean {
  if (doc.consent.choice !== "consent-except") return false;
  return doc.consent.exclusions.some(
    (e) =>
      e.section === section && (e.itemId === null || (itemId !== undefined && itemId !== null && e.itemId === itemId)),
  );
}

/** The services the parent consented to (all of them unless partial consent excludes some). */
export function consentedServices(doc: IepDocument): IepDocument["services"] {
  if (doc.consent.choice === "refuse" || doc.consent.choice === null) return [];
  return doc.services.filter((s) => !isExcludedFromConsent(doc, "services", s.id));
}

/** Where the plan's standing status rule comes from. */
export const PLAN_STANDING_CITATION = "34 CFR 300.323(a); 300.324(a)(4)";

/**
 * The status a plan shows: "in-effect" while one of its versions is in effect, even while an
 * amendment or the next annual review is being written (the version in effect stays the child's
 * IEP until the new one takes effect, 34 CFR 300.323(a); 300.324(a)(4)); otherwise the status of
 * its current version.
 */
export function planStandingStatus(
  inEffectVersionState: PlanState | null,
  currentVersionState: PlanState | null,
): PlanState {
  return inEffectVersionState === "in-effect" ? "in-effect" : (currentVersionState ?? "draft");
}

/** Where sealing's conditions come from: signatures and consent make the version final. */
export const PLAN_SEALING_CITATION = "34 CFR 300.300(b); 300.9";

/**
 * What still stands between a version and its seal (empty when it can be sealed): it must be a
 * proposal; the signing step's conditions must hold (an IEP's consent choice, 34 CFR 300.300(b));
 * and the parent, or the adult student, must have signed (consent is theirs, 300.9).
 */
export function sealingProblems(status: PlanState | string, doc: PlanDocument, today: string): ErrorIssue[] {
  if (status !== "proposed") {
    return [{ path: "/status", message: `Only a proposed version can be signed and sealed; this one is ${status}` }];
  }
  const check = checkPlanTransition("proposed", "sign", { document: doc, on: today });
  const problems: ErrorIssue[] = check.problems.map(({ path, message }) => ({ path, message }));
  const familyIds = new Set(doc.attendees.filter((a) => a.role === "parent" || a.role === "student").map((a) => a.id));
  if (!doc.signatures.some((s) => familyIds.has(s.attendeeId))) {
    problems.push({ path: "/signatures", message: "The parent (or adult student) has not signed" });
  }
  return problems;
}
