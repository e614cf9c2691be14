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

export const PLAN_DOCUMENT_SCHEMA_ID = "urn:lantern:schema:plan-document:1";

/**
 * The JSON Schema (draft 2020-12) of a plan document as written in a file or request body,
 * generated from `ZPlanDocument`. Fields with defaults are optional here; `citation` keys carry
 * the rule each section implements. Date checks beyond the pattern (e.g. 2027-02-30) are done by
 * the zod schema only.
 */
export function planDocumentJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ZPlanDocument, {
    io: "input",
    unrepresentable: "any",
    target: "draft-2020-12",
  });
  return { ...schema, $id: PLAN_DOCUMENT_SCHEMA_ID };
}
