/**
 * Keep plans' stored compliance results current: check the plan version that counts (the one in
 * effect, else the current draft) with core's `checkPlan`, and replace the stored findings and
 * deadlines. Call it after every change to a plan; `refreshStalePlans` also catches plans changed
 * since their last check (and day-dependent results) before a dashboard answers, and
 * `refreshAllPlansCompliance` brings a whole district up to date in batches (after a bulk load).
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
  addDays,
  addYears,
  type BoilerplateIndex,
  boilerplateFindings,
  checkPlan,
  compareSeverity,
  DEADLINE_DERIVED_FINDING_CODES,
  type Deadline,
  type DeadlineSettings,
  daysBetween,
  deadlineState,
  defaultSchoolCalendar,
  describePlanCheckForGuardian,
  type Finding,
  findingsFromDeadlines,
  type IsoDate,
  type PlanAccommodationSignature,
  type PlanCheck,
  type PlanDocument,
  type SchoolCalendar,
  signPlanAccommodations,
  ZPlanDocument,
} from "@lantern/core";
import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema.ts";
import { createBoilerplateIndexStore } from "../repositories/boilerplate-index-store.ts";
import {
  type ComplianceRepository,
  createComplianceRepository,
  type PlanPlace,
  type StoredResultInput,
} from "../repositories/compliance-repository.ts";

export type RefreshOutcome = { planId: string; status: "refreshed" | "removed" | "missing"; affected: string[] };

const BOILERPLATE_CODE = "quality.accommodation.boilerplate";

let fallbackCalendar: SchoolCalendar | null = null;

/** The district's calendar, or the default one Lantern ships. */
export async function calendarForDistrict(repo: ComplianceRepository, districtId: string): Promise<SchoolCalendar> {
  const own = await repo.calendar(districtId);
  if (own) return own;
  fallbackCalendar ??= defaultSchoolCalendar(2020, 2032);
  return fallbackCalendar;
}

type RecordedSignature = {
  attendee_id: string;
  method: string;
  signature_text: string;
  meaning: string;
  signed_at: string;
  signer_person_id: string | null;
};

type PlanRow = {
  id: string;
  student_id: string;
  district_id: string;
  school_id: string;
  /** The school its stored results were filed under (differs when the student moved). */
  stored_school_id: string | null;
  type: string;
  status: string;
  updated_at: Date | string;
  version_id: string | null;
  content: unknown;
  version_updated_at: Date | string | null;
  recorded_signatures: RecordedSignature[] | string | null;
  other_active: Array<{ id: string; type: string }> | string | null;
};

const asJson = <T>(v: T | string | null): T | null => (typeof v === "string" ? (JSON.parse(v) as T) : v);

/** Read a batch of plans with everything their check needs, in one query. */
async function loadPlans(db: Kysely<Database>, planIds: readonly string[]): Promise<PlanRow[]> {
  const rows = await sql<PlanRow>`
    select p.id, p.student_id, p.district_id, p.school_id, c.school_id as stored_school_id,
      p.type, p.status, p.updated_at,
      v.id as version_id, v.content, v.updated_at as version_updated_at,
      (select json_agg(json_build_object(
          'attendee_id', s.attendee_id, 'method', s.method, 'signature_text', s.signature_text,
          'meaning', s.meaning, 'signed_at', s.signed_at, 'signer_person_id', s.signer_person_id))
        from plan_signatures s where s.version_id = v.id) as recorded_signatures,
      (select json_agg(json_build_object('id', o.id, 'type', o.type))
        from plans o where o.student_id = p.student_id and o.status = 'in-effect' and o.id <> p.id) as other_active
    from plans p
    left join plan_versions v on v.id = coalesce(p.in_effect_version_id, p.current_version_id)
    left join plan_compliance c on c.plan_id = p.id
    where p.id = any(${[...planIds]}::uuid[])`.execute(db);
  return rows.rows;
}

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

/**
 * The first day after `today` on which the plan's results can change with time alone: a meeting,
 * start or consent date passing (team and signature checks, "in effect"), a birthday that brings
 * the transition or transfer-of-rights requirement, or a new school year (safeguards notice).
 */
export function nextRecheck(doc: PlanDocument, today: IsoDate, calendar: SchoolCalendar): IsoDate | null {
  const candidates: Array<string | null | undefined> = [doc.meeting.date, doc.dates.planStart];
  if (doc.type === "iep") {
    candidates.push(doc.dates.initialConsentToServices);
    const birth = doc.student.dateOfBirth;
    if (birth) for (const age of [16, 17, 18]) candidates.push(addYears(birth, age));
  } else {
    candidates.push(doc.dates.ended);
  }
  for (const y of calendar.data.years) candidates.push(y.firstDay, addDays(y.lastDay, 1));
  let next: IsoDate | null = null;
  for (const c of candidates) if (c && c > today && (next === null || c < next)) next = c;
  return next;
}

type DistrictContext = {
  settings: DeadlineSettings & { boilerplateMinStudents: number };
  calendar: SchoolCalendar;
  state: string | undefined;
};

async function districtContexts(
  db: Kysely<Database>,
  districtIds: Iterable<string>,
): Promise<Map<string, DistrictContext>> {
  const repo = createComplianceRepository(db);
  const out = new Map<string, DistrictContext>();
  for (const id of new Set(districtIds)) {
    const [settings, calendar, district] = await Promise.all([
      repo.settings(id),
      calendarForDistrict(repo, id),
      db.selectFrom("districts").select("state").where("id", "=", id).executeTakeFirst(),
    ]);
    out.set(id, { settings, calendar, state: district?.state ?? undefined });
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
};

/**
 * Recompute and store the results of these plans as of `today`, in one transaction. Ended plans
 * lose their stored results; unknown ids are reported as missing.
 */
export async function refreshPlansCompliance(
  db: Kysely<Database>,
  planIds: readonly string[],
  today: IsoDate,
  options: RefreshOptions = {},
): Promise<RefreshSummary> {
  const summary: RefreshSummary = { refreshed: [], removed: [], missing: [], affected: [] };
  if (planIds.length === 0) return summary;
  const indexStore = createBoilerplateIndexStore(db);
  const touchedSchools = new Set<string>();
  // Off the queue first, in its own short statement (holding those rows for the whole check would
  // make writers of the same plans wait on it): a change committed after this point queues the
  // plan again, and a failed check puts the plans back.
  await sql`delete from compliance_queue where plan_id = any(${[...planIds]}::uuid[])`.execute(db);
  try {
    await db.transaction().execute(async (trx) => {
      // One check of a plan at a time: each change re-checks its plans after the reply, so the
      // checks of two quick changes overlap, and both would store a first result. Each check
      // first takes a transaction-level advisory lock per plan, all in one order, so overlapping
      // checks wait for each other and never in a circle. Only checks take these locks: a user's
      // save never waits for a check (a lock on the plan rows made saves and checks deadlock).
      await sql`select pg_advisory_xact_lock(s.k) from (
          select distinct hashtextextended('plan-check:' || id, 0) as k
          from unnest(${[...planIds]}::uuid[]) as id order by k offset 0) s`.execute(trx);
      const rows = await loadPlans(trx, planIds);
      const found = new Set(rows.map((r) => r.id));
      summary.missing = planIds.filter((id) => !found.has(id));
      if (rows.length === 0) return;
      const contexts = await districtContexts(
        trx,
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
      const indexes = await indexStore.open(trx, [...touchedSchools], (id) => minFor.get(id) ?? 10);
      const affected = new Set<string>();
      const addAffected = (ids: string[]) => {
        for (const id of ids) affected.add(id);
      };

      // 1. Parse, sign, and update the school indexes (all of the batch first, so every plan of
      //    the batch is counted when its neighbours' matches are read).
      type Prepared = { row: PlanRow; doc: PlanDocument | null; signature: PlanAccommodationSignature | null };
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
        const raw = asJson(row.content);
        const parsed = raw ? ZPlanDocument.safeParse(raw) : null;
        let doc: PlanDocument | null = null;
        let signature: PlanAccommodationSignature | null = null;
        if (parsed?.success) {
          doc = withRecordedSignatures(parsed.data, asJson(row.recorded_signatures));
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
          const others = asJson(row.other_active) ?? [];
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
                ? others.map((o) => ({ type: o.type as "iep" | "section-504", id: o.id }))
                : [],
            boilerplate: (indexes.get(row.school_id) as BoilerplateIndex).matchesFor(row.id),
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
      const repo = createComplianceRepository(trx);
      await repo.removePlans(summary.removed.filter((id) => stored.has(id)));
      await repo.replaceMany(
        results,
        summary.refreshed.filter((id) => stored.has(id)),
      );
      for (const id of found) affected.delete(id);
      summary.affected = [...affected];
      if (options.deferNeighbours) {
        for (const id of affected) options.deferNeighbours.add(id);
      } else {
        await rewriteBoilerplateFindings(trx, summary.affected, indexes);
      }
      await indexStore.bump(trx, [...touchedSchools]);
      for (const d of contexts.keys()) await repo.bump(d);
    });
  } catch (error) {
    indexStore.forget(touchedSchools);
    await sql`insert into compliance_queue (plan_id, district_id, school_id, student_id)
      select p.id, p.district_id, p.school_id, p.student_id from plans p where p.id = any(${[...planIds]}::uuid[])
      order by p.id on conflict (plan_id) do nothing`
      .execute(db)
      .catch(() => {});
    throw error;
  }
  return summary;
}

/** Recompute and store one plan's results as of `today`. */
export async function refreshPlanCompliance(
  db: Kysely<Database>,
  planId: string,
  today: IsoDate,
): Promise<RefreshOutcome> {
  const s = await refreshPlansCompliance(db, [planId], today);
  const status = s.missing.length > 0 ? "missing" : s.removed.length > 0 ? "removed" : "refreshed";
  return { planId, status, affected: s.affected };
}

/**
 * Rewrite the boilerplate findings of these plans from their school's index (in `trx`, whose
 * school locks the caller holds). Each plan's accommodation texts come from its stored version.
 */
async function rewriteBoilerplateFindings(
  trx: Kysely<Database>,
  planIds: readonly string[],
  indexes: Map<string, BoilerplateIndex>,
): Promise<void> {
  for (let start = 0; start < planIds.length; start += 2_000) {
    const chunk = planIds.slice(start, start + 2_000);
    const rows = await sql<PlanPlace & { accommodations: unknown }>`
      select c.plan_id as "planId", c.district_id as "districtId", c.school_id as "schoolId",
        c.student_id as "studentId", v.content -> 'accommodations' as accommodations
      from plan_compliance c left join plan_versions v on v.id = c.version_id
      where c.plan_id = any(${chunk}::uuid[])`.execute(trx);
    const entries = rows.rows.map((r) => {
      const list = (asJson(r.accommodations as string | null) ?? []) as Array<{ id: string; text: string }>;
      const matches = indexes.get(r.schoolId)?.matchesFor(r.planId) ?? [];
      const { accommodations: _a, ...place } = r;
      return { place, findings: boilerplateFindings(Array.isArray(list) ? list : [], matches) };
    });
    await createComplianceRepository(trx).replaceBoilerplateFindings(entries, BOILERPLATE_CODE);
  }
}

/**
 * After a bulk run with `deferNeighbours`: rewrite the boilerplate findings of the collected
 * plans once, against the complete indexes.
 */
export async function settleBoilerplateNeighbours(db: Kysely<Database>, planIds: Iterable<string>): Promise<number> {
  const ids = [...new Set(planIds)];
  if (ids.length === 0) return 0;
  const indexStore = createBoilerplateIndexStore(db);
  let schools: string[] = [];
  try {
    await db.transaction().execute(async (trx) => {
      const rows = await sql<{ school_id: string; district_id: string }>`
        select distinct c.school_id, c.district_id from plan_compliance c where c.plan_id = any(${ids}::uuid[])`.execute(
        trx,
      );
      schools = rows.rows.map((r) => r.school_id);
      const contexts = await districtContexts(
        trx,
        rows.rows.map((r) => r.district_id),
      );
      const minFor = new Map(
        rows.rows.map((r) => [r.school_id, contexts.get(r.district_id)?.settings.boilerplateMinStudents ?? 10]),
      );
      const indexes = await indexStore.open(trx, schools, (id) => minFor.get(id) ?? 10);
      await rewriteBoilerplateFindings(trx, ids, indexes);
      for (const d of contexts.keys()) await createComplianceRepository(trx).bump(d);
    });
  } catch (error) {
    indexStore.forget(schools);
    throw error;
  }
  return ids.length;
}

type StaleScope = { districtId: string; schoolId?: string | null; studentIds?: string[] | null };

/**
 * Re-check plans in scope whose stored results are out of date (queued by a change, or reaching
 * their day-dependent `recheck_on`), at most `limit` now. Returns how many were re-checked and how
 * many are still waiting.
 */
export async function refreshStalePlans(
  db: Kysely<Database>,
  scope: StaleScope,
  today: IsoDate,
  limit = 200,
): Promise<{ refreshed: number; pending: number }> {
  const { ids, total } = await staleIds(db, scope, today, limit);
  if (ids.length > 0) await refreshPlansCompliance(db, ids, today);
  return { refreshed: ids.length, pending: total - ids.length };
}

/**
 * Plans in scope to re-check: those on the queue (changed since their last check; the database
 * queues them, see migration 0009), and stored results that depend on the day and were computed
 * for another one. Both come from indexes; nothing compares a whole district with its results.
 */
async function staleIds(
  db: Kysely<Database>,
  scope: StaleScope,
  today: IsoDate,
  limit: number | null,
): Promise<{ ids: string[]; total: number }> {
  if (scope.studentIds && scope.studentIds.length === 0) return { ids: [], total: 0 };
  const filter = (alias: "q" | "c") =>
    sql`${sql.ref(`${alias}.district_id`)} = ${scope.districtId}
      ${scope.schoolId ? sql`and ${sql.ref(`${alias}.school_id`)} = ${scope.schoolId}` : sql``}
      ${scope.studentIds ? sql`and ${sql.ref(`${alias}.student_id`)} = any(${scope.studentIds}::uuid[])` : sql``}`;
  const rows = await sql<{ id: string; total: number }>`
    select id, count(*) over ()::int as total from (
      select q.plan_id as id from compliance_queue q where ${filter("q")}
      union
      select c.plan_id from plan_compliance c
      where ${filter("c")} and (c.recheck_on <= ${today}::date or c.computed_for > ${today}::date)
    ) stale
    order by id
    ${limit === null ? sql`` : sql`limit ${limit}`}`.execute(db);
  return { ids: rows.rows.map((r) => r.id), total: Number(rows.rows[0]?.total ?? 0) };
}

/**
 * Bring every plan in scope up to date (after an import, a bulk load or a settings change), in
 * batches; returns the number of plans refreshed. Use from jobs, not from request handlers.
 *
 * Schools are shared out among `concurrency` loops (each school's plans stay in one loop, since a
 * change locks its school), so the database writes one batch while this process checks another.
 */
export async function refreshAllPlansCompliance(
  db: Kysely<Database>,
  scope: { districtId: string; schoolId?: string | null },
  today: IsoDate,
  onProgress?: (done: number) => void,
  options: { batchSize?: number; concurrency?: number } = {},
): Promise<number> {
  const batchSize = options.batchSize ?? 1_000;
  const concurrency = Math.max(1, options.concurrency ?? 2);
  const neighbours = new Set<string>();
  let done = 0;
  const schools = scope.schoolId
    ? [scope.schoolId]
    : (
        await db.selectFrom("schools").select("id").where("district_id", "=", scope.districtId).orderBy("id").execute()
      ).map((r) => r.id);
  const queue = [...schools];
  const loop = async () => {
    for (let schoolId = queue.shift(); schoolId !== undefined; schoolId = queue.shift()) {
      const refreshedNow = new Set<string>();
      for (;;) {
        const { ids } = await staleIds(db, { districtId: scope.districtId, schoolId }, today, batchSize);
        // A plan still stale right after its refresh must not loop: stop when a batch holds
        // nothing new.
        if (ids.length === 0 || ids.every((id) => refreshedNow.has(id))) break;
        await refreshPlansCompliance(db, ids, today, { deferNeighbours: neighbours });
        for (const id of ids) refreshedNow.add(id);
        done += ids.length;
        onProgress?.(done);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, schools.length) }, loop));
  // Plans checked early in the run saw only part of their school; settle their counts now.
  await settleBoilerplateNeighbours(db, [...neighbours]);
  return done;
}

export type PlanComplianceView = {
  planId: string;
  planType: string;
  today: IsoDate;
  findings: Finding[];
  deadlines: Deadline[];
  /** Plain-language sentences for families. */
  plainLanguage: string[];
};

/** One plan's findings and deadlines as of `today` (refreshing first when stale). */
export async function readPlanCompliance(
  db: Kysely<Database>,
  plan: { planId: string; districtId: string; studentId: string },
  today: IsoDate,
): Promise<PlanComplianceView | null> {
  await refreshStalePlans(db, { districtId: plan.districtId, studentIds: [plan.studentId] }, today);
  const repo = createComplianceRepository(db);
  const stored = await repo.stored(plan.planId);
  if (!stored) return null;
  const settings = await repo.settings(plan.districtId);
  const deadlines = stored.deadlines.map((d) => withState(d, today, settings));
  const findings = [...stored.findings, ...findingsFromDeadlines(deadlines)];
  findings.sort((a, b) => compareSeverity(a.severity, b.severity));
  const check = { findings, deadlines };
  return {
    planId: plan.planId,
    planType: stored.planType,
    today,
    findings,
    deadlines,
    plainLanguage: describePlanCheckForGuardian(check),
  };
}

export function withState(d: Deadline, today: IsoDate, settings: Pick<DeadlineSettings, "dueSoonDays">): Deadline {
  const state = deadlineState(d.dueDate, today, d.metOn, settings.dueSoonDays);
  return {
    ...d,
    state,
    daysLeft: daysBetween(today, d.dueDate),
    late: state === "overdue" || (d.metOn !== null && d.metOn > d.dueDate),
  };
}
