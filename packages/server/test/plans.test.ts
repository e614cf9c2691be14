/**
 * The plan workspace on both databases: sealing enforced by the database, the hash verifies,
 * amendments make new versions, two writers on one draft never lose an update, the lifecycle
 * path and its refusals, and guardians reading and signing only their own child's plan.
 */
import { hashPlanContent, sample504 } from "@lantern/core";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type Client, type TestApp } from "./helpers/build-app.ts";
import { expectAccessiblePdf } from "./helpers/pdf-expectations.ts";
import { DATABASE_KINDS } from "./helpers/test-database.ts";

type Detail = {
  plan: { id: string; status: string; inEffectVersionId: string | null; endedReason: string | null };
  version: {
    id: string;
    number: number;
    status: string;
    revision: number;
    sealedAt: string | null;
    sha256: string | null;
    hashVerified: boolean | null;
    parentVersionId: string | null;
    content: Record<string, unknown> & {
      attendees: Array<{ id: string; role: string; accountId: string | null }>;
      priorWrittenNotice: Record<string, unknown> | null;
      dates: Record<string, unknown>;
      services: Array<Record<string, unknown>>;
    };
  };
  versions: Array<{ id: string; number: number; status: string }>;
  meetings: Array<{ id: string }>;
  checks: { propose: unknown[]; seal: unknown[] };
  youMaySignAs: string[];
};

const CM = "casemanager@maplevalley.example";
const PARENT = "parent.rivera@family.example";

describe.each(DATABASE_KINDS)("plan workspace on %s", (kind) => {
  let t: TestApp;
  let cm: Client;
  let parent: Client;
  const sid = (name: string) => t.ids?.students.get(name) as string;
  const plansOf = async (c: Client, studentId: string) =>
    (await c.get(`/api/students/${studentId}/plans`)).json() as {
      items: Array<{ id: string; type: string; status: string }>;
      active504PlanId: string | null;
    };

  beforeAll(async () => {
    t = await buildTestApp(kind);
    cm = await t.signIn(CM);
    parent = await t.signIn(PARENT);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("seeds plans at every stage, with badges on the student list", async () => {
    const rows = await sql<{ status: string; type: string }>`select status, type from plans`.execute(t.db);
    const statuses = new Set(rows.rows.map((r) => `${r.type}:${r.status}`));
    for (const s of ["iep:draft", "iep:proposed", "iep:signed", "iep:in-effect", "iep:ended", "section-504:in-effect"])
      expect(statuses).toContain(s);
    const list = (await cm.get("/api/students?limit=50")).json() as {
      items: Array<{ firstName: string; lastName: string; plans: Array<{ type: string; status: string }> }>;
    };
    const mateo = list.items.find((s) => s.firstName === "Mateo" && s.lastName === "Rivera");
    expect(mateo?.plans).toEqual([expect.objectContaining({ type: "iep", status: "in-effect" })]);
    const noah = list.items.find((s) => s.firstName === "Noah");
    expect(noah?.plans.map((p) => p.type).sort()).toEqual(["iep", "section-504"]);
  });

  it("offers starting a plan only to those who may write one: not to a guardian", async () => {
    const mateo = sid("Mateo Rivera");
    const asParent = (await parent.get(`/api/students/${mateo}/plans`)).json() as { permissions: { write: boolean } };
    const asCm = (await cm.get(`/api/students/${mateo}/plans`)).json() as { permissions: { write: boolean } };
    expect(asParent.permissions).toEqual({ write: false });
    expect(asCm.permissions).toEqual({ write: true });
  });

  it("verifies the seal of a seeded plan and refuses any change to a sealed version at the database", async () => {
    const { items } = await plansOf(cm, sid("Mateo Rivera"));
    const planId = items[0]?.id as string;
    const detail = (await cm.get(`/api/students/${sid("Mateo Rivera")}/plans/${planId}`)).json() as Detail;
    expect(detail.version.sealedAt).not.toBeNull();
    expect(detail.version.hashVerified).toBe(true);
    expect(detail.version.sha256).toBe(hashPlanContent(detail.version.content));
    const versionId = detail.version.id;

    await expect(
      sql`update plan_versions set content = jsonb_set(content, '{placement,percentInGeneralEducation}', '10') where id = ${versionId}`.execute(
        t.db,
      ),
    ).rejects.toThrow(/sealed/);
    await expect(
      sql`update plan_versions set content_sha256 = ${"0".repeat(64)} where id = ${versionId}`.execute(t.db),
    ).rejects.toThrow(/sealed/);
    await expect(sql`delete from plan_versions where id = ${versionId}`.execute(t.db)).rejects.toThrow(/sealed/);
    const after = await sql<{ content: unknown; content_sha256: string }>`
      select content, content_sha256 from plan_versions where id = ${versionId}`.execute(t.db);
    expect(hashPlanContent(after.rows[0]?.content)).toBe(after.rows[0]?.content_sha256.trim());

    // Through the API: a sealed version cannot be saved as a draft.
    const res = await cm.send("PUT", `/api/students/${sid("Mateo Rivera")}/plans/${planId}/draft`, {
      revision: detail.version.revision,
      content: detail.version.content,
    });
    expect(res.statusCode).toBe(409);
  });

  it("two writers on one draft: exactly one 409, and no update is lost", async () => {
    const studentId = sid("Sofia Okafor");
    const planId = (await plansOf(cm, studentId)).items[0]?.id as string;
    const d = (await cm.get(`/api/students/${studentId}/plans/${planId}`)).json() as Detail;
    const other = await t.signIn("admin@maplevalley.example");
    const url = `/api/students/${studentId}/plans/${planId}/draft`;
    const mine = { ...d.version.content, placement: { ...(d.version.content.placement as object), school: "Mine" } };
    const theirs = {
      ...d.version.content,
      placement: { ...(d.version.content.placement as object), school: "Theirs" },
    };
    const [a, b] = await Promise.all([
      cm.send("PUT", url, { revision: d.version.revision, content: mine }),
      other.send("PUT", url, { revision: d.version.revision, content: theirs }),
    ]);
    const codes = [a.statusCode, b.statusCode].sort();
    expect(codes).toEqual([200, 409]);
    const winner = a.statusCode === 200 ? "Mine" : "Theirs";
    const loser = a.statusCode === 409 ? a : b;
    const conflict = loser.json() as { details: { revision: number; content: { placement: { school: string } } } };
    expect(conflict.details.revision).toBe(d.version.revision + 1);
    expect(conflict.details.content.placement.school).toBe(winner);

    // The loser merges onto the current revision and saves: both edits survive.
    const merged = {
      ...conflict.details.content,
      placement: { ...conflict.details.content.placement, school: `${winner} + merged` },
    };
    const again = await (a.statusCode === 409 ? cm : other).send("PUT", url, {
      revision: conflict.details.revision,
      content: merged,
    });
    expect(again.statusCode).toBe(200);
    const now = (await cm.get(`/api/students/${studentId}/plans/${planId}`)).json() as Detail;
    expect((now.version.content.placement as { school: string }).school).toBe(`${winner} + merged`);
    expect(now.version.revision).toBe(d.version.revision + 2);
  });

  it("runs the lifecycle: annual review draft → meeting → attendance → propose → parent signs → sealed → in effect", async () => {
    const studentId = sid("Mateo Rivera");
    const planId = (await plansOf(cm, studentId)).items[0]?.id as string;
    const base = `/api/students/${studentId}/plans/${planId}`;
    const before = (await cm.get(base)).json() as Detail;

    // Refusals: cannot propose or sign a plan in effect; a guardian cannot amend.
    expect((await cm.send("POST", `${base}/propose`, {})).statusCode).toBe(409);
    expect((await parent.send("POST", `${base}/amend`, { kind: "annual-review" })).statusCode).toBe(403);
    // An amendment without a meeting needs the parent's written agreement (300.324(a)(4)).
    const noAgreement = await cm.send("POST", `${base}/amend`, {
      kind: "amendment",
      amendment: { madeAtMeeting: false, description: "Fewer speech sessions" },
    });
    expect(noAgreement.statusCode).toBe(400);
    expect(noAgreement.body).toContain("300.324(a)(4)");
    expect(noAgreement.json().issues.map((i: { path: string }) => i.path)).toContain(
      "/amendment/parentWrittenAgreementDate",
    );

    const review = await cm.send("POST", `${base}/amend`, { kind: "annual-review" });
    expect(review.statusCode).toBe(200);
    const draft = review.json() as Detail;
    expect(draft.version.number).toBe(2);
    expect(draft.version.parentVersionId).toBe(before.version.id);
    expect(draft.version.status).toBe("draft");
    expect(draft.plan.status).toBe("in-effect");
    expect(draft.versions.map((v) => v.number)).toEqual([2, 1]);

    // Edit: fewer speech minutes, and the prior written notice date.
    const content = {
      ...draft.version.content,
      services: draft.version.content.services.map((s) =>
        s.area === "speech-language-pathology" ? { ...s, minutesPerSession: 15 } : s,
      ),
      priorWrittenNotice: { ...draft.version.content.priorWrittenNotice, date: "2026-11-23" },
    };
    const saved = await cm.send("PUT", `${base}/draft`, { revision: draft.version.revision, content });
    expect(saved.statusCode, saved.body).toBe(200);

    const meeting = await cm.send("POST", `${base}/meetings`, {
      scheduledAt: "2026-11-23T15:30:00-08:00",
      location: "Room 12",
      purpose: "Annual IEP review",
      meetingType: "annual",
      notice: { sentOn: "2026-11-09" },
    });
    expect(meeting.statusCode, meeting.body).toBe(200);
    const m = meeting.json() as Detail;
    const meetingId = m.meetings[0]?.id as string;
    const attendance = await cm.send("PUT", `${base}/meetings/${meetingId}/attendance`, {
      attendance: m.version.content.attendees.map((a) => ({ attendeeId: a.id, status: "attended" })),
      notes: "Reviewed progress; speech sessions shortened.",
      parentParticipation: "in-person",
    });
    expect(attendance.statusCode, attendance.body).toBe(200);

    // Logging an attempt to reach the parent (300.322(d)) keeps the attendance already recorded.
    const contact = await cm.send("PUT", `${base}/meetings/${meetingId}/attendance`, {
      attendance: [],
      parentContactAttempts: [{ date: "2026-11-10", method: "phone", result: "Left a message" }],
    });
    expect(contact.statusCode, contact.body).toBe(200);
    const afterContact = contact.json() as {
      meetings: Array<{ id: string; attendance: unknown[]; parentContactAttempts: unknown[] }>;
      version: { content: { attendees: Array<{ attendance: string }> } };
    };
    const met = afterContact.meetings.find((x) => x.id === meetingId);
    expect(met?.attendance).toHaveLength(m.version.content.attendees.length);
    expect(met?.parentContactAttempts).toEqual([{ date: "2026-11-10", method: "phone", result: "Left a message" }]);
    expect(afterContact.version.content.attendees.every((a) => a.attendance === "attended")).toBe(true);

    const proposed = await cm.send("POST", `${base}/propose`, {});
    expect(proposed.statusCode, proposed.body).toBe(200);
    const p = proposed.json() as Detail;
    expect(p.version.status).toBe("proposed");
    expect((p.version.content.meeting as { notes: string }).notes).toContain("speech sessions");

    // Diff against last year's version, in plain language.
    const diff = (await cm.get(`${base}/diff`)).json() as { changes: Array<{ text: string }> };
    expect(diff.changes.map((c) => c.text).join("\n")).toMatch(/Speech/i);

    // The guardian signs by typing, with consent: the version is sealed.
    const forParent = (await parent.get(base)).json() as Detail;
    const parentAttendee = forParent.youMaySignAs[0] as string;
    expect(forParent.version.content.attendees.find((a) => a.id === parentAttendee)?.role).toBe("parent");
    const signed = await parent.send("POST", `${base}/signatures`, {
      attendeeId: parentAttendee,
      method: "typed",
      typedName: "Ana Rivera",
      consent: { choice: "consent" },
    });
    expect(signed.statusCode, signed.body).toBe(200);
    const s = signed.json() as Detail;
    expect(s.version.status).toBe("signed");
    expect(s.version.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(s.version.hashVerified).toBe(true);
    // Signing twice is refused.
    expect(
      (
        await parent.send("POST", `${base}/signatures`, {
          attendeeId: parentAttendee,
          method: "typed",
          typedName: "Ana Rivera",
        })
      ).statusCode,
    ).toBe(409);

    // Last year's version is untouched and still verifies.
    const v1 = (await cm.get(`${base}/versions/${before.version.id}`)).json() as Detail["version"];
    expect(v1.sha256).toBe(before.version.sha256);
    expect(v1.hashVerified).toBe(true);

    const effective = await cm.send("POST", `${base}/put-in-effect`, {});
    expect(effective.statusCode, effective.body).toBe(200);
    const e = effective.json() as Detail;
    expect(e.version.status).toBe("in-effect");
    expect(e.versions.find((v) => v.number === 1)?.status).toBe("ended");

    const audit = await sql<{ action: string }>`
      select action from audit_events where subject = ${`plan:${planId}`} order by id`.execute(t.db);
    expect(audit.rows.map((r) => r.action)).toEqual(
      expect.arrayContaining([
        "plan.amended",
        "plan.draft-saved",
        "meeting.scheduled",
        "plan.proposed",
        "plan.signed",
        "plan.sealed",
        "plan.put-in-effect",
      ]),
    );
  });

  it("refuses to propose an IEP whose prior written notice is incomplete", async () => {
    const studentId = sid("Lucas Silva");
    const created = await cm.send("POST", `/api/students/${studentId}/plans`, { type: "iep" });
    expect(created.statusCode, created.body).toBe(201);
    const d = created.json() as Detail;
    expect(d.checks.propose.length).toBeGreaterThan(0);
    const res = await cm.send("POST", `/api/students/${studentId}/plans/${d.plan.id}/propose`, {});
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      issues: expect.arrayContaining([expect.objectContaining({ path: "/priorWrittenNotice" })]),
    });
    // A second open IEP for the same student is refused.
    expect((await cm.send("POST", `/api/students/${studentId}/plans`, { type: "iep" })).statusCode).toBe(409);
    // Invalid content names the path.
    const bad = await cm.send("PUT", `/api/students/${studentId}/plans/${d.plan.id}/draft`, {
      revision: d.version.revision,
      content: { ...d.version.content, dates: { planStart: "next week" } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("planStart");
  });

  it("refuses to propose a 504 plan with an impairment that names no major life activity (34 CFR 104.3(j)(1))", async () => {
    const ids = t.ids;
    if (!ids) throw new Error("seeded");
    const student = await t.make.student({ districtId: ids.districtId, schoolId: ids.schools.northside });
    const cmId = ids.people[CM];
    await t.db
      .insertInto("caseload_members")
      .values({ person_id: cmId, student_id: student.id, role: "case-manager" })
      .execute();
    const sample = sample504();
    const [first] = sample.impairments;
    if (!first) throw new Error("the sample has an impairment");
    const content = {
      ...sample,
      impairments: [...sample.impairments, { ...first, id: "imp-asthma", name: "Asthma", limitations: [] }],
    };
    const created = await cm.send("POST", `/api/students/${student.id}/plans`, { type: "section-504", content });
    expect(created.statusCode, created.body).toBe(201);
    const d = created.json() as Detail;
    const res = await cm.send("POST", `/api/students/${student.id}/plans/${d.plan.id}/propose`, {});
    expect(res.statusCode, res.body).toBe(409);
    const issue = (res.json() as { issues: Array<{ path: string; message: string }> }).issues.find(
      (i) => i.path === `/impairments/${content.impairments.length - 1}/limitations`,
    );
    expect(issue?.message).toMatch(/Asthma/);
    const check = await cm.get(`/api/students/${student.id}/plans/${d.plan.id}/compliance`);
    expect(check.statusCode, check.body).toBe(200);
    expect(check.body).toContain("section504.impairment-without-activity");
    const after = await t.db.selectFrom("plans").select("status").where("id", "=", d.plan.id).executeTakeFirstOrThrow();
    expect(after.status).toBe("draft");
  });

  it("when an IEP takes effect the student's 504 plan ends with the reason recorded (104.33(b)(2))", async () => {
    const studentId = sid("Noah Nguyen");
    const list = await plansOf(cm, studentId);
    const iep = list.items.find((p) => p.type === "iep") as { id: string };
    const p504 = list.active504PlanId as string;
    const base = `/api/students/${studentId}/plans/${iep.id}`;
    const d = (await cm.get(base)).json() as Detail;
    const carried = (d.version.content.accommodations as Array<{ id: string }>).filter((a) =>
      a.id.startsWith("from-504-"),
    );
    expect(carried.length).toBeGreaterThan(0);
    const content = { ...d.version.content, dates: { ...d.version.content.dates, planStart: "2026-11-20" } };
    expect((await cm.send("PUT", `${base}/draft`, { revision: d.version.revision, content })).statusCode).toBe(200);
    expect((await cm.send("POST", `${base}/propose`, {})).statusCode).toBe(200);
    // Consent given on paper is recorded by staff (partial consent names the excluded part); without the
    // parent's signature the version is not sealed yet.
    const noParts = await cm.send("POST", `${base}/consent`, {
      choice: "consent-except",
      attendeeId: "parent-1",
      source: "paper",
    });
    expect(noParts.statusCode, noParts.body).toBe(400);
    expect(noParts.json()).toMatchObject({ issues: [expect.objectContaining({ path: "/exclusions" })] });
    const consent = await cm.send("POST", `${base}/consent`, {
      choice: "consent-except",
      attendeeId: "parent-1",
      source: "paper",
      exclusions: [{ section: "services", itemId: "svc-2", description: "Speech-language services" }],
    });
    expect(consent.statusCode, consent.body).toBe(200);
    const afterConsent = consent.json() as Detail;
    expect(afterConsent.version.status).toBe("proposed");
    expect(afterConsent.version.content.consent).toMatchObject({
      recorded: { source: "paper", byName: "Priya Natarajan", paperDate: "2026-11-23" },
    });
    expect(afterConsent.checks.seal).toEqual([expect.objectContaining({ path: "/signatures" })]);
    // Guardian accounts sign for themselves: give Noah's guardian a sign-in.
    const guardian = await t.db
      .selectFrom("guardianships as g")
      .innerJoin("people as p", "p.id", "g.person_id")
      .select(["p.id", "p.email"])
      .where("g.student_id", "=", studentId)
      .executeTakeFirstOrThrow();
    const { hash } = await import("@node-rs/argon2");
    await t.db
      .updateTable("people")
      .set({ password_hash: await hash("lantern-demo") })
      .where("id", "=", guardian.id)
      .execute();
    const g = await t.signIn(guardian.email);
    // Partial consent given with a signature names what it leaves out.
    const unnamed = await g.send("POST", `${base}/signatures`, {
      method: "typed",
      typedName: "X",
      consent: { choice: "consent-except", exclusions: [] },
    });
    expect(unnamed.statusCode, unnamed.body).toBe(400);
    expect(unnamed.json()).toMatchObject({ issues: [expect.objectContaining({ path: "/consent/exclusions" })] });
    // Another family's guardian cannot read or sign it.
    expect((await parent.get(base)).statusCode).toBe(404);
    expect(
      (await parent.send("POST", `${base}/signatures`, { attendeeId: "parent-1", method: "typed", typedName: "X" }))
        .statusCode,
    ).toBe(404);
    // A guardian cannot sign as a staff member.
    expect(
      (await g.send("POST", `${base}/signatures`, { attendeeId: "staff-2", method: "typed", typedName: "X" }))
        .statusCode,
    ).toBe(403);
    const signed = await g.send("POST", `${base}/signatures`, {
      attendeeId: "parent-1",
      method: "typed",
      typedName: "Jordan Nguyen",
    });
    expect(signed.statusCode, signed.body).toBe(200);
    expect((signed.json() as Detail).version.status).toBe("signed");
    const effective = await cm.send("POST", `${base}/put-in-effect`, {});
    expect(effective.statusCode, effective.body).toBe(200);
    const ended = (await cm.get(`/api/students/${studentId}/plans/${p504}`)).json() as Detail;
    expect(ended.plan.status).toBe("ended");
    expect(ended.plan.endedReason).toContain("104.33(b)(2)");

    // The change queued both plans; the next read of the student's compliance follows it: the
    // IEP's stored row shows it in effect and the ended 504's row is gone.
    const queued = await t.db
      .selectFrom("compliance_queue")
      .select("plan_id")
      .where("student_id", "=", studentId)
      .execute();
    expect(queued.map((q) => q.plan_id).sort()).toEqual([iep.id, p504].sort());
    expect((await cm.get(`/api/students/${studentId}/plans/${iep.id}/compliance`)).statusCode).toBe(200);
    const rows = await t.db
      .selectFrom("plan_compliance")
      .select(["plan_id", "plan_status"])
      .where("student_id", "=", studentId)
      .execute();
    expect(rows.find((r) => r.plan_id === p504)).toBeUndefined();
    expect(rows.find((r) => r.plan_id === iep.id)?.plan_status).toBe("in-effect");
  });

  it("prints the plan as PDF, and writes the record of access for each read", async () => {
    const studentId = sid("Mateo Rivera");
    const planId = (await plansOf(parent, studentId)).items[0]?.id as string;
    const before = await sql<{
      n: number;
    }>`select count(*)::int as n from record_of_access where record = ${`plan:${planId}`}`.execute(t.db);
    const kinds = ["full", "parent-summary", "at-a-glance", "prior-written-notice", "meeting-notice"];
    for (const kind of kinds) {
      const res = await parent.get(`/api/students/${studentId}/plans/${planId}/pdf?kind=${kind}`);
      expect(res.statusCode, `${kind}: ${res.body.slice(0, 200)}`).toBe(200);
      expect(res.headers["content-type"]).toContain("application/pdf");
      expect(res.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    }
    const after = await sql<{
      n: number;
    }>`select count(*)::int as n from record_of_access where record = ${`plan:${planId}`}`.execute(t.db);
    expect(after.rows[0]?.n).toBe((before.rows[0]?.n ?? 0) + kinds.length);
  });

  it("prints the notice of the meeting scheduled for the plan (300.322(b)) for the family, tagged", async () => {
    // The lifecycle test scheduled Mateo's annual review meeting for the version now in effect.
    const studentId = sid("Mateo Rivera");
    const planId = (await plansOf(parent, studentId)).items[0]?.id as string;
    const base = `/api/students/${studentId}/plans/${planId}`;
    const detail = (await parent.get(base)).json() as Detail;
    const meetingId = detail.meetings[0]?.id as string;
    for (const query of ["kind=meeting-notice", `kind=meeting-notice&meetingId=${meetingId}`]) {
      const res = await parent.get(`${base}/pdf?${query}`);
      expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
      const pdf = expectAccessiblePdf(res.rawPayload, { furniture: "Mateo Rivera · Notice of IEP team meeting" });
      expect(pdf.title).toMatch(/^Notice of IEP team meeting: Mateo Rivera/);
      for (const words of [
        "Why we are meeting 34 CFR 300.322(b)(1)(i) Annual IEP review",
        "When 34 CFR 300.322(b)(1)(i) November 23, 2026 at 3:30 PM",
        "Where 34 CFR 300.322(b)(1)(i) Room 12",
        "You may bring others 34 CFR 300.322(b)(1)(ii); 300.321(a)(6)",
        "Date of this notice: November 9, 2026",
      ])
        expect(pdf.text).toContain(words);
    }
    const unknown = await parent.get(`${base}/pdf?kind=meeting-notice&meetingId=00000000-0000-4000-8000-000000000000`);
    expect(unknown.statusCode).toBe(404);
    // The IEP created for Lucas Silva above has no meeting scheduled: no notice to print.
    const lucas = sid("Lucas Silva");
    const lucasPlan = (await plansOf(cm, lucas)).items.find((x) => x.type === "iep")?.id as string;
    const unscheduled = await cm.get(`/api/students/${lucas}/plans/${lucasPlan}/pdf?kind=meeting-notice`);
    expect(unscheduled.statusCode, unscheduled.body).toBe(404);
  });

  it("prints DRAFT on every page of a version that is not sealed, and not on a sealed one", async () => {
    const draftStudent = sid("Sofia Okafor");
    const draftPlan = (await plansOf(cm, draftStudent)).items[0]?.id as string;
    const draft = await cm.get(`/api/students/${draftStudent}/plans/${draftPlan}/pdf?kind=full`);
    expect(draft.statusCode).toBe(200);
    const d = (await cm.get(`/api/students/${draftStudent}/plans/${draftPlan}`)).json() as Detail;
    expect(d.version.sealedAt).toBeNull();
    expectAccessiblePdf(draft.rawPayload, { draft: true, furniture: "Sofia Okafor · IEP" });

    const sealedStudent = sid("Mateo Rivera");
    const sealedPlan = (await plansOf(cm, sealedStudent)).items[0]?.id as string;
    const sealed = await cm.get(`/api/students/${sealedStudent}/plans/${sealedPlan}/pdf?kind=full`);
    const s = (await cm.get(`/api/students/${sealedStudent}/plans/${sealedPlan}`)).json() as Detail;
    expect(s.version.sha256).toMatch(/^[0-9a-f]{64}$/);
    const groups = (s.version.sha256 as string).slice(0, 16).replace(/(.{4})/g, "$1 ");
    expectAccessiblePdf(sealed.rawPayload, { draft: false, furniture: `Mateo Rivera · IEP · SHA-256 ${groups}` });
  });

  it("prints a proposed IEP and its prior written notice without DRAFT: the offer and its notice are real", async () => {
    const student = sid("Aaliyah Thompson");
    const planId = (await plansOf(cm, student)).items.find((x) => x.type === "iep")?.id as string;
    const d = (await cm.get(`/api/students/${student}/plans/${planId}`)).json() as Detail;
    expect(d.version.status).toBe("proposed");
    expect(d.version.sealedAt).toBeNull();
    for (const [kind, title] of [
      ["full", "IEP"],
      ["prior-written-notice", "Prior written notice"],
    ]) {
      const pdf = await cm.get(`/api/students/${student}/plans/${planId}/pdf?kind=${kind}`);
      expect(pdf.statusCode, pdf.body).toBe(200);
      expectAccessiblePdf(pdf.rawPayload, { draft: false, furniture: `Aaliyah Thompson · ${title}` });
    }
  });
});
