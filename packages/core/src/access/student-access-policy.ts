/**
 * The one authorization policy for a student's education record: "may this person do X to this
 * student's record?" Every student route asks it, and every allowed read or change is written to
 * the record of access (34 CFR 300.614; FERPA 34 CFR 99.32).
 *
 * - A parent (guardian) sees only their own children's records (34 CFR 300.613, FERPA 99.10).
 * - An advocate sees a child's record only when that child's guardian linked them (consent to
 *   disclose, 34 CFR 300.622(a), FERPA 99.30).
 * - School officials with a legitimate educational interest (FERPA 99.31(a)(1)): district staff
 *   within their district, school staff within their school, and teachers and providers only for
 *   students on their caseload or in their classes.
 */
import { z } from "zod";
import type { Actor, Role } from "./roles.ts";

export const STUDENT_ACTIONS = [
  "read-record",
  "write-record",
  "read-plan",
  "write-plan",
  "sign-plan",
  "record-progress",
  "log-service",
  /** Share the record with an advocate (a guardian's consent to disclose, 34 CFR 300.622(a)). */
  "manage-sharing",
  /** See who read or changed the record (34 CFR 300.614; FERPA 99.32(c)). */
  "read-access-log",
  /** Keep a letter to the school with the record: the family's own, or staff helping them. */
  "save-letter",
  /** Ask for the child's records (34 CFR 300.613): the family, or the advocate it linked. Staff log requests with write-record. */
  "request-records",
  /**
   * Ask the school to destroy records no longer needed: the parents' right (34 CFR 300.624(b)),
   * not an advocate's, who only reads.
   */
  "request-destruction",
  /** Download the whole record as one file (34 CFR 300.613; Cal. Ed. Code 56504). */
  "export-record",
  /** Write in the communication log between the family and the school (either side). */
  "log-communication",
  /**
   * Draft a state complaint from the chronology (34 CFR 300.153): the family and its linked advocate
   * only. The draft is the family's own paper, not the district's record (decision 0020).
   */
  "draft-complaint",
  /** Write the family's concerns and questions for a meeting, and comment on a shared draft (34 CFR 300.324(a)(1)(ii)). */
  "prepare-meeting",
  /** Ask the district to amend the record, and place a statement after a refusal (34 CFR 300.618; 300.620(b)). */
  "request-amendment",
] as const;
export const ZStudentAction = z.enum(STUDENT_ACTIONS);
export type StudentAction = z.infer<typeof ZStudentAction>;

/** What the policy needs to know about one student and the actor's ties to them. */
export type StudentAccessFacts = {
  studentId: string;
  districtId: string;
  schoolId: string;
  /** The actor is this student's guardian. */
  isGuardian: boolean;
  /** The actor is an advocate linked by one of the student's guardians. */
  isLinkedAdvocate: boolean;
  /** The actor has the student on a caseload (case manager, provider, 504 coordinator). */
  isOnCaseload: boolean;
  /** The actor teaches the student in a class. */
  isInClass: boolean;
};

export type AccessDecision =
  | { allowed: true; basis: string; citation: string }
  | { allowed: false; reason: "not-found" | "forbidden"; citation: string };

/** Actions that are the family's own: staff never take them, whatever their role. */
const FAMILY_ONLY: ReadonlySet<StudentAction> = new Set([
  "manage-sharing",
  "request-records",
  "request-destruction",
  "draft-complaint",
  "prepare-meeting",
  "request-amendment",
]);

/** Which actions each role may take, once its scope reaches the student. */
const ROLE_ACTIONS: Record<Role, ReadonlySet<StudentAction>> = {
  "district-admin": new Set([
    "read-record",
    "read-plan",
    "write-record",
    "write-plan",
    "read-access-log",
    "save-letter",
    "export-record",
    "log-communication",
  ]),
  "school-admin": new Set([
    "read-record",
    "read-plan",
    "write-record",
    "write-plan",
    "sign-plan",
    "read-access-log",
    "save-letter",
    "export-record",
    "log-communication",
  ]),
  "case-manager": new Set(STUDENT_ACTIONS.filter((a) => !FAMILY_ONLY.has(a))),
  "section-504-coordinator": new Set(STUDENT_ACTIONS.filter((a) => !FAMILY_ONLY.has(a))),
  teacher: new Set(["read-record", "read-plan", "record-progress", "sign-plan"]),
  "related-service-provider": new Set(["read-record", "read-plan", "record-progress", "log-service", "sign-plan"]),
  guardian: new Set([
    "read-record",
    "read-plan",
    "sign-plan",
    "manage-sharing",
    "read-access-log",
    "save-letter",
    "request-records",
    "request-destruction",
    "export-record",
    "log-communication",
    "draft-complaint",
    "prepare-meeting",
    "request-amendment",
  ]),
  advocate: new Set([
    "read-record",
    "read-plan",
    "request-records",
    "export-record",
    "log-communication",
    "draft-complaint",
    "prepare-meeting",
    "request-amendment",
  ]),
};

/**
 * Whether any of `roles` may ever take `action` on a student's record (within its scope), so a
 * page can leave out what the person could never be shown, rather than ask and be refused.
 */
export function someRoleMay(roles: ReadonlyArray<{ role: Role }>, action: StudentAction): boolean {
  return roles.some((r) => ROLE_ACTIONS[r.role].has(action));
}

/**
 * Decide whether `actor` may take `action` on the student's record.
 * A student outside every scope of the actor is reported as not found, so that the existence of
 * a record is not disclosed to people with no legitimate interest in it.
 */
export function decideStudentAccess(actor: Actor, student: StudentAccessFacts, action: StudentAction): AccessDecision {
  let inScope = false;
  for (const assignment of actor.roles) {
    const reaches = scopeReaches(assignment.role, assignment.districtId, assignment.schoolId, student);
    if (!reaches) continue;
    inScope = true;
    if (ROLE_ACTIONS[assignment.role].has(action)) {
      return { allowed: true, basis: assignment.role, citation: citationFor(assignment.role) };
    }
  }
  return inScope
    ? { allowed: false, reason: "forbidden", citation: "34 CFR 99.31(a)(1)" }
    : { allowed: false, reason: "not-found", citation: "34 CFR 99.31(a)(1)" };
}

function scopeReaches(role: Role, districtId: string, schoolId: string | null, s: StudentAccessFacts): boolean {
  switch (role) {
    case "guardian":
      return s.isGuardian;
    case "advocate":
      return s.isLinkedAdvocate;
    case "district-admin":
      return districtId === s.districtId;
    case "school-admin":
      return districtId === s.districtId && schoolId === s.schoolId;
    case "case-manager":
    case "section-504-coordinator":
    case "related-service-provider":
      return districtId === s.districtId && s.isOnCaseload;
    case "teacher":
      return districtId === s.districtId && (s.isOnCaseload || s.isInClass);
  }
}

function citationFor(role: Role): string {
  if (role === "guardian") return "34 CFR 300.613; 34 CFR 99.10";
  if (role === "advocate") return "34 CFR 300.622(a); 34 CFR 99.30";
  return "34 CFR 99.31(a)(1)(i)";
}

/** Where a person's read access reaches, for listing students: the same scopes `decideStudentAccess` uses. */
export type ReadScope =
  | { kind: "district"; districtId: string }
  | { kind: "school"; districtId: string; schoolId: string }
  | { kind: "caseload"; districtId: string }
  | { kind: "classes"; districtId: string }
  | { kind: "guardian" }
  | { kind: "advocate" };

/** The scopes in which `actor` may read student records (a list shows the union). */
export function readScopesFor(actor: Actor): ReadScope[] {
  const scopes: ReadScope[] = [];
  for (const a of actor.roles) {
    if (!ROLE_ACTIONS[a.role].has("read-record")) continue;
    switch (a.role) {
      case "guardian":
        scopes.push({ kind: "guardian" });
        break;
      case "advocate":
        scopes.push({ kind: "advocate" });
        break;
      case "district-admin":
        scopes.push({ kind: "district", districtId: a.districtId });
        break;
      case "school-admin":
        if (a.schoolId) scopes.push({ kind: "school", districtId: a.districtId, schoolId: a.schoolId });
        break;
      case "teacher":
        scopes.push({ kind: "caseload", districtId: a.districtId }, { kind: "classes", districtId: a.districtId });
        break;
      case "case-manager":
      case "section-504-coordinator":
      case "related-service-provider":
        scopes.push({ kind: "caseload", districtId: a.districtId });
        break;
    }
  }
  return scopes;
}
