/**
 * The roster API: `POST /api/district/roster` takes the roster as CSV (docs/roster-format.md) and
 * answers what the import did, or every problem of a file it refused (nothing saved).
 */
import { z } from "zod";
import { ZRosterProblem } from "../students/roster.ts";

export const ZRosterImportQuery = z.object({
  /** Check the file and count what would change, without saving anything. */
  dryRun: z.stringbool().default(false),
  /** The district to import into; default the one the administrator administers. */
  districtId: z.uuid().optional(),
  /** Email an invitation (a one-time link to choose a password) to each guardian the import adds. */
  inviteGuardians: z.stringbool().default(false),
});

/** What an import did (or, for a dry run, would do). */
export const ZRosterImportResult = z.object({
  dryRun: z.boolean(),
  /** Rows in the file. */
  rows: z.number().int(),
  /** Students added. */
  created: z.number().int(),
  /** Students whose details, guardians or case manager changed. */
  updated: z.number().int(),
  /** Students already exactly as the file says. */
  unchanged: z.number().int(),
  /** Schools added. */
  schools: z.number().int(),
  /** Guardian links added (a guardian of two listed students counts twice). */
  guardians: z.number().int(),
  /** Guardians the import added who were emailed an invitation. */
  invitations: z.number().int(),
  /**
   * Guardian links to accounts of another district: they wait for the person to accept them in
   * Lantern and give no access until then.
   */
  pendingGuardianLinks: z.number().int(),
  seconds: z.number(),
  /** Headers the file has that Lantern does not keep (their values were not stored). */
  ignoredColumns: z.array(z.string()),
});
export type RosterImportResult = z.infer<typeof ZRosterImportResult>;

/** The answer to a file with problems: nothing was saved. */
export const ZRosterProblemsResponse = z.object({
  error: z.string(),
  message: z.string(),
  /** Total number of problems; `problems` lists the first MAX_ROSTER_PROBLEMS, in line order. */
  problemCount: z.number().int(),
  problems: z.array(ZRosterProblem),
});
export type RosterProblemsResponse = z.infer<typeof ZRosterProblemsResponse>;
