import { describe, expect, it } from "vitest";
import { DEFAULT_TEAM_CITATION, defaultTeam } from "./default-team.ts";

describe(`the default team (${DEFAULT_TEAM_CITATION})`, () => {
  const candidates = {
    guardians: [{ personId: "g1", name: "Ana Example", relationship: "mother" }],
    caseload: [
      { personId: "c1", name: "Pat Manager", role: "case-manager" },
      { personId: "r1", name: "Rae Therapist", role: "related-service-provider" },
    ],
    teachers: [
      { personId: "t1", name: "Tom Teacher" },
      { personId: "c1", name: "Pat Manager" },
    ],
  };

  it("invites the parents, the case manager as special education teacher, providers and a general education teacher", () => {
    const team = defaultTeam(candidates);
    expect(team.map((a) => [a.id, a.role, a.title, a.accountId])).toEqual([
      ["parent-1", "parent", "mother", "g1"],
      ["staff-1", "special-education-teacher", "Case manager", "c1"],
      ["staff-2", "related-service-provider", "Related service provider", "r1"],
      ["teacher-1", "regular-education-teacher", "General education teacher", "t1"],
    ]);
    expect(team.every((a) => a.attendance === "invited" && a.excusal === null)).toBe(true);
  });

  it("invites a person once even when they are on the caseload and teach a class", () => {
    expect(defaultTeam(candidates).filter((a) => a.accountId === "c1")).toHaveLength(1);
  });
});
