/** The goal bank as the goal builder uses it. Shapes are core's (goal-bank/goal-bank-api.ts). */
import type { GoalPatternList } from "@lantern/core";
import { api } from "../../lib/api-client.ts";

export type { GoalPatternList };
export type GoalPatternView = GoalPatternList["patterns"][number];

export const goalBankApi = {
  list: (signal?: AbortSignal) => api.get<GoalPatternList>("/api/district/goal-patterns", undefined, signal),
};
