/**
 * Retention of every kind of record that holds a student's personal information (34 CFR 300.624;
 * decision 0029): an ended plan with its sealed versions, meetings, signatures and scanned page; a
 * meeting about an earlier version; saved navigator results; an answered amendment request; a
 * complaint draft. Each is offered after its period, destroyed on notice in one transaction with a
 * tombstone, the audit trail still verifies, and nothing else of the student is lost.
 */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sealAll, verifyAudit } from "../../src/db/audit-chain.ts";
import { buildTestApp, type Client, type TestApp } from "../helpers/build-app.ts";
import { DATABASE_KINDS } from "../helpers/test-database.ts";

const NEW_KINDS = ["plans", "meetings", "navigator-results", "amendment-requests", "complaint-drafts"] as const;
const OLD_NOTES = "Talked about the reading goal in the old plan";
const SHA_1 = "a".repeat(64);
const SHA_2 = "b".repeat(64);

describe.each(DATABASE_KINDS)("retention of plans, meetings and other records on %s", (kind) => {
  let t: TestApp;
  let admin: Client;
  let parent: Client;
  let mateo: string;
  let endedPlan: string;
  let runningPlan: string;
  let keptAmendment: string;
  const before: Record<string, number> = {};

  /** Rows of the student's records that no destruction here may touch. */
  async function keptCounts() {
    const { rows } = await sql<Record<string, number>>`select
        (select count(*)::int from students where id = ${mateo}) as student,
        (select count(*)::int from guardianships where student_id = ${mateo}) as guardians,
        (select count(*)::int from plans where student_id = ${mateo} and id <> ${endedPlan}) as other_plans,
        (select count(*)::int from plan_versions v join plans p on p.id = v.plan_id
          where p.student_id = ${mateo} and p.id <> ${endedPlan}) as other_versions,
        (select count(*)::int from plan_signatures s join plan_versions v on v.id = s.version_id
          join plans p on p.id = v.plan_id where p.student_id = ${mateo} and p.id <> ${endedPlan}) as other_signatures,
        (select count(*)::int from amendment_requests where id = ${keptAmendment}) as kept_amendment,
        (select count(*)::int from communications where student_id = ${mateo}) as communications,
        (select count(*)::int from record_of_access where student_id = ${mateo}) > 0 as access_log`.execute(t.db);
    return rows[0] ?? {};
  }

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
    const guardian = await t.db
      .selectFrom("people")
      .select("id")
      .where("email", "=", "parent.rivera@family.example")
      .executeTakeFirstOrThrow();
    const student = await t.db
      .selectFrom("students")
      .select(["district_id", "school_id"])
      .where("id", "=", mateo)
      .executeTakeFirstOrThrow();
    const content = await t.db.selectFrom("plan_versions").select("content").limit(1).executeTakeFirstOrThrow();
    const json = JSON.stringify(content.content);

    // A plan that ended in 2019: two sealed versions, a meeting with the family's preparation, a
    // shared draft with a comment, a typed signature and a paper one with its scanned page.
    const plan = async (endedOn: string | null) =>
      (
        await t.db
          .insertInto("plans")
          .values({
            student_id: mateo,
            district_id: student.district_id,
            school_id: student.school_id,
            type: "iep",
            status: endedOn ? "ended" : "in-effect",
            created_by: staff.id,
            ended_on: endedOn,
          })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    const version = async (planId: string, n: number, sha: string, parent: string | null) =>
      (
        await t.db
          .insertInto("plan_versions")
          .values({
            plan_id: planId,
            number: n,
            parent_version_id: parent,
            content: json,
            status: "amended",
            sealed_at: new Date("2018-09-01T00:00:00Z"),
            content_sha256: sha,
            created_by: staff.id,
          })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    endedPlan = await plan("2019-06-01");
    const v1 = await version(endedPlan, 1, SHA_1, null);
    const v2 = await version(endedPlan, 2, SHA_2, v1);
    await t.db.updateTable("plans").set({ current_version_id: v2 }).where("id", "=", endedPlan).execute();
    const meeting = (
      await t.db
        .insertInto("plan_meetings")
        .values({
          plan_id: endedPlan,
          version_id: v2,
          scheduled_at: "2019-05-01T16:00:00Z",
          attendees: JSON.stringify([{ id: "a1", name: "Ana Rivera", role: "parent" }]),
          excusals: "[]",
          attendance: "[]",
          notes: OLD_NOTES,
          parent_contact_attempts: "[]",
          created_by: staff.id,
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    await t.db
      .insertInto("meeting_preparations")
      .values({ meeting_id: meeting, student_id: mateo, concerns: "Reading", updated_by: guardian.id })
      .execute();
    const share = (
      await t.db
        .insertInto("shared_drafts")
        .values({
          student_id: mateo,
          meeting_id: meeting,
          plan_id: endedPlan,
          version_id: v2,
          version_number: 2,
          items: "[]",
          shared_by: staff.id,
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    await t.db
      .insertInto("draft_comments")
      .values({
        share_id: share,
        student_id: mateo,
        item_kind: "goal",
        item_id: "g1",
        body: "Please add phonics",
        written_by: guardian.id,
      })
      .execute();
    await t.db
      .insertInto("plan_signatures")
      .values({
        version_id: v2,
        attendee_id: "a1",
        role: "parent",
        method: "typed",
        signature_text: "Ana Rivera",
        meaning: "agreement",
        signer_person_id: guardian.id,
        consent_exclusions: "[]",
      })
      .execute();
    const paper = (
      await t.db
        .insertInto("plan_signatures")
        .values({
          version_id: v1,
          attendee_id: "a2",
          role: "case-manager",
          method: "paper",
          meaning: "attendance",
          signer_person_id: staff.id,
          consent_exclusions: "[]",
          entered_by: staff.id,
          paper_signed_on: "2018-08-30",
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    await t.db
      .insertInto("plan_signature_scans")
      .values({
        signature_id: paper,
        content_type: "application/pdf",
        byte_size: 4,
        sha256: "c".repeat(64),
        file_name: "page.pdf",
        data: new Uint8Array([37, 80, 68, 70]),
        uploaded_by: staff.id,
      })
      .execute();
    // A translation of the ended plan's words (decision 0027) goes with it.
    await t.db
      .insertInto("plan_translations")
      .values({
        plan_id: endedPlan,
        version_id: v2,
        field: "/presentLevels/academic",
        language: "es",
        text: "Lee con apoyo.",
        source_text: "Reads with support.",
        translated_by: staff.id,
        translated_by_name: "Staff",
      })
      .execute();

    // A plan still running: its version 1 was replaced; the meeting about it is old, its signature stays.
    runningPlan = await plan(null);
    const r1 = await version(runningPlan, 1, SHA_1, null);
    const r2 = await version(runningPlan, 2, SHA_2, r1);
    await t.db
      .updateTable("plans")
      .set({ current_version_id: r2, in_effect_version_id: r2 })
      .where("id", "=", runningPlan)
      .execute();
    await t.db
      .insertInto("plan_signatures")
      .values({
        version_id: r1,
        attendee_id: "a1",
        role: "parent",
        method: "typed",
        signature_text: "Ana Rivera",
        signer_person_id: guardian.id,
        consent_exclusions: "[]",
      })
      .execute();
    for (const [versionId, at] of [
      [r1, "2019-04-01T16:00:00Z"],
      [r2, "2019-09-01T16:00:00Z"],
    ] as const) {
      await t.db
        .insertInto("plan_meetings")
        .values({
          plan_id: runningPlan,
          version_id: versionId,
          scheduled_at: at,
          attendees: "[]",
          excusals: "[]",
          attendance: "[]",
          notes: "Meeting notes",
          parent_contact_attempts: "[]",
          created_by: staff.id,
        })
        .execute();
    }

    await t.db
      .insertInto("navigator_results")
      .values([
        {
          student_id: mateo,
          saved_by: staff.id,
          saved_at: "2019-03-01T12:00:00Z",
          recommendation: "evaluate",
          facts: "{}",
          result: "{}",
        },
        {
          student_id: mateo,
          saved_by: staff.id,
          saved_at: "2026-03-01T12:00:00Z",
          recommendation: "iep",
          facts: "{}",
          result: "{}",
        },
      ])
      .execute();

    const amendment = async (withStatement: boolean) => {
      const id = (
        await t.db
          .insertInto("amendment_requests")
          .values({
            student_id: mateo,
            requested_on: "2019-02-01",
            requested_by: guardian.id,
            record: "Present levels",
            problem: "inaccurate",
            explanation: "The reading level is wrong",
            proposed: "Grade 2",
          })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
      await t.db
        .insertInto("amendment_request_events")
        .values({ request_id: id, kind: "refused", occurred_on: "2019-02-20", person_id: staff.id, text: "Accurate" })
        .execute();
      if (withStatement) {
        await t.db
          .insertInto("amendment_request_events")
          .values({ request_id: id, kind: "statement", occurred_on: "2019-03-01", person_id: guardian.id, text: "No" })
          .execute();
      }
      return id;
    };
    await amendment(false);
    keptAmendment = await amendment(true);

    await t.db
      .insertInto("complaint_drafts")
      .values({
        student_id: mateo,
        created_by: guardian.id,
        evidence: "{}",
        text: "{}",
        updated_by: guardian.id,
        updated_at: new Date("2019-01-15T12:00:00Z"),
      })
      .execute();
    await t.db
      .insertInto("communications")
      .values({
        student_id: mateo,
        occurred_on: "2026-10-01",
        mode: "note",
        with_whom: "Ana Rivera",
        summary: "Recent",
        logged_by: staff.id,
      })
      .execute();
    Object.assign(before, await keptCounts());
  });
  afterAll(async () => {
    await t?.close();
  });

  it("the schedule takes every kind that holds the student's information, and names those kept with the record", async () => {
    const res = await admin.send("PUT", "/api/district/retention-schedule", {
      entries: NEW_KINDS.map((recordType) => ({ recordType, years: 5 })),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().entries).toHaveLength(NEW_KINDS.length);
    expect(res.json().keptWithRecord).toEqual(["record-of-access", "records-requests", "audit-trail"]);
    const kept = await admin.send("PUT", "/api/district/retention-schedule", {
      entries: [{ recordType: "records-requests", years: 5 }],
    });
    expect(kept.statusCode).toBe(400);
  });

  it("offers each new kind once its period has passed, and nothing still needed", async () => {
    const res = await admin.get("/api/district/records-offered-for-destruction?limit=200");
    const items = (res.json() as { items: Array<{ studentId: string; recordType: string; records: number }> }).items
      .filter((i) => i.studentId === mateo)
      .map((i) => [i.recordType, i.records]);
    // One ended plan (not the running one); the meeting about the running plan's replaced version
    // (not the current version's); the 2019 navigator result; the answered request without a
    // statement; the complaint draft.
    expect(Object.fromEntries(items)).toEqual({
      plans: 1,
      meetings: 1,
      "navigator-results": 1,
      "amendment-requests": 1,
      "complaint-drafts": 1,
    });
  });

  it("the database refuses to delete a sealed version, a signature or a navigator result without a notice", async () => {
    await expect(sql`delete from plan_signature_scans`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from plan_translations`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(
      sql`delete from plan_signatures where version_id in (select id from plan_versions
      where plan_id = ${endedPlan})`.execute(t.db),
    ).rejects.toThrow(/append-only/);
    await expect(
      sql`delete from plan_versions where plan_id = ${endedPlan} and number = 2`.execute(t.db),
    ).rejects.toThrow(/sealed/);
    await expect(sql`delete from navigator_results where student_id = ${mateo}`.execute(t.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from amendment_request_events`.execute(t.db)).rejects.toThrow(/append-only/);
  });

  it("tells the family in their language, naming each kind in plain words", async () => {
    await t.db
      .updateTable("people")
      .set({ preferred_language: "es" })
      .where("email", "=", "parent.rivera@family.example")
      .execute();
    for (const recordType of NEW_KINDS) {
      const notice = await admin.send("POST", "/api/district/records-offered-for-destruction/notices", {
        studentId: mateo,
        recordType,
      });
      expect(notice.statusCode, notice.body).toBe(200);
      expect(notice.json()).toMatchObject({ before: "2021-11-23", records: 1 });
    }
    const inbox = (await parent.get("/api/inbox")).json() as { notifications: Array<{ title: string; body: string }> };
    const bodies = inbox.notifications.map((n) => n.body).join("\n");
    expect(bodies).toContain("Planes terminados, con sus versiones, reuniones y firmas");
    expect(bodies).toContain("Reuniones sobre versiones anteriores de un plan");
    expect(bodies).toContain("Resultados guardados del navegador");
    expect(bodies).not.toContain(OLD_NOTES);
  });

  it("destroys an ended plan with its sealed versions, meetings and signatures, leaving a tombstone with their hashes", async () => {
    const res = await admin.send("POST", "/api/district/records-offered-for-destruction/destructions", {
      studentId: mateo,
      recordType: "plans",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ recordType: "plans", destroyed: 1 });
    const { rows } = await sql<Record<string, number>>`select
        (select count(*)::int from plans where id = ${endedPlan}) as plans,
        (select count(*)::int from plan_versions where plan_id = ${endedPlan}) as versions,
        (select count(*)::int from plan_meetings where plan_id = ${endedPlan}) as meetings,
        (select count(*)::int from shared_drafts where plan_id = ${endedPlan}) as shares,
        (select count(*)::int from plan_signature_scans) as scans,
        (select count(*)::int from plan_translations where plan_id = ${endedPlan}) as translations,
        (select count(*)::int from meeting_preparations where student_id = ${mateo}) as preparations,
        (select count(*)::int from draft_comments where student_id = ${mateo}) as comments`.execute(t.db);
    expect(rows[0]).toEqual({
      plans: 0,
      versions: 0,
      meetings: 0,
      shares: 0,
      scans: 0,
      translations: 0,
      preparations: 0,
      comments: 0,
    });
    const tombstone = await sql<{ details: Record<string, unknown>; person_id: string | null }>`
      select details, person_id from audit_events where action = 'record.destroyed'
        and details->>'recordType' = 'plans'`.execute(t.db);
    expect(tombstone.rows).toHaveLength(1);
    const details = tombstone.rows[0]?.details ?? {};
    expect(tombstone.rows[0]?.person_id).toBeTruthy();
    expect(details).toMatchObject({
      recordType: "plans",
      before: "2021-11-23",
      destroyed: 1,
      ids: [endedPlan],
      rule: { citation: "34 CFR 300.624(a)", years: 5 },
      plans: [
        {
          id: endedPlan,
          type: "iep",
          endedOn: "2019-06-01",
          signatures: 2,
          meetings: 1,
          versions: [
            { number: 1, sha256: SHA_1, sealedAt: "2018-09-01T00:00:00.000Z" },
            { number: 2, sha256: SHA_2 },
          ],
        },
      ],
    });
    expect(JSON.stringify(details)).not.toContain(OLD_NOTES);
    expect(JSON.stringify(details)).not.toContain("phonics");
  });

  it("destroys the other new kinds, keeps the running plan and the family's statement, and the audit trail verifies", async () => {
    for (const recordType of NEW_KINDS.filter((k) => k !== "plans")) {
      const res = await admin.send("POST", "/api/district/records-offered-for-destruction/destructions", {
        studentId: mateo,
        recordType,
      });
      expect(res.statusCode, `${recordType}: ${res.body}`).toBe(200);
      expect(res.json()).toMatchObject({ recordType, destroyed: 1 });
    }
    const left = await sql<Record<string, number>>`select
        (select count(*)::int from plan_meetings where plan_id = ${runningPlan}) as running_meetings,
        (select count(*)::int from navigator_results where student_id = ${mateo}
          and saved_at < '2021-01-01') as old_results,
        (select count(*)::int from navigator_results where student_id = ${mateo}
          and saved_at > '2026-01-01') as new_results,
        (select count(*)::int from amendment_requests where student_id = ${mateo}) as amendments,
        (select count(*)::int from complaint_drafts where student_id = ${mateo}) as drafts`.execute(t.db);
    expect(left.rows[0]).toEqual({ running_meetings: 1, old_results: 0, new_results: 1, amendments: 1, drafts: 0 });
    // Nothing else of the student is lost: the student, guardians, the running plan with its
    // versions and signatures, the family's statement, the communication log, the record of access.
    expect(await keptCounts()).toEqual(before);
    const offered = (await admin.get("/api/district/records-offered-for-destruction?limit=200")).json() as {
      items: Array<{ studentId: string; recordType: string }>;
    };
    expect(offered.items.filter((i) => i.studentId === mateo)).toEqual([]);
    await sealAll(t.db);
    const verified = await verifyAudit(t.db);
    expect(verified.broken).toBeNull();
    expect(verified.ok).toBe(true);
  });
});
