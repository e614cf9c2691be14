/**
 * Retention and destruction (34 CFR 300.624): the district's schedule, records past it offered for
 * destruction, the family told first, destruction in one transaction with a tombstone in a still
 * verifying audit trail, the permanent record never destroyed, and a family's request tracked.
 */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sealAll, verifyAudit } from "../../src/db/audit-chain.ts";
import { buildTestApp, type Client, type TestApp } from "../helpers/build-app.ts";
import { DATABASE_KINDS } from "../helpers/test-database.ts";

const OLD_SUMMARY = "Talked about the move to the new school in 2020";

describe.each(DATABASE_KINDS)("retention and destruction on %s", (kind) => {
  let t: TestApp;
  let admin: Client;
  let parent: Client;
  let mateo: string;

  beforeAll(async () => {
    t = await buildTestApp(kind);
    mateo = t.ids?.students.get("Mateo Rivera") as string;
    admin = await t.signIn("admin@maplevalley.example");
    parent = await t.signIn("parent.rivera@family.example");
    const staff = await t.db
      .selectFrom("people")
      .select("id")
      .where("email", "=", "casemanager@maplevalley.example")
      .executeTakeFirstOrThrow();
    const student = await t.db
      .selectFrom("students")
      .select(["district_id", "school_id"])
      .where("id", "=", mateo)
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto("communications")
      .values([
        {
          student_id: mateo,
          occurred_on: "2020-01-10",
          mode: "phone",
          with_whom: "Ana Rivera",
          summary: OLD_SUMMARY,
          logged_by: staff.id,
        },
        {
          student_id: mateo,
          occurred_on: "2026-10-01",
          mode: "note",
          with_whom: "Ana Rivera",
          summary: "Recent",
          logged_by: staff.id,
        },
      ])
      .execute();
    await t.db
      .insertInto("progress_data_points")
      .values({
        district_id: student.district_id,
        school_id: student.school_id,
        student_id: mateo,
        goal_id: "goal-old",
        point_date: "2019-05-01",
        value: 3,
        recorded_by: staff.id,
      })
      .execute();
  });
  afterAll(async () => {
    await t?.close();
  });

  it("sets the schedule; the permanent record and a period below California's minimum are refused", async () => {
    const permanent = await admin.send("PUT", "/api/district/retention-schedule", {
      entries: [{ recordType: "grades", years: 5 }],
    });
    expect(permanent.statusCode).toBe(400);
    expect(permanent.json().message).toContain("34 CFR 300.624(b)");
    const short = await admin.send("PUT", "/api/district/retention-schedule", {
      entries: [{ recordType: "communications", years: 2 }],
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().message).toContain("16027");
    const ok = await admin.send("PUT", "/api/district/retention-schedule", {
      entries: [
        { recordType: "communications", years: 5 },
        { recordType: "progress-data", years: 5 },
      ],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await admin.get("/api/district/retention-schedule")).json()).toMatchObject({
      entries: [
        { recordType: "communications", years: 5 },
        { recordType: "progress-data", years: 5 },
      ],
      minimumYears: 3,
      permanent: expect.arrayContaining(["grades", "attendance", "name-address-phone"]),
    });
    const teacher = await t.signIn("teacher@northside.maplevalley.example");
    expect((await teacher.get("/api/district/retention-schedule")).statusCode).toBe(403);
    expect((await teacher.send("PUT", "/api/district/retention-schedule", { entries: [] })).statusCode).toBe(403);
  });

  it("lists records past the schedule as offered for destruction, per student and kind", async () => {
    const res = await admin.get("/api/district/records-offered-for-destruction");
    expect(res.statusCode, res.body).toBe(200);
    const items = (res.json() as { items: Array<Record<string, unknown>> }).items.filter((i) => i.studentId === mateo);
    expect(items).toEqual([
      expect.objectContaining({
        recordType: "communications",
        records: 1,
        oldest: "2020-01-10",
        before: "2021-11-23",
        noticedAt: null,
      }),
      expect.objectContaining({ recordType: "progress-data", records: 1, oldest: "2019-05-01", noticedAt: null }),
    ]);
    const other = await t.signIn("admin@cedarhills.example");
    const theirs = await other.get("/api/district/records-offered-for-destruction");
    expect(theirs.body).not.toContain(mateo);
  });

  it("destroys nothing before the family is told; the permanent record is never destroyed", async () => {
    const early = await admin.send("POST", "/api/district/records-offered-for-destruction/destructions", {
      studentId: mateo,
      recordType: "communications",
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toContain("34 CFR 300.624(a)");
    for (const path of ["notices", "destructions"]) {
      const res = await admin.send("POST", `/api/district/records-offered-for-destruction/${path}`, {
        studentId: mateo,
        recordType: "attendance",
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toContain("34 CFR 300.624(b)");
    }
    // Not even the database lets an append-only record go without a notice.
    await expect(sql`delete from communications where student_id = ${mateo}`.execute(t.db)).rejects.toThrow(
      /append-only/,
    );
  });

  it("tells the family, then destroys in one transaction leaving a tombstone; the audit trail still verifies", async () => {
    const notice = await admin.send("POST", "/api/district/records-offered-for-destruction/notices", {
      studentId: mateo,
      recordType: "communications",
    });
    expect(notice.statusCode, notice.body).toBe(200);
    expect(notice.json()).toMatchObject({ before: "2021-11-23", records: 1 });
    expect(notice.json().told).toBeGreaterThanOrEqual(1);
    const inbox = (await parent.get("/api/inbox")).json() as { notifications: Array<{ title: string; body: string }> };
    const told = inbox.notifications.find((n) => n.title.includes("no longer needed"));
    expect(told?.body).toContain("34 CFR 300.624");
    const mail = await sql<{ n: number }>`select count(*)::int as n from mail_outbox
      where kind = 'records-destruction-offered' and to_address = 'parent.rivera@family.example'`.execute(t.db);
    expect(mail.rows[0]?.n).toBe(1);
    const listed = (await admin.get("/api/district/records-offered-for-destruction")).json() as {
      items: Array<{ studentId: string; recordType: string; noticedAt: string | null }>;
    };
    expect(listed.items.find((i) => i.studentId === mateo && i.recordType === "communications")?.noticedAt).not.toBe(
      null,
    );

    {
      // An open request to see the records holds destruction back (FERPA 99.10(e)).
      const asked = await parent.send("POST", `/api/students/${mateo}/records-requests`, { channel: "app" });
      expect(asked.statusCode, asked.body).toBe(201);
      const held = await admin.send("POST", "/api/district/records-offered-for-destruction/destructions", {
        studentId: mateo,
        recordType: "communications",
      });
      expect(held.statusCode).toBe(409);
      expect(held.json().message).toContain("99.10(e)");
      const done = await admin.send("POST", `/api/students/${mateo}/records-requests/${asked.json().id}/events`, {
        kind: "fulfilled",
      });
      expect(done.statusCode, done.body).toBe(200);
    }

    const res = await admin.send("POST", "/api/district/records-offered-for-destruction/destructions", {
      studentId: mateo,
      recordType: "communications",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ recordType: "communications", destroyed: 1, before: "2021-11-23" });
    const left = await t.db.selectFrom("communications").select("summary").where("student_id", "=", mateo).execute();
    expect(left.map((r) => r.summary)).toContain("Recent");
    expect(left.map((r) => r.summary)).not.toContain(OLD_SUMMARY);
    const tombstone = await sql<{ details: Record<string, unknown>; student_id: string }>`
      select details, student_id from audit_events where action = 'record.destroyed'`.execute(t.db);
    expect(tombstone.rows).toHaveLength(1);
    expect(tombstone.rows[0]?.student_id).toBe(mateo);
    expect(tombstone.rows[0]?.details).toMatchObject({ recordType: "communications", destroyed: 1 });
    expect(JSON.stringify(tombstone.rows[0]?.details)).not.toContain("move to the new school");
    // The student and the permanent record stay.
    expect(await t.db.selectFrom("students").select("id").where("id", "=", mateo).executeTakeFirst()).toBeDefined();
    // The notice is used: a second destruction needs a new notice.
    const again = await admin.send("POST", "/api/district/records-offered-for-destruction/destructions", {
      studentId: mateo,
      recordType: "communications",
    });
    expect(again.statusCode).toBe(409);
    await sealAll(t.db);
    const verified = await verifyAudit(t.db);
    expect(verified.broken).toBeNull();
    expect(verified.ok).toBe(true);
  });

  it("destroys a mutable kind (progress data) the same way", async () => {
    expect(
      (
        await admin.send("POST", "/api/district/records-offered-for-destruction/notices", {
          studentId: mateo,
          recordType: "progress-data",
        })
      ).statusCode,
    ).toBe(200);
    const res = await admin.send("POST", "/api/district/records-offered-for-destruction/destructions", {
      studentId: mateo,
      recordType: "progress-data",
    });
    expect(res.json()).toMatchObject({ destroyed: 1 });
    const old = await t.db.selectFrom("progress_data_points").select("id").where("goal_id", "=", "goal-old").execute();
    expect(old).toEqual([]);
  });

  it("tracks a family's request to destroy records from received to completed, or refused with a reason", async () => {
    const permanent = await parent.send("POST", `/api/students/${mateo}/destruction-requests`, {
      recordTypes: ["grades"],
    });
    expect(permanent.statusCode).toBe(400);
    expect(permanent.json().message).toContain("34 CFR 300.624(b)");
    const created = await parent.send("POST", `/api/students/${mateo}/destruction-requests`, {
      recordTypes: ["communications", "letters"],
      reason: "Mateo has left the district",
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    expect(created.json()).toMatchObject({ status: "received", recordTypes: ["communications", "letters"] });
    const mine = (await parent.get(`/api/students/${mateo}/destruction-requests`)).json() as {
      items: Array<{ id: string; status: string }>;
    };
    expect(mine.items.map((i) => i.id)).toContain(id);
    const listed = (await admin.get("/api/district/destruction-requests?status=received")).json() as {
      items: Array<{ id: string }>;
    };
    expect(listed.items.map((i) => i.id)).toContain(id);

    const url = `/api/district/destruction-requests/${id}/decision`;
    const bare = await admin.send("POST", url, { status: "refused" });
    expect(bare.statusCode).toBe(409);
    expect(bare.json().message).toContain("says why");
    expect((await admin.send("POST", url, { status: "completed" })).statusCode).toBe(409);
    const other = await t.signIn("admin@cedarhills.example");
    expect((await other.send("POST", url, { status: "granted" })).statusCode).toBe(404);
    expect((await parent.send("POST", url, { status: "granted" })).statusCode).toBe(403);
    expect((await admin.send("POST", url, { status: "granted" })).json()).toMatchObject({ status: "granted" });
    expect((await admin.send("POST", url, { status: "completed", note: "Destroyed on notice" })).json()).toMatchObject({
      status: "completed",
      statusNote: "Destroyed on notice",
    });
    expect((await admin.send("POST", url, { status: "granted" })).statusCode).toBe(409);
    const events = await sql<{ action: string }>`select action from audit_events
      where subject = ${`destruction-request:${id}`} order by id`.execute(t.db);
    expect(events.rows.map((r) => r.action)).toEqual([
      "destruction-request.received",
      "destruction-request.status-changed",
      "destruction-request.status-changed",
    ]);
    const teacher = await t.signIn("teacher@northside.maplevalley.example");
    expect(
      (await teacher.send("POST", `/api/students/${mateo}/destruction-requests`, { recordTypes: ["letters"] }))
        .statusCode,
    ).toBe(403);
    // Destruction is the parents' right (34 CFR 300.624(b)): the advocate they linked reads, but cannot ask.
    const advocate = await t.signIn("advocate@advocacy.example");
    expect(
      (await advocate.send("POST", `/api/students/${mateo}/destruction-requests`, { recordTypes: ["letters"] }))
        .statusCode,
    ).toBe(403);
  });
});
