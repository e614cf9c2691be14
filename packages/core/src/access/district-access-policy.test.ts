import { describe, expect, it } from "vitest";
import { districtSettingsRole, reportScopeFor } from "./district-access-policy.ts";
import type { Actor } from "./roles.ts";

const actor = (role: Actor["roles"][number]["role"], schoolId: string | null = null): Actor => ({
  personId: "p",
  roles: [{ role, districtId: "d1", schoolId }],
});

describe("district access", () => {
  it("lets only district administrators change settings; staff but not families read them", () => {
    expect(districtSettingsRole(actor("district-admin"), "change")?.districtId).toBe("d1");
    expect(districtSettingsRole(actor("school-admin", "k1"), "change")).toBeNull();
    expect(districtSettingsRole(actor("teacher"), "read")?.districtId).toBe("d1");
    expect(districtSettingsRole(actor("guardian"), "read")).toBeNull();
    expect(districtSettingsRole(actor("advocate"), "read")).toBeNull();
  });

  it("answers for one named district only when asked about it", () => {
    expect(districtSettingsRole(actor("district-admin"), "change", "d1")?.districtId).toBe("d1");
    expect(districtSettingsRole(actor("district-admin"), "change", "d2")).toBeNull();
    expect(districtSettingsRole(actor("teacher"), "read", "d2")).toBeNull();
  });

  it("scopes reports to the district, or to the school administrator's own school", () => {
    expect(reportScopeFor(actor("district-admin"))).toEqual({ districtId: "d1", schoolId: null });
    expect(reportScopeFor(actor("district-admin"), "k2")).toEqual({ districtId: "d1", schoolId: "k2" });
    expect(reportScopeFor(actor("school-admin", "k1"))).toEqual({ districtId: "d1", schoolId: "k1" });
    expect(reportScopeFor(actor("school-admin", "k1"), "k2")).toBeNull();
    expect(reportScopeFor(actor("case-manager"))).toBeNull();
  });
});
