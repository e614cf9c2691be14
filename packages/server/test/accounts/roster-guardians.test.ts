/**
 * Guardians from a roster import, on PGlite and PostgreSQL: the import can email each guardian it
 * adds an invitation, with which they choose a password and sign in to see their child; a row that
 * names an account of another district creates a link that waits for that person's acceptance and
 * gives no access until they accept it in their inbox (a Cedar Hills row with a Maple Valley
 * staff email no longer makes that person a Cedar Hills guardian).
 */
import type { InboxResponse, RosterImportResult } from "@lantern/core";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type Client, type TestApp } from "../helpers/build-app.ts";
import { DATABASE_KINDS } from "../helpers/test-database.ts";

const HEADER =
  "sis_id,first_name,last_name,date_of_birth,grade,school,guardian1_first_name,guardian1_last_name,guardian1_email";

async function postRoster(c: Client, csv: string, query = "") {
  return c.inject({
    method: "POST",
    url: `/api/district/roster${query}`,
    headers: { "x-csrf-token": c.csrf, "content-type": "text/csv" },
    payload: csv,
  });
}

describe.each(DATABASE_KINDS)("roster guardians on %s", (kind) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTestApp(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  const studentId = async (sisId: string) =>
    (await t.db.selectFrom("students").select("id").where("local_id", "=", sisId).executeTakeFirstOrThrow()).id;

  it("invites the guardians it adds, who choose a password and see their child", async () => {
    const admin = await t.signIn("admin@maplevalley.example");
    const csv = [
      HEADER,
      "MV7001,Linnea,Marsh,2016-04-02,4,Northside Elementary,Ines,Marsh,ines.marsh@family.example",
    ].join("\n");
    const res = await postRoster(admin, csv, "?inviteGuardians=true");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json() as RosterImportResult).toMatchObject({ created: 1, guardians: 1, invitations: 1 });
    const mail = await t.db
      .selectFrom("mail_outbox")
      .select(["text_body", "subject"])
      .where("to_address", "=", "ines.marsh@family.example")
      .executeTakeFirstOrThrow();
    expect(mail.text_body).toContain("as: Parent or guardian");
    const token = /#token=([A-Za-z0-9_-]+)/.exec(mail.text_body)?.[1] as string;
    const set = await (await t.anonymous()).send("POST", "/api/auth/password", {
      token,
      password: "linnea's mother reads at night",
    });
    expect(set.statusCode, set.body).toBe(200);
    const ines = await t.signIn("ines.marsh@family.example", "linnea's mother reads at night");
    expect((await ines.get(`/api/students/${await studentId("MV7001")}`)).statusCode).toBe(200);
    // Without the option, nobody is emailed.
    const quiet = [
      HEADER,
      "MV7002,Oskar,Marsh,2017-04-02,3,Northside Elementary,Pia,Marsh,pia.marsh@family.example",
    ].join("\n");
    expect(((await postRoster(admin, quiet)).json() as RosterImportResult).invitations).toBe(0);
    const none = await sql<{
      n: number;
    }>`select count(*)::int as n from mail_outbox where to_address = 'pia.marsh@family.example'`.execute(t.db);
    expect(none.rows[0]?.n).toBe(0);
  });

  it("links an account of another district only once its owner accepts", async () => {
    const cedar = await t.signIn("admin@cedarhills.example");
    const csv = [
      HEADER,
      "CH5001,Tamsin,Reyes,2015-09-09,5,Cedar Hills Elementary,Priya,Natarajan,casemanager@maplevalley.example",
    ].join("\n");
    const res = await postRoster(cedar, csv, "?inviteGuardians=true");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json() as RosterImportResult).toMatchObject({
      created: 1,
      guardians: 0,
      pendingGuardianLinks: 1,
      invitations: 0,
    });
    const tamsin = await studentId("CH5001");

    const priya = await t.signIn("casemanager@maplevalley.example");
    // No access, no Cedar Hills role, before acceptance.
    expect([403, 404]).toContain((await priya.get(`/api/students/${tamsin}`)).statusCode);
    const session = (await priya.get("/api/auth/session")).json();
    expect(session.user.roles.map((r: { role: string }) => r.role)).not.toContain("guardian");
    const inbox = (await priya.get("/api/inbox")).json() as InboxResponse;
    expect(inbox.guardianLinks).toHaveLength(1);
    expect(inbox.guardianLinks[0]).toMatchObject({ studentFirstName: "Tamsin", relationship: "parent" });
    expect(inbox.notifications[0]?.title).toMatch(/asks you to confirm a child/);
    const linkId = inbox.guardianLinks[0]?.id as string;

    // Someone else cannot answer for Priya.
    const other = await t.signIn("slp@maplevalley.example");
    expect((await other.send("POST", `/api/inbox/guardian-links/${linkId}`, { accept: true })).statusCode).toBe(404);
    expect([403, 404]).toContain((await priya.get(`/api/students/${tamsin}`)).statusCode);

    expect((await priya.send("POST", `/api/inbox/guardian-links/${linkId}`, { accept: true })).statusCode).toBe(204);
    expect((await priya.get(`/api/students/${tamsin}`)).statusCode).toBe(200);
    expect(((await priya.get("/api/inbox")).json() as InboxResponse).guardianLinks).toEqual([]);
    expect((await priya.send("POST", `/api/inbox/guardian-links/${linkId}`, { accept: false })).statusCode).toBe(404);
    const events = await sql<{ action: string }>`select action from audit_events where student_id = ${tamsin}
      and action like 'guardian.link-%' order by id`.execute(t.db);
    expect(events.rows.map((r) => r.action)).toEqual(["guardian.link-pending", "guardian.link-accepted"]);
  });

  it("leaves a declined link without access", async () => {
    const cedar = await t.signIn("admin@cedarhills.example");
    const csv = [
      HEADER,
      "CH5002,Bram,Okafor,2015-01-09,5,Cedar Hills Elementary,Sam,Delgado,advocate@advocacy.example",
    ].join("\n");
    expect((await postRoster(cedar, csv)).statusCode).toBe(200);
    const sam = await t.signIn("advocate@advocacy.example");
    const inbox = (await sam.get("/api/inbox")).json() as InboxResponse;
    const link = inbox.guardianLinks.find((l) => l.studentFirstName === "Bram");
    expect((await sam.send("POST", `/api/inbox/guardian-links/${link?.id}`, { accept: false })).statusCode).toBe(204);
    expect([403, 404]).toContain((await sam.get(`/api/students/${await studentId("CH5002")}`)).statusCode);
    expect((await (await t.anonymous()).get("/api/inbox")).statusCode).toBe(401);
  });
});
