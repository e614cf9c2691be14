/**
 * What the plan use cases share: one transaction per change (with its audit event inside it), the
 * actor, the student snapshot a new plan starts from, and the plan's standing status.
 */
import {
  type AuditEvent,
  type Clock,
  DomainError,
  type PlanAttendee,
  type PlanDocument,
  type PlanType,
  ZPlanDocument,
} from "@lantern/core";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { createAuditLog } from "../repositories/access-repository.ts";
import { createPlansRepository, type PlansRepository, planStandingStatus } from "../repositories/plans-repository.ts";

export type PlanDeps = { db: Kysely<Database>; clock: Clock };

/** Who acts, on what basis (the role the access policy matched), in which request. */
export type PlanActor = { personId: string; basis: string; requestId: string | null };

export type PlanTx = {
  trx: Kysely<Database>;
  plans: PlansRepository;
  audit(event: Omit<AuditEvent, "personId" | "requestId">): Promise<void>;
};

/** Run `fn` in one transaction; its audit events are written in the same transaction. */
export async function inPlanTransaction<T>(
  deps: PlanDeps,
  actor: PlanActor,
  fn: (tx: PlanTx) => Promise<T>,
): Promise<T> {
  return deps.db.transaction().execute(async (trx) => {
    const log = createAuditLog(trx);
    return fn({
      trx,
      plans: createPlansRepository(trx),
      audit: (event) => log.append({ ...event, personId: actor.personId, requestId: actor.requestId }),
    });
  });
}

/** Parse a document of the plan's type, or fail with the JSON paths named. */
export function parsePlanContent(type: PlanType, input: unknown): PlanDocument {
  const result = ZPlanDocument.safeParse(input);
  if (!result.success) {
    throw new DomainError("invalid-input", "The plan document is not valid", {
      issues: result.error.issues.map((i) => ({
        path: `/content/${i.path.map(String).join("/")}`,
        message: i.message,
      })),
    });
  }
  if (result.data.type !== type) {
    throw new DomainError("invalid-input", `This plan is a ${type} plan`, {
      issues: [{ path: "/content/type", message: `Expected "${type}"` }],
    });
  }
  return result.data;
}

/** JSON copy of a document (plan documents are JSON values). */
export function cloneDocument<T>(doc: T): T {
  return JSON.parse(JSON.stringify(doc)) as T;
}

/** Recompute the plan's standing status from its versions. */
export async function refreshPlanStatus(plans: PlansRepository, planId: string): Promise<void> {
  const row = await plans.db
    .selectFrom("plans")
    .select(["current_version_id", "in_effect_version_id"])
    .where("id", "=", planId)
    .executeTakeFirstOrThrow();
  const current = row.current_version_id
    ? await plans.db
        .selectFrom("plan_versions")
        .select("status")
        .where("id", "=", row.current_version_id)
        .executeTakeFirstOrThrow()
    : null;
  const inEffect = row.in_effect_version_id
    ? await plans.db
        .selectFrom("plan_versions")
        .select("status")
        .where("id", "=", row.in_effect_version_id)
        .executeTakeFirstOrThrow()
    : null;
  const status = planStandingStatus(
    inEffect?.status === "in-effect",
    (current?.status ?? "draft") as Parameters<typeof planStandingStatus>[1],
  );
  await plans.updatePlan(planId, { status });
}

/** The student as of today: a snapshot for a new plan (later roster changes do not alter it). */
export async function studentSnapshot(db: Kysely<Database>, studentId: string) {
  const s = await db
    .selectFrom("students as s")
    .innerJoin("schools as k", "k.id", "s.school_id")
    .innerJoin("districts as d", "d.id", "s.district_id")
    .select([
      "s.id",
      "s.local_id",
      "s.first_name",
      "s.last_name",
      "s.date_of_birth",
      "s.grade",
      "s.district_id",
      "s.school_id",
      "k.name as school_name",
      "d.name as district_name",
    ])
    .where("s.id", "=", studentId)
    .executeTakeFirst();
  if (!s) throw new DomainError("not-found", "No such student, or not one you can see");
  const guardians = await db
    .selectFrom("guardianships as g")
    .innerJoin("people as p", "p.id", "g.person_id")
    .select(["p.id", "p.first_name", "p.last_name", "p.email", "p.preferred_language", "g.relationship"])
    .where("g.student_id", "=", studentId)
    .orderBy("p.last_name")
    .execute();
  return {
    districtId: s.district_id,
    schoolId: s.school_id,
    guardians,
    student: {
      studentId: s.id,
      localId: s.local_id ?? "",
      firstName: s.first_name,
      lastName: s.last_name,
      preferredName: "",
      dateOfBirth: s.date_of_birth,
      grade: s.grade,
      school: s.school_name,
      district: s.district_name,
      primaryLanguage: "",
      englishLearner: null,
      guardians: guardians.map((g) => ({
        name: `${g.first_name} ${g.last_name}`,
        relationship: g.relationship,
        language: g.preferred_language === "en" ? "English" : g.preferred_language,
        phone: "",
        email: g.email,
      })),
    },
  };
}

/**
 * The team the meeting invites by default (34 CFR 300.321(a)): the guardians, the case manager or
 *504 coordinator, related-service providers on the caseload, and the student's classroom teacher.
 */
export async function defaultAttendees(db: Kysely<Database>, studentId: string): Promise<PlanAttendee[]> {
  const out: PlanAttendee[] = [];
  const guardians = await db
    .selectFrom("guardianships as g")
    .innerJoin("people as p", "p.id", "g.person_id")
    .select(["p.id", "p.first_name", "p.last_name", "g.relationship"])
    .where("g.student_id", "=", studentId)
    .orderBy("p.last_name")
    .execute();
  guardians.forEach((g, i) => {
    out.push({
      id: `parent-${i + 1}`,
      name: `${g.first_name} ${g.last_name}`,
      role: "parent",
      title: g.relationship,
      accountId: g.id,
      attendance: "invited",
      excusal: null,
    });
  });
  const staff = await db
    .selectFrom("caseload_members as c")
    .innerJoin("people as p", "p.id", "c.person_id")
    .select(["p.id", "p.first_name", "p.last_name", "c.role"])
    .where("c.student_id", "=", studentId)
    .orderBy("p.last_name")
    .execute();
  staff.forEach((m, i) => {
    out.push({
      id: `staff-${i + 1}`,
      name: `${m.first_name} ${m.last_name}`,
      role: m.role === "related-service-provider" ? "related-service-provider" : "special-education-teacher",
      title:
        m.role === "case-manager"
          ? "Case manager"
          : m.role === "section-504-coordinator"
            ? "Section 504 coordinator"
            : "Related service provider",
      accountId: m.id,
      attendance: "invited",
      excusal: null,
    });
  });
  const teachers = await db
    .selectFrom("class_enrollments as e")
    .innerJoin("classes as k", "k.id", "e.class_id")
    .innerJoin("people as p", "p.id", "k.teacher_id")
    .select(["p.id", "p.first_name", "p.last_name"])
    .where("e.student_id", "=", studentId)
    .execute();
  teachers.forEach((t, i) => {
    if (out.some((a) => a.accountId === t.id)) return;
    out.push({
      id: `teacher-${i + 1}`,
      name: `${t.first_name} ${t.last_name}`,
      role: "regular-education-teacher",
      title: "General education teacher",
      accountId: t.id,
      attendance: "invited",
      excusal: null,
    });
  });
  return out;
}

/** Today's date and now, from the clock. */
export function nowFrom(clock: Clock): { today: string; now: Date } {
  return { today: clock.today(), now: clock.now() };
}

/**
 * Change the content of a version the team is still working on (draft, or proposed for meeting
 * records, signatures and consent). The version row is locked, so this never races an autosave:
 * the autosave that edited the older revision gets a 409 and merges.
 */
export async function updateOpenContent(
  plans: PlansRepository,
  versionId: string,
  planId: string,
  personId: string,
  statuses: Array<"draft" | "proposed">,
  change: (doc: PlanDocument) => PlanDocument,
): Promise<{ revision: number; content: PlanDocument }> {
  const version = await plans.findVersion(planId, versionId, { forUpdate: true });
  if (version.sealedAt) throw new DomainError("sealed", "This version is signed and sealed: it cannot change");
  if (!(statuses as string[]).includes(version.status)) {
    throw new DomainError("invalid-transition", `This cannot be recorded on a version that is ${version.status}`, {
      details: { status: version.status },
    });
  }
  const content = ZPlanDocument.parse(change(cloneDocument(version.content)));
  const saved = await plans.replaceContent({ versionId, revision: version.revision, content, personId, statuses });
  if (!saved) throw new DomainError("conflict", "The plan changed while saving: try again");
  return { revision: saved.revision, content };
}
