/**
 * Requests to amend a record (34 CFR 300.618-300.621; FERPA 99.20-99.22) through the HTTP app: the
 * family asks, the district sets its decision date and refuses, the family places its statement,
 * which is then kept and disclosed with the record (the ZIP and the chronology).
 */
import { addDays } from "@lantern/core";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../helpers/build-app.ts";
import { DATABASE_KINDS, TEST_TODAY } from "../helpers/test-database.ts";
import { readZip, verifySums } from "../helpers/zip-reading.ts";

type Amendment = {
  id: string;
  status: string;
  requestedOn: string;
  requester: string;
  record: string;
  clock: { decideBy: string; setByDistrict: boolean; state: string; daysLate: number; citation: string };
  rightsCitation: string | null;
  statement: string | null;
  events: Array<{ kind: string; on: string; who: string; text: string; decideBy: string | null }>;
};

const REQUEST = {
  record: "Present levels in the 2026 IEP",
  problem: "inaccurate",
  explanation: "It says Mateo reads at a first-grade level; his spring assessment shows third grade.",
  proposed: "Mateo reads at a third-grade level (spring 2026 assessment).",
};

describe.each(DATABASE_KINDS)("requests to amend a record on %s", (kind) => {
  let t: TestApp;
  let mateo: string;
  beforeAll(async () => {
    t = await buildTestApp(kind);
    mateo = t.ids?.students.get("Mateo Rivera") as string;
  });
  afterAll(async () => {
    await t?.close();
  });

  it("the family asks; the district sets a date and refuses; the family's statement is kept and disclosed with the record", async () => {
    const parent = await t.signIn("parent.rivera@family.example");
    const created = await parent.send("POST", `/api/students/${mateo}/amendment-requests`, REQUEST);
    expect(created.statusCode, created.body).toBe(201);
    const req = created.json() as Amendment;
    expect(req.status).toBe("open");
    expect(req.requestedOn).toBe(TEST_TODAY);
    expect(req.clock).toMatchObject({ decideBy: addDays(TEST_TODAY, 30), setByDistrict: false, state: "due" });
    expect(req.clock.citation).toContain("34 CFR 300.618(b)");
    expect(req.rightsCitation).toBeNull();

    // A statement before any refusal is refused.
    const early = await parent.send("POST", `/api/students/${mateo}/amendment-requests/${req.id}/statement`, {
      statement: "x",
    });
    expect(early.statusCode).toBe(409);

    const staff = await t.signIn("casemanager@maplevalley.example");
    const before = await staff.send("POST", `/api/students/${mateo}/amendment-requests/${req.id}/deadline`, {
      decideBy: addDays(TEST_TODAY, -1),
    });
    expect(before.statusCode).toBe(400);
    expect(before.body).toContain("decideBy");
    const set = await staff.send("POST", `/api/students/${mateo}/amendment-requests/${req.id}/deadline`, {
      decideBy: addDays(TEST_TODAY, 10),
    });
    expect(set.statusCode, set.body).toBe(200);
    expect((set.json() as Amendment).clock).toMatchObject({ decideBy: addDays(TEST_TODAY, 10), setByDistrict: true });

    // The family cannot decide; the district must give its reasons.
    const byParent = await parent.send("POST", `/api/students/${mateo}/amendment-requests/${req.id}/decision`, {
      decision: "amended",
      reasons: "Done",
    });
    expect(byParent.statusCode).toBe(403);
    const noReasons = await staff.send("POST", `/api/students/${mateo}/amendment-requests/${req.id}/decision`, {
      decision: "refused",
      reasons: "",
    });
    expect(noReasons.statusCode).toBe(400);
    expect(noReasons.body).toContain("reasons");
    const refused = await staff.send("POST", `/api/students/${mateo}/amendment-requests/${req.id}/decision`, {
      decision: "refused",
      reasons: "The present levels report the fall 2025 assessment, which is accurate for that date",
    });
    expect(refused.statusCode, refused.body).toBe(200);
    const r = refused.json() as Amendment;
    expect(r.status).toBe("refused");
    expect(r.clock).toMatchObject({ state: "met", daysLate: 0 });
    expect(r.rightsCitation).toContain("34 CFR 300.619");
    expect(r.rightsCitation).toContain("34 CFR 300.620(b)");
    const again = await staff.send("POST", `/api/students/${mateo}/amendment-requests/${req.id}/decision`, {
      decision: "amended",
      reasons: "Changed our mind",
    });
    expect(again.statusCode).toBe(409);

    // Staff do not write the family's statement; the family's advocate may.
    const staffStatement = await staff.send("POST", `/api/students/${mateo}/amendment-requests/${req.id}/statement`, {
      statement: "x",
    });
    expect(staffStatement.statusCode).toBe(403);
    const advocate = await t.signIn("advocate@advocacy.example");
    const statement = "We disagree: the spring 2026 assessment shows Mateo reads at a third-grade level.";
    const placed = await advocate.send("POST", `/api/students/${mateo}/amendment-requests/${req.id}/statement`, {
      statement,
    });
    expect(placed.statusCode, placed.body).toBe(200);
    expect((placed.json() as Amendment).statement).toBe(statement);
    const twice = await parent.send("POST", `/api/students/${mateo}/amendment-requests/${req.id}/statement`, {
      statement: "Another",
    });
    expect(twice.statusCode).toBe(409);

    const list = (await staff.get(`/api/students/${mateo}/amendment-requests`)).json() as { items: Amendment[] };
    const listed = list.items.find((i) => i.id === req.id) as Amendment;
    expect(listed.events.map((e) => e.kind)).toEqual(["requested", "deadline-set", "refused", "statement"]);
    expect(listed.events[0]?.who).toBe("Ana Rivera");

    // Disclosed with the record: in the chronology and in the ZIP, whose sums still verify.
    const chronology = (await parent.get(`/api/students/${mateo}/chronology?kinds=amendment`)).json() as {
      entries: Array<{ what: string; rule: string | null; outcome: string | null }>;
    };
    expect(chronology.entries.map((e) => e.what)).toEqual([
      `Asked the district to amend ${REQUEST.record}; decision due ${addDays(TEST_TODAY, 10)}.`,
      expect.stringContaining(`Refused to amend ${REQUEST.record}`),
      `The family's statement on ${REQUEST.record}, kept with the record: ${statement}`,
    ]);
    expect(chronology.entries[0]?.outcome).toBe("met");
    const zip = await parent.get(`/api/students/${mateo}/record.zip`);
    expect(zip.statusCode).toBe(200);
    const files = await readZip(zip.rawPayload);
    expect(verifySums(files).wrong).toEqual([]);
    const inZip = JSON.parse((files.get("amendment-requests.json") as Buffer).toString()) as Amendment[];
    expect(inZip.find((a) => a.id === req.id)?.statement).toBe(statement);
    expect((files.get("education-records.csv") as Buffer).toString()).toContain("amendment-requests.json");

    const audit = await sql<{ action: string }>`
      select action from audit_events
      where subject = ${`amendment-request:${req.id}`} and action like 'amendment.%' order by id`.execute(t.db);
    expect(audit.rows.map((a) => a.action)).toEqual([
      "amendment.requested",
      "amendment.deadline-set",
      "amendment.decided",
      "amendment.statement-placed",
    ]);
    await expect(sql`delete from amendment_request_events`.execute(t.db)).rejects.toThrow();
    await expect(sql`update amendment_requests set record = 'x'`.execute(t.db)).rejects.toThrow();
  });

  it("names what is missing; a teacher may not ask; another district gets nothing; a request of another student is not found", async () => {
    const parent = await t.signIn("parent.rivera@family.example");
    const empty = await parent.send("POST", `/api/students/${mateo}/amendment-requests`, {
      ...REQUEST,
      record: "",
      problem: "rude",
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain("record");
    expect(empty.body).toContain("problem");
    const teacher = await t.signIn("teacher@northside.maplevalley.example");
    expect((await teacher.send("POST", `/api/students/${mateo}/amendment-requests`, REQUEST)).statusCode).toBe(403);
    const other = await t.signIn("admin@cedarhills.example");
    expect((await other.send("POST", `/api/students/${mateo}/amendment-requests`, REQUEST)).statusCode).toBe(404);
    expect((await other.get(`/api/students/${mateo}/amendment-requests`)).statusCode).toBe(404);

    const created = (
      await parent.send("POST", `/api/students/${mateo}/amendment-requests`, REQUEST)
    ).json() as Amendment;
    const staff = await t.signIn("casemanager@maplevalley.example");
    const aaliyah = t.ids?.students.get("Aaliyah Thompson") as string;
    const wrongStudent = await staff.send(
      "POST",
      `/api/students/${aaliyah}/amendment-requests/${created.id}/decision`,
      {
        decision: "amended",
        reasons: "Corrected",
      },
    );
    expect(wrongStudent.statusCode).toBe(404);
    const badId = await staff.send("POST", `/api/students/${mateo}/amendment-requests/not-a-uuid/decision`, {
      decision: "amended",
      reasons: "Corrected",
    });
    expect(badId.statusCode).toBe(400);
    const future = await staff.send("POST", `/api/students/${mateo}/amendment-requests/${created.id}/decision`, {
      decision: "amended",
      reasons: "Corrected",
      on: addDays(TEST_TODAY, 3),
    });
    expect(future.statusCode).toBe(400);
    const amended = await staff.send("POST", `/api/students/${mateo}/amendment-requests/${created.id}/decision`, {
      decision: "amended",
      reasons: "Present levels now give the spring 2026 reading level",
    });
    expect(amended.statusCode, amended.body).toBe(200);
    expect((amended.json() as Amendment).rightsCitation).toBeNull();
    const statement = await parent.send("POST", `/api/students/${mateo}/amendment-requests/${created.id}/statement`, {
      statement: "x",
    });
    expect(statement.statusCode).toBe(409);
  });
});
