/**
 * Service sessions, progress data points and the district's compensatory policy (migration 0004).
 * Callers have already passed the access path for every student they name.
 */
import {
  type CompensatoryPolicy,
  DomainError,
  defaultCompensatoryPolicy,
  type IsoDate,
  MAX_SESSIONS_PER_DAY,
  type OwableReason,
  type ProgressDataPoint,
  type ServiceSession,
  type ServiceSessionEntry,
  ZCompensatoryPolicy,
} from "@lantern/core";
import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema.ts";

/** Where a student belongs, stored on each row for school and district summaries. */
export type StudentPlace = { studentId: string; districtId: string; schoolId: string };

export type StoredSession = ServiceSession & {
  studentId: string;
  providerId: string;
  providerName: string;
  slot: number;
};

export type StoredPoint = ProgressDataPoint & {
  id: string;
  studentId: string;
  goalId: string;
  recordedBy: string;
};

type SessionRow = {
  id: string;
  student_id: string;
  service_id: string;
  session_date: string;
  slot: number;
  minutes: number;
  delivery: string;
  status: string;
  note: string | null;
  provider_id: string;
  provider_name: string;
};

function toSession(r: SessionRow): StoredSession {
  return {
    id: r.id,
    studentId: r.student_id,
    serviceId: r.service_id,
    date: r.session_date,
    slot: r.slot,
    minutes: r.minutes,
    delivery: r.delivery as ServiceSession["delivery"],
    status: r.status as ServiceSession["status"],
    ...(r.note !== null ? { note: r.note } : {}),
    providerId: r.provider_id,
    providerName: r.provider_name,
  };
}

export function createEnforcementRepository(db: Kysely<Database>) {
  const sessionColumns = [
    "s.id",
    "s.student_id",
    "s.service_id",
    "s.session_date",
    "s.slot",
    "s.minutes",
    "s.delivery",
    "s.status",
    "s.note",
    "s.provider_id",
    sql<string>`p.first_name || ' ' || p.last_name`.as("provider_name"),
  ] as const;

  return {
    /** The services of these students this provider has logged sessions for (any date). */
    async servicesLoggedBy(
      providerId: string,
      studentIds: readonly string[],
    ): Promise<Array<{ studentId: string; serviceId: string }>> {
      if (studentIds.length === 0) return [];
      const rows = await db
        .selectFrom("service_sessions")
        .select(["student_id", "service_id"])
        .distinct()
        .where("provider_id", "=", providerId)
        .where("student_id", "in", studentIds)
        .execute();
      return rows.map((r) => ({ studentId: r.student_id, serviceId: r.service_id }));
    },

    /**
     * Log one session in the next free slot of that service on that day (in the caller's
     * transaction). Sessions logged at the same moment take turns (a lock on the day's slots held
     * to the end of the transaction), so each gets its own slot; past the last slot it is refused.
     */
    async insertSession(place: StudentPlace, entry: ServiceSessionEntry, providerId: string): Promise<StoredSession> {
      const day = `${place.studentId}|${entry.serviceId}|${entry.date}`;
      await sql`select pg_advisory_xact_lock(hashtextextended(${day}, 0))`.execute(db);
      const taken = await db
        .selectFrom("service_sessions")
        .select((eb) => eb.fn.max<number | null>("slot").as("last"))
        .where("student_id", "=", place.studentId)
        .where("service_id", "=", entry.serviceId)
        .where("session_date", "=", entry.date)
        .executeTakeFirst();
      const slot = (taken?.last ?? 0) + 1;
      if (slot > MAX_SESSIONS_PER_DAY) {
        throw new DomainError(
          "conflict",
          `No more than ${MAX_SESSIONS_PER_DAY} sessions of one service can be logged for a student on one day`,
          { issues: [{ path: "/date", message: `already has ${MAX_SESSIONS_PER_DAY} sessions of this service` }] },
        );
      }
      const row = await db
        .insertInto("service_sessions")
        .values({
          district_id: place.districtId,
          school_id: place.schoolId,
          student_id: place.studentId,
          service_id: entry.serviceId,
          session_date: entry.date,
          slot,
          minutes: entry.minutes,
          delivery: entry.delivery,
          status: entry.status,
          note: entry.note ?? null,
          provider_id: providerId,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return (await this.findSession(row.id)) as StoredSession;
    },

    async findSession(id: string): Promise<StoredSession | null> {
      const r = await db
        .selectFrom("service_sessions as s")
        .innerJoin("people as p", "p.id", "s.provider_id")
        .select(sessionColumns)
        .where("s.id", "=", id)
        .executeTakeFirst();
      return r ? toSession(r) : null;
    },

    /**
     * Write a week of grid cells (in the caller's transaction): each (student, service, day) cell
     * is slot 1, replaced when logged again.
     */
    async upsertWeek(
      cells: Array<{ place: StudentPlace; entry: ServiceSessionEntry }>,
      providerId: string,
    ): Promise<number> {
      if (cells.length === 0) return 0;
      for (let i = 0; i < cells.length; i += 500) {
        await db
          .insertInto("service_sessions")
          .values(
            cells.slice(i, i + 500).map(({ place, entry }) => ({
              district_id: place.districtId,
              school_id: place.schoolId,
              student_id: place.studentId,
              service_id: entry.serviceId,
              session_date: entry.date,
              slot: 1,
              minutes: entry.minutes,
              delivery: entry.delivery,
              status: entry.status,
              note: entry.note ?? null,
              provider_id: providerId,
            })),
          )
          .onConflict((oc) =>
            oc.columns(["student_id", "service_id", "session_date", "slot"]).doUpdateSet((eb) => ({
              minutes: eb.ref("excluded.minutes"),
              delivery: eb.ref("excluded.delivery"),
              status: eb.ref("excluded.status"),
              note: eb.ref("excluded.note"),
              provider_id: eb.ref("excluded.provider_id"),
              updated_at: sql`now()`,
            })),
          )
          .execute();
      }
      return cells.length;
    },

    /** Sessions of some students, optionally within dates, oldest first. */
    async listSessions(studentIds: string[], range: { from?: IsoDate; to?: IsoDate } = {}): Promise<StoredSession[]> {
      if (studentIds.length === 0) return [];
      let q = db
        .selectFrom("service_sessions as s")
        .innerJoin("people as p", "p.id", "s.provider_id")
        .select(sessionColumns)
        .where("s.student_id", "in", studentIds);
      if (range.from) q = q.where("s.session_date", ">=", range.from);
      if (range.to) q = q.where("s.session_date", "<=", range.to);
      const rows = await q.orderBy("s.session_date").orderBy("s.service_id").orderBy("s.slot").execute();
      return rows.map(toSession);
    },

    /**
     * Sessions of a whole school or district within dates (the indexes on school or district and
     * date), with provider names looked up once per provider rather than joined per row.
     */
    async listSessionsInScope(
      scope: { districtId: string; schoolId?: string | null },
      range: { from: IsoDate; to: IsoDate },
    ): Promise<StoredSession[]> {
      let q = db
        .selectFrom("service_sessions as s")
        .select([
          "s.id",
          "s.student_id",
          "s.service_id",
          "s.session_date",
          "s.slot",
          "s.minutes",
          "s.delivery",
          "s.status",
          "s.note",
          "s.provider_id",
        ])
        .where("s.session_date", ">=", range.from)
        .where("s.session_date", "<=", range.to);
      q = scope.schoolId
        ? q.where("s.school_id", "=", scope.schoolId)
        : q.where("s.district_id", "=", scope.districtId);
      const rows = await q.execute();
      const providerIds = [...new Set(rows.map((r) => r.provider_id))];
      const names = new Map<string, string>();
      for (let i = 0; i < providerIds.length; i += 1000) {
        const people = await db
          .selectFrom("people")
          .select(["id", "first_name", "last_name"])
          .where("id", "in", providerIds.slice(i, i + 1000))
          .execute();
        for (const p of people) names.set(p.id, `${p.first_name} ${p.last_name}`);
      }
      return rows.map((r) => toSession({ ...r, provider_name: names.get(r.provider_id) ?? "" }));
    },

    async insertPoints(
      points: Array<{ place: StudentPlace; goalId: string; point: ProgressDataPoint }>,
      recordedBy: string,
    ): Promise<StoredPoint[]> {
      if (points.length === 0) return [];
      const rows = await db
        .insertInto("progress_data_points")
        .values(
          points.map(({ place, goalId, point }) => ({
            district_id: place.districtId,
            school_id: place.schoolId,
            student_id: place.studentId,
            goal_id: goalId,
            point_date: point.date,
            value: point.value,
            note: point.note ?? null,
            recorded_by: recordedBy,
          })),
        )
        .returning(["id", "student_id", "goal_id", "point_date", "value", "note", "recorded_by"])
        .execute();
      return rows.map((r) => ({
        id: r.id,
        studentId: r.student_id,
        goalId: r.goal_id,
        date: r.point_date,
        value: r.value,
        ...(r.note !== null ? { note: r.note } : {}),
        recordedBy: r.recorded_by,
      }));
    },

    async listPoints(studentId: string): Promise<StoredPoint[]> {
      const rows = await db
        .selectFrom("progress_data_points")
        .select(["id", "student_id", "goal_id", "point_date", "value", "note", "recorded_by"])
        .where("student_id", "=", studentId)
        .orderBy("goal_id")
        .orderBy("point_date")
        .orderBy("created_at")
        .execute();
      return rows.map((r) => ({
        id: r.id,
        studentId: r.student_id,
        goalId: r.goal_id,
        date: r.point_date,
        value: r.value,
        ...(r.note !== null ? { note: r.note } : {}),
        recordedBy: r.recorded_by,
      }));
    },

    /** Students of a school or district with their school's name (for service-fidelity reports). */
    async studentsInScope(scope: { districtId: string; schoolId: string | null }) {
      let q = db
        .selectFrom("students as s")
        .innerJoin("schools as sc", "sc.id", "s.school_id")
        .select(["s.id", "s.district_id", "s.school_id", "sc.name as school_name"])
        .where("s.district_id", "=", scope.districtId);
      if (scope.schoolId) q = q.where("s.school_id", "=", scope.schoolId);
      return (await q.execute()).map((s) => ({
        studentId: s.id,
        districtId: s.district_id,
        schoolId: s.school_id,
        schoolName: s.school_name,
      }));
    },

    /** The district's policy, or the default when it has not set one. */
    async getPolicy(districtId: string): Promise<CompensatoryPolicy> {
      const r = await db
        .selectFrom("compensatory_policies")
        .select(["owed_reasons", "behind_schedule_threshold"])
        .where("district_id", "=", districtId)
        .executeTakeFirst();
      if (!r) return defaultCompensatoryPolicy();
      return ZCompensatoryPolicy.parse({
        owedReasons: r.owed_reasons as OwableReason[],
        behindScheduleThreshold: r.behind_schedule_threshold,
      });
    },

    async putPolicy(districtId: string, policy: CompensatoryPolicy, personId: string): Promise<void> {
      await db
        .insertInto("compensatory_policies")
        .values({
          district_id: districtId,
          owed_reasons: policy.owedReasons,
          behind_schedule_threshold: policy.behindScheduleThreshold,
          updated_by: personId,
        })
        .onConflict((oc) =>
          oc.column("district_id").doUpdateSet({
            owed_reasons: policy.owedReasons,
            behind_schedule_threshold: policy.behindScheduleThreshold,
            updated_by: personId,
            updated_at: sql`now()`,
          }),
        )
        .execute();
    },
  };
}
