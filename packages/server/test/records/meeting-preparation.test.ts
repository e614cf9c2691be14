/**
 * Meeting preparation for families: concerns and questions the team reads in the agenda (34 CFR
 * 300.324(a)(1)(ii)), the California recording notice (Ed. Code 56341.1(g)(1)), a frozen copy of the
 * draft shared before the meeting, the family's comments on single items and the team's answers.
 */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type Client, type TestApp } from "../helpers/build-app.ts";
import { FACTORY_PASSWORD } from "../helpers/factories.ts";
import { DATABASE_KINDS } from "../helpers/test-database.ts";
import { readZip, verifySums } from "../helpers/zip-reading.ts";

type Prep = {
  meetingId: string;
  scheduledAt: string;
  open: boolean;
  audioRecordingRule: string | null;
  family: {
    concerns: string;
    questions: string;
    willAudioRecord: boolean;
    recordingNotice: { text: string; dueBy: string; onTime: boolean; citation: string } | null;
  } | null;
  sharedDraft: {
    id: string;
    versionNumber: number;
    items: Array<{ kind: string; id: string; title: string; text: string }>;
    comments: Array<{ id: string; itemId: string; text: string; by: string; answers: Array<{ text: string }> }>;
  } | null;
};

describe.each(DATABASE_KINDS)("meeting preparation on %s", (kind) => {
  let t: TestApp;
  let sofia: string;
  let family: Client;
  let staff: Client;
  let meetingId: string;
  const url = (rest: string) => `/api/students/${sofia}${rest}`;
  const list = async (c: Client) => ((await c.get(url("/meeting-preparation"))).json() as { items: Prep[] }).items;

  beforeAll(async () => {
    t = await buildTestApp(kind);
    sofia = t.ids?.students.get("Sofia Okafor") as string;
    const student = await t.db
      .selectFrom("students")
      .select("district_id")
      .where("id", "=", sofia)
      .executeTakeFirstOrThrow();
    const guardian = await t.make.guardian({ districtId: student.district_id, studentIds: [sofia] });
    family = await t.signIn(guardian.email, FACTORY_PASSWORD);
    staff = await t.signIn("casemanager@maplevalley.example");
  });
  afterAll(async () => {
    await t?.close();
  });

  it("the family writes concerns and questions and gives the 24-hour recording notice; the team sees them", async () => {
    const before = await list(family);
    expect(before).toHaveLength(1);
    const meeting = before[0] as Prep;
    meetingId = meeting.meetingId;
    expect(meeting).toMatchObject({ open: true, audioRecordingRule: "Cal. Ed. Code 56341.1(g)(1)", family: null });
    const res = await family.send("PUT", url(`/meetings/${meetingId}/preparation`), {
      concerns: "Sofia is not reading at home; she says the letters move.",
      questions: "Will she get reading help every day?",
      willAudioRecord: true,
    });
    expect(res.statusCode, res.body).toBe(200);
    const agenda = (await list(staff))[0] as Prep;
    expect(agenda.family).toMatchObject({
      concerns: "Sofia is not reading at home; she says the letters move.",
      questions: "Will she get reading help every day?",
      willAudioRecord: true,
    });
    const notice = agenda.family?.recordingNotice;
    expect(notice?.onTime).toBe(true);
    expect(notice?.citation).toBe("Cal. Ed. Code 56341.1(g)(1)");
    expect(notice?.text).toContain("will audio-record the IEP team meeting for Sofia Okafor");
    expect(Date.parse(notice?.dueBy ?? "")).toBe(Date.parse(meeting.scheduledAt) - 24 * 3_600_000);

    // The team is told, with the recording notice; never what the family wrote.
    const told = await t.db
      .selectFrom("notifications as n")
      .innerJoin("people as p", "p.id", "n.person_id")
      .select(["n.body", "n.link"])
      .where("n.kind", "=", "meeting-family-prepared")
      .where("p.email", "=", "casemanager@maplevalley.example")
      .execute();
    expect(told).toHaveLength(1);
    expect(told[0]?.body).toContain("will make an audio recording of the meeting (Cal. Ed. Code 56341.1(g)(1))");
    expect(told[0]?.body).not.toContain("letters move");

    const tooLong = await family.send("PUT", url(`/meetings/${meetingId}/preparation`), { concerns: "x".repeat(8001) });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain("concerns");
    expect((await staff.send("PUT", url(`/meetings/${meetingId}/preparation`), { concerns: "x" })).statusCode).toBe(
      403,
    );
  });

  it("the team shares a frozen copy; the family comments on one goal; the case manager answers", async () => {
    expect((await family.send("POST", url(`/meetings/${meetingId}/shared-drafts`), {})).statusCode).toBe(403);
    const shared = await staff.send("POST", url(`/meetings/${meetingId}/shared-drafts`), {});
    expect(shared.statusCode, shared.body).toBe(200);
    const draft = ((await list(family))[0] as Prep).sharedDraft;
    const kinds = await t.db
      .selectFrom("notifications")
      .select("kind")
      .where("kind", "like", "meeting-draft-%")
      .execute();
    expect([...new Set(kinds.map((k) => k.kind))]).toEqual(["meeting-draft-shared"]);
    expect(draft?.versionNumber).toBe(1);
    const goal = draft?.items.find((i) => i.kind === "goal");
    expect(goal?.title).toMatch(/^Goal 1/);
    expect(draft?.items.some((i) => i.kind === "service")).toBe(true);
    expect(draft?.items.some((i) => i.kind === "accommodation")).toBe(true);

    // The team keeps editing its draft; the family's copy does not change under it.
    const plan = await t.db
      .selectFrom("plans")
      .select("current_version_id")
      .where("student_id", "=", sofia)
      .executeTakeFirstOrThrow();
    await sql`update plan_versions set content = jsonb_set(content, '{goals}', '[]'::jsonb) where id = ${plan.current_version_id}`.execute(
      t.db,
    );
    expect(((await list(family))[0] as Prep).sharedDraft?.items).toEqual(draft?.items);

    const shareId = draft?.id as string;
    const comment = await family.send("POST", url(`/shared-drafts/${shareId}/comments`), {
      itemKind: "goal",
      itemId: goal?.id,
      text: "Could the goal say how often she will be tested?",
    });
    expect(comment.statusCode, comment.body).toBe(201);
    const wrong = await family.send("POST", url(`/shared-drafts/${shareId}/comments`), {
      itemKind: "goal",
      itemId: "goal-404",
      text: "?",
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain("goal-404");
    const commentId = (((await list(staff))[0] as Prep).sharedDraft?.comments[0]?.id ?? "") as string;
    expect(
      (
        await staff.send("POST", url(`/shared-drafts/${shareId}/comments`), {
          itemKind: "goal",
          itemId: goal?.id,
          text: "staff may not comment as the family",
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await family.send("POST", url(`/shared-drafts/${shareId}/comments/${commentId}/answers`), { text: "x" }))
        .statusCode,
    ).toBe(403);
    const answer = await staff.send("POST", url(`/shared-drafts/${shareId}/comments/${commentId}/answers`), {
      text: "Yes: every two weeks, and we will write that in.",
    });
    expect(answer.statusCode, answer.body).toBe(201);
    const seen = ((await list(family))[0] as Prep).sharedDraft?.comments;
    expect(seen).toHaveLength(1);
    expect(seen?.[0]).toMatchObject({
      itemId: goal?.id,
      text: "Could the goal say how often she will be tested?",
      answers: [{ text: "Yes: every two weeks, and we will write that in." }],
    });
    // The family's part and the shared draft are part of the whole record.
    const zip = await family.get(url("/record.zip"));
    expect(zip.statusCode).toBe(200);
    const files = await readZip(zip.rawPayload);
    const prep = files.get("meeting-preparation.json")?.toString() ?? "";
    expect(prep).toContain("Could the goal say how often she will be tested?");
    expect(prep).toContain("Will she get reading help every day?");
    expect(verifySums(files).wrong).toEqual([]);
  });

  it("closes when the meeting starts, and gives another district's guardian nothing", async () => {
    await t.db
      .updateTable("plan_meetings")
      .set({ scheduled_at: new Date("2026-11-20T16:00:00Z") })
      .where("id", "=", meetingId)
      .execute();
    const late = await family.send("PUT", url(`/meetings/${meetingId}/preparation`), { concerns: "one more" });
    expect(late.statusCode).toBe(409);
    const shareId = ((await list(family))[0] as Prep).sharedDraft?.id as string;
    const comment = await family.send("POST", url(`/shared-drafts/${shareId}/comments`), {
      itemKind: "service",
      itemId: "x",
      text: "late",
    });
    expect(comment.statusCode).toBe(409);
    expect(((await list(family))[0] as Prep).open).toBe(false);

    const district = await t.make.district({ name: "Elsewhere Unified" });
    const school = await t.make.school({ districtId: district.id });
    const child = await t.make.student({ districtId: district.id, schoolId: school.id });
    const guardian = await t.make.guardian({ districtId: district.id, studentIds: [child.id] });
    const other = await t.signIn(guardian.email, FACTORY_PASSWORD);
    const denied = await other.get(url("/meeting-preparation"));
    expect(denied.statusCode).toBe(404);
    expect(denied.body).not.toContain("Sofia");
    expect((await other.send("PUT", url(`/meetings/${meetingId}/preparation`), { concerns: "x" })).statusCode).toBe(
      404,
    );
    // A meeting of another student is not found under one's own child.
    expect(
      (await other.send("PUT", `/api/students/${child.id}/meetings/${meetingId}/preparation`, { concerns: "x" }))
        .statusCode,
    ).toBe(404);
  });
});
