/**
 * The navigator's API beyond its contract (facts in, recommendation out: `ZNavigatorFacts` and
 * `ZNavigatorReport` in eligibility/, and the evaluation-request letter's `ZEvaluationLetterInput`):
 * results staff save to a student's record, and the list of them.
 */
import { z } from "zod";
import { ZNavigatorFacts, ZNavigatorResult } from "../eligibility/navigator-facts.ts";

export const ZSaveNavigatorResultBody = z.object({ facts: ZNavigatorFacts });

/** A result saved to a student's record: the facts as given and the result computed from them. */
export const ZSavedNavigatorResult = z.object({
  id: z.string(),
  studentId: z.string(),
  savedBy: z.string(),
  savedAt: z.string(),
  facts: ZNavigatorFacts,
  result: ZNavigatorResult,
});
export type SavedNavigatorResult = z.infer<typeof ZSavedNavigatorResult>;

export const ZSavedNavigatorResults = z.object({ items: z.array(ZSavedNavigatorResult) });
export type SavedNavigatorResults = z.infer<typeof ZSavedNavigatorResults>;
