/**
 * A related-service provider's discipline on their account, on PGlite and PostgreSQL: district
 * administrators record or clear it on the People page (audited; only for a provider; only one of
 * core's disciplines), and the week's service log offers the provider their own discipline's
 * services first, by the declared discipline, or, when none is recorded, by the services they have
 * logged.
 */
import { addDays, dayOfWeek } from "@lantern/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type Client, type TestApp } from "../helpers/build-app.ts";
import { DATABASE_KINDS, TEST_TODAY } from "../helpers/test-database.ts";

type Person = { id: string; email: string; discipline: string | null; roles: Array<{ role: string }> };
type Week = {
  discipline: string | null;
  students: Array<{ services: Array<{ area: string; providerRole: string; yours: boolean }> }>;
};

/** The Monday of the week before TEST_TODAY's: a full school week of the demo plans in effect. */
const lastMonday = addDays(TEST_TODAY, -((dayOfWeek(TEST_TODAY) + 6) % 7) - 7);

describe.each(DATABASE_KINDS)("provider discipline on %s", (kind) => {
  let t: TestApp;
  let admin: Client;
  let slp: Client;
  let people: Person[];
  const person = (email: string) => people.find((p) => p.email === email) as Person;
  const week = async () => {
    const res = await slp.get(`/api/caseload/service-week?weekOf=${lastMonday}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as Week;
    return { discipline: body.discipline, services: body.students.flatMap((s) => s.services) };
  };

  beforeAll(async () => {
    t = await buildTestApp(kind);
    admin = await t.signIn("admin@maplevalley.example");
    slp = await t.signIn("slp@maplevalley.example");
    people = ((await admin.get("/api/people")).json() as { people: Person[] }).people;
  });
  afterAll(async () => {
    await t?.close();
  });

  it("shows the demo speech-language pathologist's discipline on her account, and no one else's", async () => {
    expect(person("slp@maplevalley.example").discipline).toBe("speech-language-pathology");
    expect(person("casemanager@maplevalley.example").discipline).toBeNull();
  });

  it("offers the provider the services of her declared discipline first, whatever she has logged", async () => {
    const declared = await week();
    expect(declared.discipline).toBe("speech-language-pathology");
    expect(declared.services.some((s) => s.area !== "speech-language-pathology")).toBe(true);
    for (const s of declared.services) expect(s.yours, s.area).toBe(s.area === "speech-language-pathology");

    // Her account now says occupational therapy: the speech services she logged are no longer first.
    const slpId = person("slp@maplevalley.example").id;
    const set = await admin.send("PUT", `/api/people/${slpId}/discipline`, { discipline: "occupational-therapy" });
    expect(set.statusCode, set.body).toBe(204);
    const changed = await week();
    expect(changed.discipline).toBe("occupational-therapy");
    for (const s of changed.services) expect(s.yours, s.area).toBe(s.area === "occupational-therapy");
    const listed = ((await admin.get("/api/people")).json() as { people: Person[] }).people;
    expect(listed.find((p) => p.id === slpId)?.discipline).toBe("occupational-therapy");

    // Cleared: the services she has logged (speech) tell her discipline again.
    expect((await admin.send("PUT", `/api/people/${slpId}/discipline`, { discipline: null })).statusCode).toBe(204);
    const inferred = await week();
    expect(inferred.discipline).toBeNull();
    const speech = inferred.services.filter((s) => s.providerRole.toLowerCase() === "speech-language pathologist");
    expect(speech.length).toBeGreaterThan(0);
    for (const s of inferred.services) expect(s.yours, s.providerRole).toBe(speech.includes(s));

    const events = await t.db
      .selectFrom("audit_events")
      .select(["action", "details"])
      .where("subject", "=", `person:${slpId}`)
      .where("action", "=", "account.discipline-set")
      .orderBy("id")
      .execute();
    expect(events.map((e) => e.details)).toEqual([
      { before: "speech-language-pathology", after: "occupational-therapy" },
      { before: "occupational-therapy", after: null },
    ]);
    await admin.send("PUT", `/api/people/${slpId}/discipline`, { discipline: "speech-language-pathology" });
  });

  it("refuses a discipline for someone who is not a provider, or one core does not list, naming the field", async () => {
    const cm = person("casemanager@maplevalley.example").id;
    const notProvider = await admin.send("PUT", `/api/people/${cm}/discipline`, { discipline: "physical-therapy" });
    expect(notProvider.statusCode).toBe(400);
    expect(notProvider.json().issues).toEqual([expect.objectContaining({ path: "/discipline" })]);
    const slpId = person("slp@maplevalley.example").id;
    for (const discipline of ["specialized-academic-instruction", "juggling", 7]) {
      const bad = await admin.send("PUT", `/api/people/${slpId}/discipline`, { discipline });
      expect(bad.statusCode, String(discipline)).toBe(400);
      expect(bad.json().issues?.[0]?.path, String(discipline)).toBe("/discipline");
    }
  });

  it("lets only administrators set it", async () => {
    const slpId = person("slp@maplevalley.example").id;
    for (const email of [
      "casemanager@maplevalley.example",
      "slp@maplevalley.example",
      "parent.rivera@family.example",
    ]) {
      const c = await t.signIn(email);
      const res = await c.send("PUT", `/api/people/${slpId}/discipline`, { discipline: "counseling" });
      expect(res.statusCode, email).toBe(403);
    }
  });
});
