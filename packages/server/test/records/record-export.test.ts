/** The whole record in one download: every kind of record, SHA256SUMS verified, and who may have it. */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../helpers/build-app.ts";
import { FACTORY_PASSWORD } from "../helpers/factories.ts";
import { DATABASE_KINDS } from "../helpers/test-database.ts";
import { readZip, verifySums } from "../helpers/zip-reading.ts";

describe.each(DATABASE_KINDS)("whole-record export on %s", (kind) => {
  let t: TestApp;
  let mateo: string;
  beforeAll(async () => {
    t = await buildTestApp(kind);
    mateo = t.ids?.students.get("Mateo Rivera") as string;
  });
  afterAll(async () => {
    await t?.close();
  });

  it("holds every kind of record, each file's SHA-256 in SHA256SUMS, and the download in its own record of access", async () => {
    const parent = await t.signIn("parent.rivera@family.example");
    // A letter and a records request, so that both kinds are in the file.
    const letter = await parent.send("POST", `/api/students/${mateo}/letters`, {
      request: {
        kind: "records-request",
        parentName: "Ana Rivera",
        studentName: "Mateo Rivera",
        schoolName: "Northside Elementary School",
        state: "CA",
        date: "2026-11-20",
      },
    });
    expect(letter.statusCode, letter.body).toBe(201);
    expect((await parent.send("POST", `/api/students/${mateo}/records-requests`, { channel: "app" })).statusCode).toBe(
      201,
    );

    const res = await parent.get(`/api/students/${mateo}/record.zip`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers["content-type"]).toBe("application/zip");
    expect(String(res.headers["content-disposition"])).toMatch(
      /^attachment; filename="record-rivera-mateo-\d{4}-\d\d-\d\d\.zip"$/,
    );
    const files = await readZip(res.rawPayload);
    const { listed, wrong, unlisted } = verifySums(files);
    expect(wrong).toEqual([]);
    expect(unlisted).toEqual([]);
    expect(listed.length).toBe(files.size - 1);

    const names = [...files.keys()];
    const planCount = await sql<{ n: number }>`
      select count(*)::int as n from plan_versions v join plans p on p.id = v.plan_id where p.student_id = ${mateo}`.execute(
      t.db,
    );
    const versions = planCount.rows[0]?.n ?? 0;
    expect(versions).toBeGreaterThan(0);
    expect(names.filter((n) => /^plans\/.+\/v\d+\.json$/.test(n))).toHaveLength(versions);
    expect(names.filter((n) => /^plans\/.+\/v\d+\.pdf$/.test(n))).toHaveLength(versions);
    for (const n of names.filter((n) => n.endsWith(".pdf"))) {
      expect((files.get(n) as Buffer).subarray(0, 5).toString(), n).toBe("%PDF-");
    }
    for (const n of [
      "README.txt",
      "student.json",
      "plans/index.json",
      "meetings.json",
      "signatures.json",
      "service-log.csv",
      "progress.csv",
      "records-requests.json",
      "record-of-access.csv",
      "education-records.csv",
    ]) {
      expect(names, n).toContain(n);
    }
    expect(names.some((n) => /^letters\/.+-records-request-.+\.pdf$/.test(n))).toBe(true);
    expect(names.some((n) => /^letters\/.+-records-request-.+\.json$/.test(n))).toBe(true);

    const meetings = JSON.parse(files.get("meetings.json")?.toString() ?? "[]") as unknown[];
    const meetingRows = await sql<{ n: number }>`
      select count(*)::int as n from plan_meetings m join plans p on p.id = m.plan_id where p.student_id = ${mateo}`.execute(
      t.db,
    );
    expect(meetings).toHaveLength(meetingRows.rows[0]?.n ?? -1);
    const signatures = JSON.parse(files.get("signatures.json")?.toString() ?? "[]") as unknown[];
    const signatureRows = await sql<{ n: number }>`
      select count(*)::int as n from plan_signatures s join plan_versions v on v.id = s.version_id
      join plans p on p.id = v.plan_id where p.student_id = ${mateo}`.execute(t.db);
    expect(signatures).toHaveLength(signatureRows.rows[0]?.n ?? -1);
    const sessionRows = await sql<{ n: number }>`
      select count(*)::int as n from service_sessions where student_id = ${mateo}`.execute(t.db);
    expect(files.get("service-log.csv")?.toString().trim().split("\n")).toHaveLength((sessionRows.rows[0]?.n ?? 0) + 1);
    const pointRows = await sql<{ n: number }>`
      select count(*)::int as n from progress_data_points where student_id = ${mateo}`.execute(t.db);
    expect(files.get("progress.csv")?.toString().trim().split("\n")).toHaveLength((pointRows.rows[0]?.n ?? 0) + 1);
    const requests = JSON.parse(files.get("records-requests.json")?.toString() ?? "[]") as Array<{ channel: string }>;
    expect(requests.map((r) => r.channel)).toContain("app");
    expect(files.get("education-records.csv")?.toString()).toContain("type,location,in_this_file");
    expect(files.get("README.txt")?.toString()).toContain("34 CFR 300.616");

    // The download is in the record of access, in the file and in the database.
    const access = files.get("record-of-access.csv")?.toString() ?? "";
    expect(access.split("\n")[0]).toBe("id,at,who,role,record,action,purpose");
    expect(access).toContain("download the whole record");
    const rows = await sql<{ n: number }>`
      select count(*)::int as n from record_of_access where student_id = ${mateo} and action = 'export-record'`.execute(
      t.db,
    );
    expect(rows.rows[0]?.n).toBeGreaterThanOrEqual(1);
  });

  it("gives nothing to a teacher, another district's guardian, or an advocate whose link was revoked", async () => {
    const teacher = await t.signIn("teacher@northside.maplevalley.example");
    expect((await teacher.get(`/api/students/${mateo}/record.zip`)).statusCode).toBe(403);

    const district = await t.make.district({ name: "Elsewhere Unified" });
    const school = await t.make.school({ districtId: district.id });
    const child = await t.make.student({ districtId: district.id, schoolId: school.id });
    const guardian = await t.make.guardian({ districtId: district.id, studentIds: [child.id] });
    const otherGuardian = await t.signIn(guardian.email, FACTORY_PASSWORD);
    const denied = await otherGuardian.get(`/api/students/${mateo}/record.zip`);
    expect(denied.statusCode).toBe(404);
    expect(denied.body).not.toContain("Mateo");
    // Their own child's record they do get.
    expect((await otherGuardian.get(`/api/students/${child.id}/record.zip`)).statusCode).toBe(200);

    const advocate = await t.signIn("advocate@advocacy.example");
    expect((await advocate.get(`/api/students/${mateo}/record.zip`)).statusCode).toBe(200);
    const parent = await t.signIn("parent.rivera@family.example");
    const links = (await parent.get(`/api/students/${mateo}/advocates`)).json() as {
      items: Array<{ advocateId: string }>;
    };
    const advocateId = links.items[0]?.advocateId as string;
    expect((await parent.send("DELETE", `/api/students/${mateo}/advocates/${advocateId}`)).statusCode).toBeLessThan(
      300,
    );
    const revoked = await advocate.get(`/api/students/${mateo}/record.zip`);
    expect(revoked.statusCode).toBe(404);
    expect(revoked.headers["content-type"]).not.toBe("application/zip");
  });
});
