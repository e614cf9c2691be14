/** The communication log: either side writes, entries are append-only and show in the chronology. */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../helpers/build-app.ts";
import { DATABASE_KINDS } from "../helpers/test-database.ts";

describe.each(DATABASE_KINDS)("communication log on %s", (kind) => {
  let t: TestApp;
  let mateo: string;
  beforeAll(async () => {
    t = await buildTestApp(kind);
    mateo = t.ids?.students.get("Mateo Rivera") as string;
  });
  afterAll(async () => {
    await t?.close();
  });

  it("the family and the school both write in it; it is in the chronology; a teacher and another district may not write", async () => {
    const parent = await t.signIn("parent.rivera@family.example");
    const res = await parent.send("POST", `/api/students/${mateo}/communications`, {
      occurredOn: "2026-11-02",
      mode: "phone",
      withWhom: "Ms. Lee, case manager",
      summary: "Asked when the missed speech sessions will be made up",
    });
    expect(res.statusCode, res.body).toBe(201);
    const staff = await t.signIn("casemanager@maplevalley.example");
    const reply = await staff.send("POST", `/api/students/${mateo}/communications`, {
      occurredOn: "2026-11-03",
      mode: "email",
      withWhom: "Ana Rivera",
      summary: "Make-up sessions start next week",
    });
    expect(reply.statusCode, reply.body).toBe(201);
    const list = (await parent.get(`/api/students/${mateo}/communications`)).json() as {
      items: Array<{ mode: string; loggedBy: string }>;
    };
    expect(list.items.map((i) => i.mode)).toEqual(["email", "phone"]);
    const chronology = (await parent.get(`/api/students/${mateo}/chronology?kinds=communication`)).json() as {
      entries: Array<{ what: string }>;
    };
    expect(chronology.entries.map((e) => e.what)).toEqual([
      "Phone call with Ms. Lee, case manager: Asked when the missed speech sessions will be made up",
      "Email with Ana Rivera: Make-up sessions start next week",
    ]);

    const empty = await parent.send("POST", `/api/students/${mateo}/communications`, {
      occurredOn: "2030-01-01",
      mode: "phone",
      withWhom: "",
      summary: "x",
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain("withWhom");
    const teacher = await t.signIn("teacher@northside.maplevalley.example");
    const body = { occurredOn: "2026-11-03", mode: "note", withWhom: "x", summary: "y" };
    expect((await teacher.send("POST", `/api/students/${mateo}/communications`, body)).statusCode).toBe(403);
    const other = await t.signIn("admin@cedarhills.example");
    expect((await other.send("POST", `/api/students/${mateo}/communications`, body)).statusCode).toBe(404);
    await expect(sql`delete from communications`.execute(t.db)).rejects.toThrow();
  });
});
