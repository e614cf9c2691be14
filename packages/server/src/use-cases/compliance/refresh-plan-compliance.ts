/**
 * Keep plans' stored compliance results current: check the plan version that counts (the one in
 * effect, else the current draft) with core's `checkPlan`, and replace the stored findings and
 * deadlines.
 *
 * One signal says what is out of date: the database's queue (`compliance_queue`, migration 0009),
 * which triggers fill whenever a plan, a version or a signature changes, plus stored results that
 * depend on the day (`recheck_on`). Reads refresh what is stale in what they show
 * (`refreshStalePlans`, at most a bounded number at a time); `refreshAllPlansCompliance` brings a
 * whole district up to date in batches (after a bulk load). Nothing re-checks after a write.
 *
 * One code path serves one plan and a thousand: a batch is read in one query (plan, version,
 * recorded signatures, the student's other plans in effect), checked in memory, and written with a
 * few set-based statements in one transaction.
 *
 * Deadline findings are not stored: their state depends on the day, so queries derive them from
 * the stored due dates (and `readPlanCompliance` with core's `findingsFromDeadlines`).
 *
 * Boilerplate: each plan's accommodation signature is stored with its results; the school's
 * MinHash index (see boilerplate-index-store.ts) yields the plan's near-duplicates. Neighbouring
 * plans whose near-duplicate counts the change alters get only their boilerplate findings
 * rewritten, in the same transaction, not a whole new check.
 */
import {
  type BoilerplateIndex,
  boilerplateFindings,
  checkPlan,
  DEADLINE_DERIVED_FINDING_CODES,
  type DeadlineSettings,
  type IsoDate,
  nextRecheck,
  type PlanAccommodationSignature,
  type PlanCheck,
  type PlanDocument,
  type SchoolCalendar,
  signPlanAccommodations,
  ZPlanDocument,
} from "@lantern/core";
import type {
  PlanToCheck,
  RecordedSignature,
  StaleScope,
  StoredResultInput,
} from "../../repositories/compliance-repository.ts";
import { toPlanTranslation } from "../../repositories/plan-translations-repository.ts";
import { inTransaction, type UseCaseDeps } from "../deps.ts";

const BOILERPLATE_CODE = "quality.accommodation.boilerplate";

/** Merge signatures recorded beside the version into the document (the checks read `signatures`). */
function withRecordedSignatures(doc: PlanDocument, recorded: RecordedSignature[] | null): PlanDocument {
  if (!recorded || recorded.length === 0) return doc;
  const have = new Set(doc.signatures.map((s) => s.attendeeId));
  const extra = recorded
    .filter((r) => !have.has(r.attendee_id))
    .map((r) => ({
      attendeeId: r.attendee_id,
      method: r.method as "typed" | "drawn",
      typedName: r.signature_text,
      drawing: null,
      signedAt: new Date(r.signed_at).toISOString(),
      signerAccountId: r.signer_person_id,
      meaning: r.meaning as "attendance" | "agreement",
    }));
  return { ...doc, signatures: [...doc.signatures, ...extra] } as PlanDocument;
}

type DistrictContext = {
  settings: DeadlineSettings & { boilerplateMinStudents: number };
  calendar: SchoolCalendar;
  state: string | undefined;
};

async function districtContexts(deps: UseCaseDeps, districtIds: Iterable<string>) {
  const out = new Map<string, DistrictContext>();
  for (const id of new Set(districtIds)) {
    const [settings, calendar, state] = await Promise.all([
      deps.repos.compliance.settings(id),
      deps.repos.compliance.calendarOrDefault(id),
      deps.repos.districts.state(id),
    ]);
    out.set(id, { settings, calendar, state });
  }
  return out;
}

export type RefreshSummary = {
  refreshed: string[];
  removed: string[];
  missing: string[];
  /** Other plans whose boilerplate findings changed with these plans' accommodations. */
  affected: string[];
};

export type RefreshOptions = {
  /**
   * Collect neighbours here instead of rewriting their boilerplate findings now (a bulk run
   * settles them once at the end with `settleBoilerplateNeighbours`).
   */
  deferNeighbours?: Set<string> | undefined;
  /**
   * Check only what is still stale once this check's turn comes: plans this call took off the
   * queue, and results missing or computed for another day. A read that overlapped another
   * read's check of the same plans then finds them done and checks nothing twice.
   */
  onlyStale?: boolean;
};

/**
 * Recompute and store the results of these plans as of `today`, in one transaction. Ended plans
 * lose their stored results; unknown ids are reported as missing.
 */
export async function refreshPlansCompliance(
  deps: UseCaseDeps,
  input: { planIds: readonly string[]; today: IsoDate },
  options: RefreshOptions = {},
): Promise<RefreshSummary> {
  const { today } = input;
  const summary: RefreshSummary = { refreshed: [], removed: [], missing: [], affected: [] };
  if (input.planIds.length === 0) return summary;
  const touchedSchools = new Set<string>();
  const queued = new Set(await deps.repos.compliance.takeFromQueue(input.planIds));
  try {
    await inTransaction(deps, async (tx) => {
      const { compliance } = tx.repos;
      await compliance.lockForCheck(input.planIds);
      let planIds = input.planIds;
      if (options.onlyStale) {
        const dayStale = new Set(await compliance.dayStaleAmong(planIds, today));
        planIds = planIds.filter((id) => queued.has(id) || dayStale.has(id));
      }
      const rows = await compliance.plansToCheck(planIds);
      const found = new Set(rows.map((r) => r.id));
      summary.missing = planIds.filter((id) => !found.has(id));
      if (rows.length === 0) return;
      const contexts = await districtContexts(
        tx,
        rows.map((r) => r.district_id),
      );
      const minFor = new Map<string, number>();
      for (const r of rows) {
        const min = contexts.get(r.district_id)?.settings.boilerplateMinStudents ?? 10;
        minFor.set(r.school_id, min);
        if (r.stored_school_id) minFor.set(r.stored_school_id, min);
        touchedSchools.add(r.school_id);
        if (r.stored_school_id) touchedSchools.add(r.stored_school_id);
      }
      const indexes = await tx.repos.boilerplate.open([...touchedSchools], (id) => minFor.get(id) ?? 10);
      const affected = new Set<string>();
      const addAffected = (ids: string[]) => {
        for (const id of ids) affected.add(id);
      };

      // 1. Parse, sign, and update the school indexes (all of the batch first, so every plan of
      //    the batch is counted when its neighbours' matches are read).
      type Prepared = { row: PlanToCheck; doc: PlanDocument | null; signature: PlanAccommodationSignature | null };
      const prepared: Prepared[] = [];
      for (const row of rows) {
        if (row.stored_school_id && row.stored_school_id !== row.school_id) {
          addAffected(indexes.get(row.stored_school_id)?.remove(row.id) ?? []);
        }
        const index = indexes.get(row.school_id) as BoilerplateIndex;
        if (row.status === "ended") {
          addAffected(index.remove(row.id));
          summary.removed.push(row.id);
          continue;
        }
        const parsed = row.content ? ZPlanDocument.safeParse(row.content) : null;
        let doc: PlanDocument | null = null;
        let signature: PlanAccommodationSignature | null = null;
        if (parsed?.success) {
          doc = withRecordedSignatures(parsed.data, row.recorded_signatures);
          signature = signPlanAccommodations(
            row.id,
            row.student_id,
            doc.accommodations.map((a) => ({ id: a.id, text: a.text })),
          );
          addAffected(index.upsert(signature));
        } else {
          addAffected(index.remove(row.id));
        }
        prepared.push({ row, doc, signature });
      }

      // 2. Check each plan with its matches.
      const results: StoredResultInput[] = [];
      for (const { row, doc, signature } of prepared) {
        const ctx = contexts.get(row.district_id) as DistrictContext;
        let check: PlanCheck = { findings: [], deadlines: [] };
        let recheckOn: IsoDate | null = null;
        if (doc) {
          recheckOn = nextRecheck(doc, today, ctx.calendar);
          check = checkPlan(doc, {
            today,
            calendar: ctx.calendar,
            state: ctx.state,
            settings: {
              dueSoonDays: ctx.settings.dueSoonDays,
              section504ReevaluationYears: ctx.settings.section504ReevaluationYears,
            },
            // Only a plan in effect next to another plan in effect is "both active".
            otherActivePlans:
              row.status === "in-effect"
                ? (row.other_active ?? []).map((o) => ({ type: o.type as "iep" | "section-504", id: o.id }))
                : [],
            boilerplate: (indexes.get(row.school_id) as BoilerplateIndex).matchesFor(row.id),
            guardianLanguages: (row.guardian_languages ?? []).map((g) => ({
              language: g.language,
              interpreterNeeded: g.interpreter_needed,
            })),
            translations: (row.translations ?? []).map(toPlanTranslation),
          });
        }
        results.push({
          place: { planId: row.id, districtId: row.district_id, schoolId: row.school_id, studentId: row.student_id },
          head: {
            versionId: row.version_id,
            planType: row.type,
            planStatus: row.status,
            planUpdatedAt: new Date(row.updated_at),
            versionUpdatedAt: row.version_updated_at ? new Date(row.version_updated_at) : null,
            computedFor: today,
            recheckOn,
            signature,
          },
          findings: check.findings.filter((f) => !DEADLINE_DERIVED_FINDING_CODES.has(f.code)),
          deadlines: check.deadlines,
        });
        summary.refreshed.push(row.id);
      }

      // 3. Store, settle the neighbours, and note the change.
      // Only plans with results stored now have rows to delete (a first check has none).
      const stored = new Set(rows.filter((r) => r.stored_school_id !== null).map((r) => r.id));
      await compliance.removePlans(summary.removed.filter((id) => stored.has(id)));
      await compliance.replaceMany(
        results,
        summary.refreshed.filter((id) => stored.has(id)),
      );
      for (const id of found) affected.delete(id);
      summary.affected = [...affected];
      if (options.deferNeighbours) {
        for (const id of affected) options.deferNeighbours.add(id);
      } else {
        await rewriteBoilerplateFindings(tx, summary.affected, indexes);
      }
      await tx.repos.boilerplate.bump([...touchedSchools]);
      for (const d of contexts.keys()) await compliance.bump(d);
    });
  } catch (error) {
    deps.repos.boilerplate.forget(touchedSchools);
    await deps.repos.compliance.requeue(input.planIds).catch(() => {});
    throw error;
  }
  return summary;
}

export type RefreshOutcome = { planId: string; status: "refreshed" | "removed" | "missing"; affected: string[] };

/** Recompute and store one plan's results as of `today` (whether or not it was stale). */
export async function refreshPlanCompliance(
  deps: UseCaseDeps,
  input: { planId: string; today: IsoDate },
): Promise<RefreshOutcome> {
  const s = await refreshPlansCompliance(deps, { planIds: [input.planId], today: input.today });
  const status = s.missing.length > 0 ? "missing" : s.removed.length > 0 ? "removed" : "refreshed";
  return { planId: input.planId, status, affected: s.affected };
}

/**
 * Rewrite the boilerplate findings of these plans from their school's index (in the transaction
 * whose school locks the caller holds). Each plan's accommodation texts come from its stored version.
 */
async function rewriteBoilerplateFindings(
  tx: UseCaseDeps,
  planIds: readonly string[],
  indexes: Map<string, BoilerplateIndex>,
): Promise<void> {
  for (let start = 0; start < planIds.length; start += 2_000) {
    const chunk = planIds.slice(start, start + 2_000);
    const entries = (await tx.repos.compliance.accommodationsOf(chunk)).map(({ place, accommodations }) => ({
      place,
      findings: boilerplateFindings(accommodations, indexes.get(place.schoolId)?.matchesFor(place.planId) ?? []),
    }));
    await tx.repos.compliance.replaceBoilerplateFindings(entries, BOILERPLATE_CODE);
  }
}

/**
 * After a bulk run with `deferNeighbours`: rewrite the boilerplate findings of the collected
 * plans once, against the complete indexes.
 */
async function settleBoilerplateNeighbours(deps: UseCaseDeps, planIds: Iterable<string>): Promise<number> {
  const ids = [...new Set(planIds)];
  if (ids.length === 0) return 0;
  let schools: string[] = [];
  try {
    await inTransaction(deps, async (tx) => {
      const places = await tx.repos.compliance.placesOfStored(ids);
      schools = places.map((p) => p.schoolId);
      const contexts = await districtContexts(
        tx,
        places.map((p) => p.districtId),
      );
      const minFor = new Map(
        places.map((p) => [p.schoolId, contexts.get(p.districtId)?.settings.boilerplateMinStudents ?? 10]),
      );
      const indexes = await tx.repos.boilerplate.open(schools, (id) => minFor.get(id) ?? 10);
      await rewriteBoilerplateFindings(tx, ids, indexes);
      for (const d of contexts.keys()) await tx.repos.compliance.bump(d);
    });
  } catch (error) {
    deps.repos.boilerplate.forget(schools);
    throw error;
  }
  return ids.length;
}

/**
 * Re-check plans in scope whose stored results are out of date (queued by a change, or reaching
 * their day-dependent `recheck_on`), at most `limit` now. Returns how many were re-checked and how
 * many are still waiting.
 */
export async function refreshStalePlans(
  deps: UseCaseDeps,
  input: { scope: StaleScope; today: IsoDate; limit?: number },
): Promise<{ refreshed: number; pending: number }> {
  const { ids, total } = await deps.repos.compliance.staleIds(input.scope, input.today, input.limit ?? 200);
  if (ids.length > 0) await refreshPlansCompliance(deps, { planIds: ids, today: input.today }, { onlyStale: true });
  return { refreshed: ids.length, pending: total - ids.length };
}

/**
 * Bring every plan in scope up to date (after an import, a bulk load or a settings change), in
 * batches; returns the number of plans refreshed. Use from jobs, not from request handlers.
 *
 * Schools are shared out among `concurrency` loops (each school's plans stay in one loop, since a
 * change locks its school), so the database writes one batch while this process checks another.
 */
export async function refreshAllPlansCompliance(
  deps: UseCaseDeps,
  input: { districtId: string; schoolId?: string | null; today: IsoDate },
  onProgress?: (done: number) => void,
  options: { batchSize?: number; concurrency?: number } = {},
): Promise<number> {
  const batchSize = options.batchSize ?? 1_000;
  const concurrency = Math.max(1, options.concurrency ?? 2);
  const neighbours = new Set<string>();
  let done = 0;
  const schools = input.schoolId ? [input.schoolId] : await deps.repos.districts.schoolIds(input.districtId);
  const queue = [...schools];
  const loop = async () => {
    for (let schoolId = queue.shift(); schoolId !== undefined; schoolId = queue.shift()) {
      const refreshedNow = new Set<string>();
      for (;;) {
        const { ids } = await deps.repos.compliance.staleIds(
          { districtId: input.districtId, schoolId },
          input.today,
          batchSize,
        );
        // A plan still stale right after its refresh must not loop: stop when a batch holds
        // nothing new.
        if (ids.length === 0 || ids.every((id) => refreshedNow.has(id))) break;
        await refreshPlansCompliance(deps, { planIds: ids, today: input.today }, { deferNeighbours: neighbours });
        for (const id of ids) refreshedNow.add(id);
        done += ids.length;
        onProgress?.(done);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, schools.length) }, loop));
  // Plans checked early in the run saw only part of their school; settle their counts now.
  await settleBoilerplateNeighbours(deps, [...neighbours]);
  return done;
}
