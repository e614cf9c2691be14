import { describe, expect, it } from "vitest";
import { decideDashboardScope } from "./dashboard-scope-policy.ts";
import type { Actor } from "./roles.ts";

const actor = (role: Actor["roles"][number]["role"], schoolId: string | null = null): Actor => ({
  personId: "p",
  roles: [{ role, districtId: "d1", schoolId }],
});

describe("compliance dashboard scope", () => {
  it("opens the widest scope a person has when none is asked for", () => {
    expect(decideDashboardScope(actor("district-admin"))).toMatchObject({ allowed: true, kind: "district" });
    expect(decideDashboardScope(actor("school-admin", "k1"))).toMatchObject({
      allowed: true,
      kind: "school",
      schoolId: "k1",
      checkSchoolInDistrict: false,
    });
    expect(decideDashboardScope(actor("case-manager"))).toMatchObject({ allowed: true, kind: "caseload" });
    expect(decideDashboardScope(actor("section-504-coordinator", "k1"))).toMatchObject({ kind: "caseload" });
  });

  it("gives a district administrator any school of the district, once it names one", () => {
    expect(decideDashboardScope(actor("district-admin"), { scope: "school" })).toMatchObject({
      allowed: false,
      reason: "school-required",
    });
    expect(decideDashboardScope(actor("district-admin"), { scope: "school", schoolId: "k9" })).toMatchObject({
      allowed: true,
      schoolId: "k9",
      checkSchoolInDistrict: true,
    });
  });

  it("keeps school staff to their own school and everyone else out of wider scopes", () => {
    expect(decideDashboardScope(actor("school-admin", "k1"), { scope: "school", schoolId: "k2" })).toMatchObject({
      allowed: false,
      reason: "forbidden",
    });
    expect(decideDashboardScope(actor("section-504-coordinator", "k1"), { scope: "school" })).toMatchObject({
      allowed: true,
      schoolId: "k1",
    });
    expect(decideDashboardScope(actor("school-admin", "k1"), { scope: "district" })).toMatchObject({
      allowed: false,
      reason: "forbidden",
    });
    expect(decideDashboardScope(actor("teacher"), { scope: "school" })).toMatchObject({ allowed: false });
    expect(decideDashboardScope(actor("guardian"))).toMatchObject({ allowed: false, reason: "forbidden" });
    expect(decideDashboardScope(actor("advocate"))).toMatchObject({ allowed: false, reason: "forbidden" });
  });
});
