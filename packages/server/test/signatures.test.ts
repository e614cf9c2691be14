/**
 * Signatures and consent that prove who gave them, on both databases: only the guardian records
 * their own consent in the app; staff record a paper form as its own kind; nobody signs for
 * another person; the typed name matches the account (or a different legal name is attested);
 * a paper signature carries its scanned page; and the sealed content keeps who, when, how and the
 * sign-in method, and verifies.
 */
import { hashPlanContent } from "@lantern/core";
import { hash } from "@node-rs/argon2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type Client, type TestApp } from "./helpers/build-app.ts";
import { pdfText } from "./helpers/pdf-reading.ts";
import { DATABASE_KINDS } from "./helpers/test-database.ts";

/** The smallest files of each kind, by their first bytes. */
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
const PDF = Buffer.from("%PDF-1.4\n% a scanned page\n%%EOF\n");
const scanOf = (bytes: Buffer, fileName = "page.png") => ({ fileName, dataBase64: bytes.toString("base64") });

type Detail = {
  plan: { id: string; status: string; endedOn: string | null };
  version: {
    id: string;
    status: string;
    sha256: string | null;
    hashVerified: boolean | null;
    signatures: Array<Record<string, unknown>>;
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

  it("refuses a typed name that is not the name on the account (400 naming the problem)", async () => {
    const res = await guardian.send("POST", `${base}/signatures`, { method: "typed", typedName: "Mickey Mouse" });
    expect(res.statusCode, res.body).toBe(400);
    const body = res.json() as { message: string; issues: Array<{ path: string; message: string }> };
    expect(body.message).toContain(guardianName);
    expect(body.issues).toEqual([
      expect.objectContaining({ path: "/typedName", message: expect.stringContaining("Mickey Mouse") }),
    ]);
    // An attestation of a legal name does not let any other name through.
    const other = await guardian.send("POST", `${base}/signatures`, {
      method: "typed",
      typedName: "Mickey Mouse",
      attestation: { legalName: "Alexandra Thompson", attested: true },
    });
    expect(other.statusCode, other.body).toBe(400);
    expect((await page()).version.content.signatures).toEqual([]);
  });

  it("refuses a paper signature whose file is not a PDF, PNG or JPEG by its bytes, or is larger than 5 MB, and keeps nothing", async () => {
    const send = (scan: unknown, c: Client = cm) =>
      c.send("POST", `${base}/paper-signatures`, {
        attendeeId: "staff-2",
        signerName: "Jamie Ortega",
        signedOn: "2026-11-20",
        scan,
      });
    const text = await send(scanOf(Buffer.from("<svg onload=alert(1)>"), "page.png"));
    expect(text.statusCode, text.body).toBe(400);
    expect(text.json()).toMatchObject({
      message: expect.stringMatching(/PDF, PNG or JPEG/),
      issues: [expect.objectContaining({ path: "/scan/dataBase64" })],
    });
    const big = await send(scanOf(Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024, 32)])));
    expect(big.statusCode, big.body.slice(0, 300)).toBe(400);
    expect(big.json()).toMatchObject({ message: expect.stringMatching(/5 MB/) });
    const empty = await send({ fileName: "page.pdf", dataBase64: "" });
    expect(empty.statusCode).toBe(400);
    // A provider (no right to change the plan) and the guardian cannot enter one.
    expect((await send(scanOf(PNG), slp)).statusCode).toBe(403);
    expect((await send(scanOf(PNG), guardian)).statusCode).toBe(403);
    expect((await page()).version.content.signatures).toEqual([]);
    expect(await t.db.selectFrom("plan_signature_scans").select("signature_id").execute()).toEqual([]);
  });

  it("enters a signature given on paper as its own kind, with the scanned page kept byte for byte", async () => {
    const res = await cm.send("POST", `${base}/paper-signatures`, {
      attendeeId: "staff-2",
      signerName: "Jamie Ortega",
      signedOn: "2026-11-20",
      meaning: "attendance",
      scan: scanOf(PDF, "ortega.pdf"),
    });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json() as Detail;
    const sig = d.version.content.signatures.find((s) => s.attendeeId === "staff-2");
    expect(sig).toMatchObject({
      method: "paper",
      typedName: "Jamie Ortega",
      signerAccountId: null,
      enteredBy: expect.objectContaining({ name: "Priya Natarajan" }),
      paper: expect.objectContaining({ signedOn: "2026-11-20", scanType: "application/pdf", scanBytes: PDF.length }),
      signInMethod: "password",
    });
    const view = d.version.signatures.find((s) => s.attendeeId === "staff-2");
    expect(view).toMatchObject({ method: "paper", paperSignedOn: "2026-11-20", hasScan: true });
    const scan = await guardian.get(`${base}/signatures/${view?.id}/scan`);
    expect(scan.statusCode).toBe(200);
    expect(scan.headers["content-type"]).toBe("application/pdf");
    expect(scan.headers["cache-control"]).toBe("no-store");
    expect(scan.rawPayload.equals(PDF)).toBe(true);
    // Not signed for twice.
    const again = await cm.send("POST", `${base}/paper-signatures`, {
      attendeeId: "staff-2",
      signerName: "Jamie Ortega",
      signedOn: "2026-11-20",
      scan: scanOf(PNG),
    });
    expect(again.statusCode).toBe(409);
  });

  it("accepts a legal name the signer attests to, keeps it with the signature, and seals who, when, how and the sign-in method", async () => {
    const res = await guardian.send("POST", `${base}/signatures`, {
      method: "typed",
      typedName: "alexandra  THOMPSON",
      attestation: { legalName: "Alexandra Thompson", attested: true },
      consent: { choice: "consent" },
    });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json() as Detail;
    expect(d.version.status).toBe("signed");
    const sig = d.version.content.signatures.find((s) => s.attendeeId === "parent-1");
    expect(sig).toMatchObject({
      method: "typed",
      typedName: "alexandra  THOMPSON",
      legalName: "Alexandra Thompson",
      signerName: guardianName,
      signInMethod: "password",
      signerAccountId: expect.any(String),
      signedAt: expect.any(String),
    });
    expect(d.version.content.consent).toMatchObject({
      choice: "consent",
      recorded: expect.objectContaining({ source: "app", byName: guardianName, signInMethod: "password" }),
    });
    expect(d.version.signatures.find((s) => s.attendeeId === "parent-1")).toMatchObject({
      legalName: "Alexandra Thompson",
      signInMethod: "password",
    });
    // The seal covers these facts, and verifies.
    expect(d.version.sha256).toBe(hashPlanContent(d.version.content));
    expect(d.version.hashVerified).toBe(true);
    const changed = {
      ...d.version.content,
      signatures: d.version.content.signatures.map((s) => ({ ...s, signInMethod: "single-sign-on" })),
    };
    expect(hashPlanContent(changed)).not.toBe(d.version.sha256);
  });

  it("prints each signature as it was given: in the app by whom, or on paper and entered by whom", async () => {
    const res = await guardian.get(`${base}/pdf?kind=full`);
    expect(res.statusCode).toBe(200);
    const text = pdfText(res.rawPayload).replace(/\s+/g, " ");
    expect(text).toContain("Signed on paper on November 20, 2026; entered by Priya Natarajan");
    expect(text).toContain(`Typed in the app by ${guardianName} (legal name attested: Alexandra Thompson)`);
    expect(text).toContain(`Given in the app by ${guardianName}`);
  });

  it("still verifies the seal of a plan signed before these facts were kept", async () => {
    const mateo = t.ids?.students.get("Mateo Rivera") as string;
    const plans = (await cm.get(`/api/students/${mateo}/plans`)).json() as { items: Array<{ id: string }> };
    const d = (await cm.get(`/api/students/${mateo}/plans/${plans.items[0]?.id}`)).json() as Detail;
    expect(d.version.content.signatures.length).toBeGreaterThan(0);
    for (const s of d.version.content.signatures) expect(s).not.toHaveProperty("signInMethod");
    expect(d.version.hashVerified).toBe(true);
  });
});
