/**
 * A plan document: an IEP or a Section 504 plan, told apart by `type`.
 */
import { z } from "zod";
import { type ErrorIssue, issuesFromZod } from "../shared/errors.ts";
import { ZIepDocument } from "./iep-document.ts";
import { ZSection504Document } from "./section-504-document.ts";

export const PLAN_TYPES = ["iep", "section-504"] as const;
export const ZPlanType = z.enum(PLAN_TYPES);
export type PlanType = z.infer<typeof ZPlanType>;

export const ZPlanDocument = z.discriminatedUnion("type", [ZIepDocument, ZSection504Document]).meta({
  title: "Lantern plan document",
  description: 'An IEP (type "iep") or a Section 504 plan (type "section-504")',
  citation: "34 CFR 300.320; 34 CFR 104.33",
});
export type PlanDocument = z.infer<typeof ZPlanDocument>;
export type PlanDocumentInput = z.input<typeof ZPlanDocument>;

export type PlanValidation =
  | { ok: true; document: PlanDocument; issues: [] }
  | { ok: false; document: null; issues: ErrorIssue[] };

/** Validate unknown input as a plan document; issues name the JSON path ("/goals/0/byDate"). */
export function validatePlanDocument(input: unknown): PlanValidation {
  const result = ZPlanDocument.safeParse(input);
  if (result.success) return { ok: true, document: result.data, issues: [] };
  return { ok: false, document: null, issues: issuesFromZod(result.error.issues) };
}
