/**
 * The state table: California first, federal defaults for every other state. To add a state, write
 * its file next to `california.ts` (spread `FEDERAL_RULES` and override what differs, each rule
 * with its citation and certainty) and list it in `STATE_TABLE` below.
 */
import { z } from "zod";
import { CALIFORNIA_RULES } from "./california.ts";
import { FEDERAL_RULES } from "./federal.ts";
import type { StateRules } from "./state-rules.ts";

export const STATE_TABLE: ReadonlyArray<StateRules> = [CALIFORNIA_RULES];

const BY_CODE = new Map(STATE_TABLE.map((s) => [s.code, s]));

/**
 * A two-letter USPS state or territory code ("CA"; any case: `stateRules` reads it upper-cased). No
 * transform, so the same schema also describes responses that echo the facts back.
 */
export const ZStateCode = z
  .string()
  .regex(/^[A-Za-z]{2}$/, { message: "Expected a two-letter state code such as CA" })
  .meta({ example: "CA" });

/** The rules for a state: its own when it is in the table, else the federal defaults. */
export function stateRules(code: string | null | undefined): StateRules {
  if (!code) return FEDERAL_RULES;
  return BY_CODE.get(code.trim().toUpperCase()) ?? FEDERAL_RULES;
}

/** Whether the table holds the state's own rules (false: federal defaults apply). */
export function hasStateRules(code: string | null | undefined): boolean {
  return !!code && BY_CODE.has(code.trim().toUpperCase());
}

/** The codes with their own rules. */
export function statesWithOwnRules(): string[] {
  return STATE_TABLE.map((s) => s.code);
}

/**
 * Whether Part B (IDEA) still serves a student of this age in this state. With only whole years,
 * the year a state's continuation rule covers (California: turning 22 between January and June) is
 * "unknown" unless the birth date and the day are known.
 */
export function partBAgeStatus(
  rules: StateRules,
  ageYears: number,
  dates?: { dateOfBirth?: string | null | undefined; asOf?: string | null | undefined },
): "within" | "past" | "unknown" {
  const { lastAge, continuesIfBirthdayIn: rule } = rules.partBEnd.value;
  if (ageYears <= lastAge) return "within";
  if (ageYears > lastAge + 1 || rule === null) return "past";
  const birth = dates?.dateOfBirth;
  const asOf = dates?.asOf;
  if (!birth || !asOf) return "unknown";
  const month = Number(birth.slice(5, 7));
  if (month < rule.fromMonth || month > rule.toMonth) return "past";
  // The birthday that made the student lastAge + 1 fell in the covered months of this year.
  const turnedYear = Number(birth.slice(0, 4)) + lastAge + 1;
  const until = `${String(turnedYear).padStart(4, "0")}-${rule.until}`;
  return asOf <= until ? "within" : "past";
}

export type { StateRules };
export { CALIFORNIA_RULES, FEDERAL_RULES };
