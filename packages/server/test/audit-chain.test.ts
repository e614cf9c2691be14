/**
 * Tamper-evident audit trails: the sealer chains the record of access and the audit trail in
 * batches; verification recomputes everything and names the first broken link — a changed row,
 * a deleted row, a row slipped in among sealed ones, a rewritten seal — and, against an exported
 * head, a trail cut short. On PostgreSQL, a row whose transaction is still open when later rows
 * commit is sealed after it commits, not skipped; and the command line reports the exact row.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportAuditHead, sealAll, sealAudit, verifyAudit } from "../src/db/audit-chain.ts";
import type { Database } from "../src/db/schema.ts";
import { startAuditSealer } from "../src/server.ts";
import { buildTestApp, type TestApp } from "./helpers/build-app.ts";
import { createTestDatabase, DATABASE_KINDS } from "./helpers/test-database.ts";

const ROOT = resolve(import.meta.dirname, "..", "..", "..");
const BIN = join(ROOT, "bin", "lantern.js");

/** As the database's owner, with the append-only triggers off: what a tamperer with full rights does. */
async function tamper(db: Kysely<Database>, table: string, statement: string) {
  await db.transaction().execute(async (trx) => {
    await sql.raw(`alter table ${table} disable trigger user`).execute(trx);
    await sql.raw(statement).execute(trx);
    await sql.raw(`alter table ${table} enable trigger user`).execute(trx);
  });
}

async function readSomeRecords(t: TestApp) {
  const cm = await t.signIn("casemanager@maplevalley.example");
  const studentId = t.ids?.students.get("Mateo Rivera") as string;
  const plans = (await cm.get(`/api/students/${studentId}/plans`)).json() as { items: Array<{ id: string }> };
  for (const plan of plans.items)
    expect((await cm.get(`/api/students/${studentId}/plans/${plan.id}`)).statusCode).toBe(200);
  expect((await cm.get(`/api/students/${studentId}`)).statusCode).toBe(200);
}

const lastId = async (db: Kysely<Database>, table: "record_of_access" | "audit_events") =>
  Number((await sql<{ id: number }>`select max(id) as id from ${sql.table(table)}`.execute(db)).rows[0]?.id);

describe.each(DATABASE_KINDS)("audit seals on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("is sealed by the server's sealer within a few of its calls, without being asked", async () => {
    const d = await createTestDatabase(kind, { seed: false });
    const warnings: unknown[] = [];
    const sealer = startAuditSealer({ log: { warn: (w: unknown) => warnings.push(w) } as never }, d, 50);
    try {
      await sql`insert into audit_events (action) select 'auth.signed-in' from generate_series(1, 3)`.execute(d.db);
      const deadline = Date.now() + 10_000;
      let unsealed = 3;
      while (unsealed > 0 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
        unsealed = (await verifyAudit(d.db)).unsealedRows.audit_events;
      }
      expect(unsealed).toBe(0);
      expect(warnings).toEqual([]);
    } finally {
      await sealer.stop();
      await d.close();
    }
  });

  it("verifies a fresh database", async () => {
    const fresh = await createTestDatabase(kind, { seed: false });
    try {
      const result = await verifyAudit(fresh.db);
      expect(result).toMatchObject({ ok: true, broken: null, seals: 0 });
      await sealAll(fresh.db);
      expect((await verifyAudit(fresh.db)).ok).toBe(true);
      // A session's time zone and date style change how a timestamp reads, not what is sealed.
      await sql`set timezone = 'Pacific/Auckland'`.execute(fresh.db);
      await sql`set datestyle = 'SQL, DMY'`.execute(fresh.db);
      await sql`insert into audit_events (action) values ('auth.signed-in'), ('auth.signed-out')`.execute(fresh.db);
      await sealAll(fresh.db);
      const after = await verifyAudit(fresh.db);
      expect(after.broken).toBeNull();
      expect(after.sealedRows.audit_events).toBe(2);
    } finally {
      await fresh.close();
    }
  });

  it("seals every row read or written, in chained seals that verify", async () => {
    await readSomeRecords(t);
    await sealAll(t.db);
    const result = await verifyAudit(t.db);
    expect(result.broken).toBeNull();
    expect(result.seals).toBeGreaterThan(0);
    const total = Number(
      (await sql<{ n: number }>`select count(*)::int as n from record_of_access`.execute(t.db)).rows[0]?.n,
    );
    expect(result.sealedRows.record_of_access).toBe(total);
    expect(result.unsealedRows).toEqual({ audit_events: 0, record_of_access: 0 });
  });

  it("names a changed row, a deleted row and a row slipped in among sealed ones", async () => {
    await readSomeRecords(t);
    await sealAll(t.db);
    const changed = (await lastId(t.db, "record_of_access")) - 2;
    await tamper(
      t.db,
      "record_of_access",
      `update record_of_access set purpose = 'nothing to see' where id = ${changed}`,
    );
    const afterChange = await verifyAudit(t.db);
    expect(afterChange.broken, JSON.stringify(afterChange)).toMatchObject({
      table: "record_of_access",
      rowId: changed,
    });

    // Audit events are checked before the record of access: the deleted event is now the first break.
    const deleted = await lastId(t.db, "audit_events");
    await tamper(t.db, "audit_events", `delete from audit_events where id = ${deleted}`);
    const afterDelete = await verifyAudit(t.db);
    expect(afterDelete.broken).toMatchObject({ table: "audit_events", rowId: deleted });
    expect(afterDelete.broken?.reason).toContain("missing");
  });

  it("catches a row slipped in and a rewritten seal, and a trail cut short against the exported head", async () => {
    const d = await createTestDatabase(kind, { seed: true });
    try {
      for (const batch of [1, 2]) {
        await sql`insert into audit_events (action, details) select 'auth.signed-in', jsonb_build_object('n', n, 'batch', ${batch}::int)
          from generate_series(1, 5) n`.execute(d.db);
        await sealAll(d.db);
      }
      const head = await exportAuditHead(d.db);
      expect(head.sealId).toBeGreaterThan(0);
      expect((await verifyAudit(d.db, head)).ok).toBe(true);

      await sql`insert into audit_events (id, action) values (-3, 'auth.signed-in')`.execute(d.db);
      expect((await verifyAudit(d.db)).broken).toMatchObject({ table: "audit_events", rowId: -3 });
      await tamper(d.db, "audit_events", "delete from audit_events where id = -3");
      expect((await verifyAudit(d.db)).ok).toBe(true);

      // Cut the tail: the last seal and every row it covered, consistently, as the owner could.
      const last = (
        await sql<{ id: number; table_name: string; first: number }>`
        select id, table_name, lower(rows) as first from audit_seals order by id desc limit 1`.execute(d.db)
      ).rows[0];
      if (!last) throw new Error("sealed");
      await tamper(d.db, last.table_name, `delete from ${last.table_name} where id >= ${last.first}`);
      await tamper(d.db, "audit_seals", `delete from audit_seals where id = ${last.id}`);
      expect((await verifyAudit(d.db)).ok).toBe(true);
      const cut = await verifyAudit(d.db, head);
      expect(cut.ok).toBe(false);
      expect(cut.broken?.reason).toContain("cut short");

      // Rewrite a seal in place: it no longer matches its content.
      await tamper(
        d.db,
        "audit_seals",
        "update audit_seals set row_hashes = row_hashes || '\\x00'::bytea where id = (select min(id) from audit_seals)",
      );
      const first = Number(
        (await sql<{ id: number }>`select min(id) as id from audit_seals`.execute(d.db)).rows[0]?.id,
      );
      expect((await verifyAudit(d.db)).broken).toMatchObject({ table: "audit_seals", rowId: first });
    } finally {
      await d.close();
    }
  });
});

describe("audit seals on PostgreSQL with concurrent writers", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp("postgres");
  });
  afterAll(async () => {
    await t?.close();
  });

  it("seals a row whose transaction commits after later rows, instead of skipping it", async () => {
    await sealAll(t.db);
    const person = t.ids?.people["casemanager@maplevalley.example"] as string;
    const student = t.ids?.students.get("Mateo Rivera") as string;
    const row = {
      person_id: person,
      student_id: student,
      record: "student",
      action: "read-record",
      purpose: "t",
      basis: "t",
    };
    let release: () => void = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    let slowId = 0;
    const slow = t.db.transaction().execute(async (trx) => {
      slowId = Number(
        (await trx.insertInto("record_of_access").values(row).returning("id").executeTakeFirstOrThrow()).id,
      );
      await held;
    });
    while (slowId === 0) await new Promise((r) => setTimeout(r, 10));
    const fast = Number(
      (await t.db.insertInto("record_of_access").values(row).returning("id").executeTakeFirstOrThrow()).id,
    );
    expect(fast).toBeGreaterThan(slowId);
    for (let i = 0; i < 4; i++) await sealAudit(t.db);
    const state = (
      await sql<{ sealed_through: number }>`select sealed_through from audit_seal_state
      where table_name = 'record_of_access'`.execute(t.db)
    ).rows[0];
    expect(Number(state?.sealed_through)).toBeLessThan(slowId);
    release();
    await slow;
    await sealAll(t.db);
    const result = await verifyAudit(t.db);
    expect(result.broken).toBeNull();
    expect(result.unsealedRows.record_of_access).toBe(0);
  });

  it("lantern audit verify passes on a fresh database and names the row an owner changed with triggers off", async () => {
    const fresh = await createTestDatabase("postgres", { seed: false });
    const d = await createTestDatabase("postgres", { seed: true });
    try {
      const run = (url: string, args: string[]) =>
        spawnSync(process.execPath, [BIN, "audit", ...args], {
          cwd: ROOT,
          env: { ...process.env, DATABASE_URL: url, MIGRATION_DATABASE_URL: "" },
          encoding: "utf8",
          timeout: 60_000,
        });
      const ok = run(fresh.url as string, ["verify"]);
      expect(ok.stderr).toBe("");
      expect(ok.status, ok.stdout).toBe(0);
      expect(ok.stdout).toContain("intact");

      await sql`insert into audit_events (action, details) select 'auth.signed-in', jsonb_build_object('n', n)
        from generate_series(1, 5) n`.execute(d.db);
      const headFile = join(mkdtempSync(join(tmpdir(), "lantern-head-")), "head.json");
      const head = run(d.url as string, ["head", "-o", headFile]);
      expect(head.status, head.stderr).toBe(0);
      expect(run(d.url as string, ["verify", "--head", headFile]).status).toBe(0);

      const target = await lastId(d.db, "audit_events");
      await tamper(
        d.db,
        "audit_events",
        `update audit_events set details = '{"note":"rewritten"}' where id = ${target}`,
      );
      const broken = run(d.url as string, ["verify", "--head", headFile]);
      expect(broken.status).toBe(1);
      expect(broken.stdout.trim()).toBe(
        `Broken: audit_events row ${target} differs from what seal ${await sealOf(d.db, target)} holds (the row was changed)`,
      );

      writeFileSync(headFile, "{}");
      const badHead = run(d.url as string, ["verify", "--head", headFile]);
      expect(badHead.status).toBe(2);
      expect(badHead.stderr.trim().split("\n")).toHaveLength(1);
    } finally {
      await fresh.close();
      await d.close();
    }
  });
});

async function sealOf(db: Kysely<Database>, id: number): Promise<number> {
  const r = await sql<{ id: number }>`select id from audit_seals
    where table_name = 'audit_events' and rows @> ${id}::int8`.execute(db);
  return Number(r.rows[0]?.id);
}
