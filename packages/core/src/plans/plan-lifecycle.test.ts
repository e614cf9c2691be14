import { describe, expect, it } from "vitest";
import { DomainError } from "../shared/errors.ts";
import type { IepDocument } from "./iep-document.ts";
import {
  checkPlanTransition,
  consentedServices,
  isEditablePlanState,
  isExcludedFromConsent,
  PLAN_SEALING_CITATION,
  PLAN_STANDING_CITATION,
  PLAN_TRANSITIONS,
  planActionsFrom,
  planStandingStatus,
  sealingProblems,
  transitionPlan,
} from "./plan-lifecycle.ts";
import { sample504, sampleIep } from "./plan-samples.ts";

const on = "2026-10-20";

function consented(doc: IepDocument, choice: IepDocument["consent"]["choice"] = "consent"): IepDocument {
  return { ...doc, consent: { choice, exclusions: [], date: "2026-10-14", givenBy: "att-1", notes: "" } };
}

describe("plan lifecycle", () => {
  it("every transition names its citation", () => {
    for (const t of PLAN_TRANSITIONS) expect(t.citation).toMatch(/CFR|Ed\. Code/);
  });

  it("walks an IEP draft → proposed → signed → in-effect → amended", () => {
    let doc = sampleIep();
    expect(transitionPlan("draft", "propose", { document: doc, on }).to).toBe("proposed");
    doc = consented(doc);
    expect(transitionPlan("proposed", "sign", { document: doc, on }).to).toBe("signed");
    expect(transitionPlan("signed", "take-effect", { document: doc, on }).to).toBe("in-effect");
    const amendment = {
      madeAtMeeting: true,
      parentWrittenAgreementDate: null,
      description: "Add OT",
      teamInformedOn: null,
    };
    expect(transitionPlan("in-effect", "amend", { document: doc, on, amendment }).to).toBe("amended");
  });

  it("refuses to propose without the 7 contents of prior written notice, naming each missing one", () => {
    const doc = { ...sampleIep(), priorWrittenNotice: null };
    const check = checkPlanTransition("draft", "propose", { document: doc, on });
    expect(check.allowed).toBe(false);
    expect(check.problems).toHaveLength(7);
    expect(check.problems.map((p) => p.citation)).toContain("34 CFR 300.503(b)(6)");
    expect(() => transitionPlan("draft", "propose", { document: doc, on })).toThrow(DomainError);
    try {
      transitionPlan("draft", "propose", { document: doc, on });
    } catch (error) {
      expect((error as DomainError).code).toBe("invalid-transition");
      expect((error as DomainError).issues[0]?.path).toBe("/priorWrittenNotice");
    }
  });

  it("refuses a notice missing only the options considered", () => {
    const base = sampleIep();
    const pwn = base.priorWrittenNotice;
    if (!pwn) throw new Error("sample has a notice");
    const doc = { ...base, priorWrittenNotice: { ...pwn, optionsConsidered: [] } };
    const check = checkPlanTransition("draft", "propose", { document: doc, on });
    expect(check.problems.map((p) => p.citation)).toEqual(["34 CFR 300.503(b)(6)"]);
  });

  it("an amendment without a meeting needs the parent's written agreement (300.324(a)(4))", () => {
    const doc = consented(sampleIep());
    const without = {
      madeAtMeeting: false,
      parentWrittenAgreementDate: null,
      description: "Add OT",
      teamInformedOn: null,
    };
    const check = checkPlanTransition("in-effect", "amend", { document: doc, on, amendment: without });
    expect(check.allowed).toBe(false);
    expect(check.problems[0]?.citation).toBe("34 CFR 300.324(a)(4)(i)");
    const withAgreement = { ...without, parentWrittenAgreementDate: "2026-10-18" };
    expect(checkPlanTransition("in-effect", "amend", { document: doc, on, amendment: withAgreement }).allowed).toBe(
      true,
    );
  });

  it("rejects transitions from the wrong state", () => {
    const check = checkPlanTransition("draft", "take-effect", { document: sampleIep(), on });
    expect(check.allowed).toBe(false);
    expect(check.to).toBeNull();
    expect(() => transitionPlan("ended", "amend", { document: sampleIep(), on })).toThrow(/cannot be moved/);
  });

  it("signing needs a consent choice; a refusal ends the proposal instead", () => {
    const doc = sampleIep();
    expect(checkPlanTransition("proposed", "sign", { document: doc, on }).allowed).toBe(false);
    const refused = consented(doc, "refuse");
    expect(checkPlanTransition("proposed", "sign", { document: refused, on }).allowed).toBe(false);
    expect(transitionPlan("proposed", "refuse", { document: refused, on }).to).toBe("ended");
  });

  it("partial consent must name the excluded parts, and excludes only them", () => {
    const doc = consented(sampleIep(), "consent-except");
    expect(checkPlanTransition("proposed", "sign", { document: doc, on }).problems[0]?.path).toBe(
      "/consent/exclusions",
    );
    const partial: IepDocument = {
      ...doc,
      consent: {
        ...doc.consent,
        exclusions: [{ section: "services", itemId: "svc-2", description: "Speech services" }],
      },
    };
    expect(checkPlanTransition("proposed", "sign", { document: partial, on }).allowed).toBe(true);
    expect(isExcludedFromConsent(partial, "services", "svc-2")).toBe(true);
    expect(isExcludedFromConsent(partial, "services", "svc-1")).toBe(false);
    expect(consentedServices(partial).map((s) => s.id)).toEqual(["svc-1"]);
  });

  it("does not take effect before the start date", () => {
    const doc = consented(sampleIep());
    expect(checkPlanTransition("signed", "take-effect", { document: doc, on: "2026-10-01" }).allowed).toBe(false);
  });

  it("ending needs a reason; revoking needs the written revocation date", () => {
    const doc = consented(sampleIep());
    expect(checkPlanTransition("in-effect", "end", { document: doc, on }).allowed).toBe(false);
    expect(checkPlanTransition("in-effect", "end", { document: doc, on, reason: "Annual review" }).allowed).toBe(true);
    expect(checkPlanTransition("in-effect", "revoke-consent", { document: doc, on }).allowed).toBe(false);
    expect(checkPlanTransition("in-effect", "revoke-consent", { document: doc, on, revokedOn: on }).to).toBe("ended");
  });

  it("a 504 plan needs the safeguards notice to be proposed and a signature to be signed", () => {
    const plan = sample504();
    expect(checkPlanTransition("draft", "propose", { document: plan, on }).allowed).toBe(true);
    const noNotice = { ...plan, safeguardsNotice: { ...plan.safeguardsNotice, givenOn: null } };
    expect(checkPlanTransition("draft", "propose", { document: noNotice, on }).problems[0]?.citation).toBe(
      "34 CFR 104.36",
    );
    expect(checkPlanTransition("proposed", "sign", { document: { ...plan, signatures: [] }, on }).allowed).toBe(false);
  });

  it("a 504 plan with an impairment that names no major life activity cannot be proposed (34 CFR 104.3(j)(1))", () => {
    const plan = sample504();
    const [first, ...rest] = plan.impairments;
    if (!first) throw new Error("the sample has an impairment");
    const bare = {
      ...plan,
      impairments: [
        first,
        ...rest,
        { ...first, id: "imp-2", name: "Asthma", limitations: [{ id: "l", majorLifeActivity: "", description: "x" }] },
      ],
    };
    const check = checkPlanTransition("draft", "propose", { document: bare, on });
    expect(check.allowed).toBe(false);
    const problem = check.problems.find((p) => p.path === `/impairments/${bare.impairments.length - 1}/limitations`);
    expect(problem?.message).toMatch(/^“Asthma” has no major life activity/);
    expect(problem?.citation).toContain("42 USC 12102(1)–(2)");
    expect(problem?.citation).toContain("34 CFR 104.3(j)");
  });

  it("only drafts are editable, and actions depend on the state", () => {
    expect(isEditablePlanState("draft")).toBe(true);
    expect(isEditablePlanState("signed")).toBe(false);
    expect(planActionsFrom("in-effect").sort()).toEqual(["amend", "end", "revoke-consent"]);
  });
});

describe(`a plan's standing status (${PLAN_STANDING_CITATION})`, () => {
  it("stays in effect while an amendment or the next annual review is being written", () => {
    expect(planStandingStatus("in-effect", "draft")).toBe("in-effect");
    expect(planStandingStatus("in-effect", "proposed")).toBe("in-effect");
  });

  it("is its current version's status when no version is in effect", () => {
    expect(planStandingStatus(null, "proposed")).toBe("proposed");
    expect(planStandingStatus("ended", "ended")).toBe("ended");
    expect(planStandingStatus(null, null)).toBe("draft");
  });
});

describe(`sealing (${PLAN_SEALING_CITATION})`, () => {
  it("waits for the parent's (or adult student's) signature", () => {
    const plan = sample504();
    const parent = plan.attendees.find((a) => a.role === "parent");
    expect(parent).toBeDefined();
    const unsigned = { ...plan, signatures: plan.signatures.filter((s) => s.attendeeId !== parent?.id) };
    expect(sealingProblems("proposed", unsigned, "2026-11-23")).toContainEqual({
      path: "/signatures",
      message: "The parent (or adult student) has not signed",
    });
  });

  it("seals only a proposal", () => {
    expect(sealingProblems("draft", sample504(), "2026-11-23")).toEqual([
      { path: "/status", message: "Only a proposed version can be signed and sealed; this one is draft" },
    ]);
  });
});
