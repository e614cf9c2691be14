import { describe, expect, it } from "vitest";
import type { Actor } from "./roles.ts";
import { decideStudentAccess, readScopesFor, type StudentAccessFacts, someRoleMay } from "./student-access-policy.ts";

const student: StudentAccessFacts = {
  studentId: "s1",
  districtId: "d1",
  schoolId: "k1",
  isGuardian: false,
  isLinkedAdvocate: false,
  isOnCaseload: false,
  isInClass: false,
};

const actor = (role: Actor["roles"][number]["role"], districtId = "d1", schoolId: string | null = null): Actor => ({
  personId: "p",
  roles: [{ role, districtId, schoolId }],
});

describe("decideStudentAccess", () => {
  it("lets a guardian read only their own child", () => {
    expect(decideStudentAccess(actor("guardian"), { ...student, isGuardian: true }, "read-plan").allowed).toBe(true);
    expect(decideStudentAccess(actor("guardian"), student, "read-plan")).toMatchObject({
      allowed: false,
      reason: "not-found",
    });
  });

  it("does not let a guardian write a plan, only sign it", () => {
    const own = { ...student, isGuardian: true };
    expect(decideStudentAccess(actor("guardian"), own, "write-plan")).toMatchObject({ reason: "forbidden" });
    expect(decideStudentAccess(actor("guardian"), own, "sign-plan").allowed).toBe(true);
  });

  it("limits teachers to their caseload and classes", () => {
    expect(decideStudentAccess(actor("teacher"), student, "read-record").allowed).toBe(false);
    expect(decideStudentAccess(actor("teacher"), { ...student, isInClass: true }, "read-record").allowed).toBe(true);
    expect(decideStudentAccess(actor("teacher"), { ...student, isOnCaseload: true }, "read-record").allowed).toBe(true);
  });

  it("keeps district staff inside their district", () => {
    expect(decideStudentAccess(actor("district-admin", "d1"), student, "read-record").allowed).toBe(true);
    expect(decideStudentAccess(actor("district-admin", "d2"), student, "read-record")).toMatchObject({
      reason: "not-found",
    });
    expect(decideStudentAccess(actor("school-admin", "d1", "k1"), student, "read-record").allowed).toBe(true);
    expect(decideStudentAccess(actor("school-admin", "d1", "k2"), student, "read-record").allowed).toBe(false);
  });

  it("requires a caseload for case managers, even in their district", () => {
    expect(decideStudentAccess(actor("case-manager"), student, "write-plan").allowed).toBe(false);
    expect(decideStudentAccess(actor("case-manager"), { ...student, isOnCaseload: true }, "write-plan").allowed).toBe(
      true,
    );
  });

  it("lets an advocate read only when a guardian linked them", () => {
    expect(decideStudentAccess(actor("advocate"), student, "read-plan").allowed).toBe(false);
    expect(decideStudentAccess(actor("advocate"), { ...student, isLinkedAdvocate: true }, "read-plan").allowed).toBe(
      true,
    );
    expect(decideStudentAccess(actor("advocate"), { ...student, isLinkedAdvocate: true }, "sign-plan")).toMatchObject({
      reason: "forbidden",
    });
  });

  it("lets only a parent ask to destroy records, not the advocate they linked (34 CFR 300.624(b))", () => {
    const own = { ...student, isGuardian: true };
    expect(decideStudentAccess(actor("guardian"), own, "request-destruction").allowed).toBe(true);
    expect(
      decideStudentAccess(actor("advocate"), { ...student, isLinkedAdvocate: true }, "request-destruction").allowed,
    ).toBe(false);
  });

  it("lets only a guardian share the record with an advocate", () => {
    const own = { ...student, isGuardian: true, isOnCaseload: true };
    expect(decideStudentAccess(actor("guardian"), own, "manage-sharing").allowed).toBe(true);
    expect(decideStudentAccess(actor("case-manager"), own, "manage-sharing").allowed).toBe(false);
    expect(decideStudentAccess(actor("advocate"), { ...own, isLinkedAdvocate: true }, "manage-sharing").allowed).toBe(
      false,
    );
  });

  it("shows the record of access to the guardian but not to a teacher", () => {
    expect(decideStudentAccess(actor("guardian"), { ...student, isGuardian: true }, "read-access-log").allowed).toBe(
      true,
    );
    expect(decideStudentAccess(actor("teacher"), { ...student, isInClass: true }, "read-access-log").allowed).toBe(
      false,
    );
  });

  it("names its citation when it allows", () => {
    const d = decideStudentAccess(actor("guardian"), { ...student, isGuardian: true }, "read-record");
    expect(d.allowed && d.citation).toContain("300.613");
  });
});

describe("readScopesFor", () => {
  it("gives teachers their caseload and classes, guardians their children", () => {
    expect(readScopesFor(actor("teacher")).map((s) => s.kind)).toEqual(["caseload", "classes"]);
    expect(readScopesFor(actor("guardian"))).toEqual([{ kind: "guardian" }]);
    expect(readScopesFor(actor("school-admin", "d1", "k1"))).toEqual([
      { kind: "school", districtId: "d1", schoolId: "k1" },
    ]);
  });
});

describe("someRoleMay", () => {
  it("says whether any of the person's roles may ever take the action", () => {
    expect(someRoleMay([{ role: "teacher" }], "read-access-log")).toBe(false);
    expect(someRoleMay([{ role: "advocate" }], "read-access-log")).toBe(false);
    expect(someRoleMay([{ role: "teacher" }, { role: "case-manager" }], "read-access-log")).toBe(true);
    expect(someRoleMay([{ role: "guardian" }], "read-access-log")).toBe(true);
    expect(someRoleMay([{ role: "related-service-provider" }], "write-record")).toBe(false);
  });
});
