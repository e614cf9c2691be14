/**
 * What the plan use cases share: the actor, parsing a document of the plan's type, the plan's
 * standing status (core's rule), the student snapshot a new plan starts from, and changes to the
 * content of a version the team is still working on.
 */
import {
  DomainError,
  languageName,
  type PlanAttendee,
  type PlanDocument,
  type PlanStudent,
  type PlanType,
  personNamesMatch,
  planStandingStatus,
  ZPlanDocument,
} from "@lantern/core";
import type { Repositories } from "../../repositories/index.ts";
import type { PlansRepository } from "../../repositories/plans-repository.ts";
import type { StudentSnapshotFacts } from "../../repositories/students-repository.ts";
import type { Actor } from "../deps.ts";

export type PlanActor = Actor;

export const isFamilyRole = (role: string): boolean => role === "parent" || role === "student";

/**
 * Whether `attendee` is the actor's own place on the team: linked to the actor's account, or not
 * linked to any account yet and carrying the actor's name, on the actor's side (family or staff).
 */
export function isOwnPlace(attendee: PlanAttendee, actor: Pick<PlanActor, "personId" | "basis" | "name">): boolean {
  if (attendee.accountId !== null) return attendee.accountId === actor.personId;
  const familySide = actor.basis === "guardian";
  return isFamilyRole(attendee.role) === familySide && personNamesMatch(attendee.name, actor.name ?? "");
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

/** Store the plan's standing status (core's `planStandingStatus`) as its versions now stand. */
export async function refreshPlanStatus(repos: Pick<Repositories, "plans">, planId: string): Promise<void> {
  const states = await repos.plans.versionStates(planId);
  await repos.plans.updatePlan(planId, { status: planStandingStatus(states.inEffect, states.current) });
}

/** The student as of today: a snapshot for a new plan (later roster changes do not alter it). */
export function studentSnapshot(s: StudentSnapshotFacts): PlanStudent {
  return {
    studentId: s.id,
    localId: s.localId ?? "",
    firstName: s.firstName,
    lastName: s.lastName,
    preferredName: "",
    dateOfBirth: s.dateOfBirth,
    grade: s.grade,
    school: s.schoolName,
    district: s.districtName,
    primaryLanguage: "",
    englishLearner: null,
    guardians: s.guardians.map((g) => ({
      name: `${g.firstName} ${g.lastName}`,
      relationship: g.relationship,
      language: languageName(g.preferredLanguage),
      ...(g.interpreterNeeded ? { interpreterNeeded: true } : {}),
      phone: "",
      email: g.email,
    })),
  };
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
