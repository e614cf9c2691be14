import type { RosterImportResult, RosterProblem, RosterProblemsResponse } from "@lantern/core";
import { ApiError, apiRequest } from "../../lib/api-client.ts";

export type { RosterImportResult, RosterProblem };

/** What the server answered: the counts, or the problems of a file it refused (nothing saved). */
export type RosterAnswer =
  | { kind: "done"; result: RosterImportResult }
  | { kind: "problems"; message: string; problemCount: number; problems: RosterProblem[] };

/** Send the roster file as CSV; `dryRun` checks it and counts what would change without saving. */
export async function sendRoster(file: Blob, dryRun: boolean, inviteGuardians = false): Promise<RosterAnswer> {
  try {
    const result = await apiRequest<RosterImportResult>("/api/district/roster", {
      method: "POST",
      query: { dryRun: dryRun ? "true" : undefined, inviteGuardians: inviteGuardians ? "true" : undefined },
      raw: { data: file, contentType: "text/csv" },
    });
    return { kind: "done", result };
  } catch (error) {
    if (error instanceof ApiError && error.status === 400 && Array.isArray(error.body.problems)) {
      const body = error.body as unknown as RosterProblemsResponse;
      return { kind: "problems", message: body.message, problemCount: body.problemCount, problems: body.problems };
    }
    throw error;
  }
}
