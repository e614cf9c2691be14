/**
 * The goal bank's API: the measurable goal patterns staff pick from in the goal builder (Lantern's
 * and the district's), and the patterns a district administrator adds or removes. The server
 * validates with these; the web imports the types.
 */
import { z } from "zod";
import { hasQuantity } from "../compliance/vague-wording.ts";
import { GOAL_AREAS, GOAL_BLANK } from "./goal-patterns.ts";

export const ZGoalArea = z.enum(GOAL_AREAS);

const text = (max: number) => z.string().trim().min(1).max(max);

export const ZGoalPattern = z
  .object({
    id: z.string(),
    area: ZGoalArea,
    title: z.string(),
    skill: z.string(),
    unit: z.string(),
    direction: z.enum(["increase", "decrease"]),
    criterion: z.string(),
    measurementMethod: z.string(),
    builtIn: z.boolean(),
  })
  .meta({ description: "A measurable goal pattern with blanks", citation: "34 CFR 300.320(a)(2)(i)" });
export type GoalPatternView = z.infer<typeof ZGoalPattern>;

export const ZGoalPatternList = z.object({
  patterns: z.array(ZGoalPattern),
  /** Whether the reader may add and remove the district's patterns. */
  canChange: z.boolean(),
});
export type GoalPatternList = z.infer<typeof ZGoalPatternList>;

/** A district's new pattern: measurable as written, with a blank for the target. */
export const ZNewGoalPattern = z.object({
  area: ZGoalArea,
  title: text(120),
  skill: text(300).refine((s) => s.includes(GOAL_BLANK), {
    message: `Put ${GOAL_BLANK} where the target amount goes, for example "read ${GOAL_BLANK} words correct per minute"`,
  }),
  unit: text(120),
  direction: z.enum(["increase", "decrease"]).default("increase"),
  criterion: text(200).refine(hasQuantity, {
    message: 'Say how well or how often with an amount, for example "in 4 of 5 trials"',
  }),
  measurementMethod: text(200),
});
export type NewGoalPattern = z.infer<typeof ZNewGoalPattern>;
export type NewGoalPatternInput = z.input<typeof ZNewGoalPattern>;

export const ZGoalPatternParams = z.object({ patternId: z.uuid() });
