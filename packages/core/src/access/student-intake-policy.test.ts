import { describe, expect, it } from "vitest";
import { studentIntakeGrantFor, studentIntakeGrants } from "./student-intake-policy.ts";

const D = "district-1";
const OTHER = "district-2";

describe("who may add a student", () => {
  it("lets a district administrator add at any school of the district, not another district", () => {
    const actor = { personId: "p", roles: [{ role: "district-admin" as const, districtId: D, schoolId: null }] };
    expect(studentIntakeGrantFor(actor, { districtId: D, schoolId: "s1" })).toMatchObject({
      role: "district-admin",
      caseloadRole: null,
    });
    expect(studentIntakeGrantFor(actor, { districtId: OTHER, schoolId: "s1" })).toBeNull();
  });

  it("lets a school administrator add at their school only", () => {
    const actor = { personId: "p", roles: [{ role: "school-admin" as const, districtId: D, schoolId: "s1" }] };
    expect(studentIntakeGrantFor(actor, { districtId: D, schoolId: "s1" })?.role).toBe("school-admin");
    expect(studentIntakeGrantFor(actor, { districtId: D, schoolId: "s2" })).toBeNull();
  });

  it("puts the student on a case manager's caseload; a school-bound case manager adds at that school only", () => {
    const wide = { personId: "p", roles: [{ role: "case-manager" as const, districtId: D, schoolId: null }] };
    expect(studentIntakeGrantFor(wide, { districtId: D, schoolId: "s9" })?.caseloadRole).toBe("case-manager");
    const bound = {
      personId: "p",
      roles: [{ role: "section-504-coordinator" as const, districtId: D, schoolId: "s1" }],
    };
    expect(studentIntakeGrantFor(bound, { districtId: D, schoolId: "s1" })?.caseloadRole).toBe(
      "section-504-coordinator",
    );
    expect(studentIntakeGrantFor(bound, { districtId: D, schoolId: "s2" })).toBeNull();
  });

  it("prefers the caseload role when a person holds several", () => {
    const both = {
      personId: "p",
      roles: [
        { role: "district-admin" as const, districtId: D, schoolId: null },
        { role: "case-manager" as const, districtId: D, schoolId: null },
      ],
    };
    expect(studentIntakeGrantFor(both, { districtId: D, schoolId: "s1" })?.role).toBe("case-manager");
  });

  it("gives teachers, providers, families and advocates no grant", () => {
    for (const role of ["teacher", "related-service-provider", "guardian", "advocate"] as const) {
      expect(studentIntakeGrants({ personId: "p", roles: [{ role, districtId: D, schoolId: "s1" }] })).toEqual([]);
    }
  });
});
