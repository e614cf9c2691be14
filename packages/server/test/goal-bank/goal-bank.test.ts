/**
 * The goal bank through the real HTTP server, on both databases: staff read Lantern's patterns
 * and their district's; only a district administrator adds or removes the district's own, each
 * change audited; bad patterns get a 400 naming the field; districts never see each other's.
 */
import { BUILT_IN_GOAL_PATTERNS, type GoalPatternList, type GoalPatternView, type Role } from "@lantern/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type Client, type TestApp } from "../helpers/build-app.ts";
import { FACTORY_PASSWORD } from "../helpers/factories.ts";
import { DATABASE_KINDS } from "../helpers/test-database.ts";

const URL = "/api/district/goal-patterns";
const pattern = {
  area: "math",
  title: "Telling time",
  skill: "tell time to the nearest 5 minutes on ___ of 10 analog clocks",
  unit: "clocks read correctly out of 10",
  criterion: "on 3 of 4 weekly checks",
  measurementMethod: "teacher-made clock probes",
};

describe.each(DATABASE_KINDS)("the goal bank on %s", (kind) => {
  let t: TestApp;
  const as: Partial<Record<Role | "other-admin", Client>> = {};
  let admin: Client;

  beforeAll(async () => {
    t = await buildTestApp(kind, { seed: false });
    const district = await t.make.district();
    const school = await t.make.school({ districtId: district.id });
    const student = await t.make.student({ districtId: district.id, schoolId: school.id });
    for (const role of ["district-admin", "school-admin", "case-manager", "teacher"] as const) {
      const p = await t.make.staff({
        districtId: district.id,
        schoolId: role === "school-admin" ? school.id : null,
        role,
      });
      as[role] = await t.signIn(p.email, FACTORY_PASSWORD);
    }
    const guardian = await t.make.guardian({ districtId: district.id, studentIds: [student.id] });
    as.guardian = await t.signIn(guardian.email, FACTORY_PASSWORD);
    const other = await t.make.district();
    const otherAdmin = await t.make.staff({ districtId: other.id, role: "district-admin" });
    as["other-admin"] = await t.signIn(otherAdmin.email, FACTORY_PASSWORD);
    admin = as["district-admin"] as Client;
  });
  afterAll(async () => {
    await t?.close();
  });

  it("gives staff Lantern's patterns in every area, and says who may change them", async () => {
    const res = await (as["case-manager"] as Client).get(URL);
    expect(res.statusCode).toBe(200);
    const list = res.json() as GoalPatternList;
    expect(list.canChange).toBe(false);
    expect(list.patterns.filter((p) => p.builtIn)).toHaveLength(BUILT_IN_GOAL_PATTERNS.length);
    expect(new Set(list.patterns.map((p) => p.area)).size).toBe(8);
    expect(((await admin.get(URL)).json() as GoalPatternList).canChange).toBe(true);
  });

  it("lets a district administrator add a pattern that every staff member of the district then sees, audited", async () => {
    const res = await admin.send("POST", URL, pattern);
    expect(res.statusCode).toBe(201);
    const added = res.json() as GoalPatternView;
    expect(added).toMatchObject({ ...pattern, direction: "increase", builtIn: false });
    const seen = ((await (as.teacher as Client).get(URL)).json() as GoalPatternList).patterns;
    expect(seen.some((p) => p.id === added.id)).toBe(true);
    // Grouped by area: the new math pattern sits among the math patterns, after Lantern's.
    const maths = seen.filter((p) => p.area === "math");
    expect(maths[maths.length - 1]?.id).toBe(added.id);
    const audit = await t.db
      .selectFrom("audit_events")
      .select(["action", "subject"])
      .where("subject", "=", `goal-pattern:${added.id}`)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["goal-pattern.added"]);
    // Another district does not see it.
    const other = ((await (as["other-admin"] as Client).get(URL)).json() as GoalPatternList).patterns;
    expect(other.some((p) => p.id === added.id)).toBe(false);
  });

  it("refuses a pattern that is not measurable as written, naming the field, and stores nothing", async () => {
    const before = ((await admin.get(URL)).json() as GoalPatternList).patterns.length;
    const noBlank = await admin.send("POST", URL, { ...pattern, skill: "tell time" });
    expect(noBlank.statusCode).toBe(400);
    expect(JSON.stringify(noBlank.json())).toContain("skill");
    const noAmount = await admin.send("POST", URL, { ...pattern, criterion: "most of the time" });
    expect(noAmount.statusCode).toBe(400);
    expect(JSON.stringify(noAmount.json())).toContain("criterion");
    const badArea = await admin.send("POST", URL, { ...pattern, area: "cooking" });
    expect(badArea.statusCode).toBe(400);
    expect(((await admin.get(URL)).json() as GoalPatternList).patterns.length).toBe(before);
  });

  it("allows only district staff to read, and only the district's administrators to change", async () => {
    expect((await (await t.anonymous()).get(URL)).statusCode).toBe(401);
    expect((await (as.guardian as Client).get(URL)).statusCode).toBe(403);
    for (const role of ["school-admin", "case-manager", "teacher", "guardian"] as const) {
      expect((await (as[role] as Client).send("POST", URL, pattern)).statusCode, role).toBe(403);
    }
    const added = (await admin.send("POST", URL, { ...pattern, title: "To remove" })).json() as GoalPatternView;
    expect((await (as["case-manager"] as Client).send("DELETE", `${URL}/${added.id}`)).statusCode).toBe(403);
    // Another district's administrator cannot remove it: it is not theirs.
    expect((await (as["other-admin"] as Client).send("DELETE", `${URL}/${added.id}`)).statusCode).toBe(404);
    expect((await admin.send("DELETE", `${URL}/${added.id}`)).statusCode).toBe(204);
    expect((await admin.send("DELETE", `${URL}/${added.id}`)).statusCode).toBe(404);
    const after = ((await admin.get(URL)).json() as GoalPatternList).patterns;
    expect(after.some((p) => p.id === added.id)).toBe(false);
    const audit = await t.db
      .selectFrom("audit_events")
      .select("action")
      .where("subject", "=", `goal-pattern:${added.id}`)
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["goal-pattern.added", "goal-pattern.removed"]);
  });

  it("cannot remove one of Lantern's own patterns", async () => {
    const builtIn = BUILT_IN_GOAL_PATTERNS[0]?.id ?? "";
    expect((await admin.send("DELETE", `${URL}/${builtIn}`)).statusCode).toBe(400);
  });
});
