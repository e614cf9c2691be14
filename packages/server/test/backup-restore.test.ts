/**
 * `lantern backup` and `lantern restore`, on both databases: a restore into an empty database
 * gives back exactly what was saved (the row count of every table, every sealed plan version's
 * hash, the audit trails' seals), the embedded database is backed up through the server that
 * holds it, and a file from a newer Lantern is refused with one line and exit 2.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { hashPlanContent } from "@lantern/core";
import { type Kysely, sql } from "kysely";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { seedDemo } from "../seeds/demo.ts";
import { sealAll, verifyAudit } from "../src/db/audit-chain.ts";
import { openPglite, openPostgres } from "../src/db/database.ts";
import { migrateToLatest } from "../src/db/migrate.ts";
import type { Database } from "../src/db/schema.ts";
import { createRetentionRepository } from "../src/repositories/retention-repository.ts";
import { TEST_TODAY } from "./helpers/test-database.ts";

const ROOT = resolve(import.meta.dirname, "..", "..", "..");
const BIN = join(ROOT, "bin", "lantern.js");

function lantern(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: "", MIGRATION_DATABASE_URL: "", ...env },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every table's row count, and whether each sealed plan version still hashes to its seal. */
async function snapshot(db: Kysely<Database>) {
  const tables = await sql<{ name: string }>`select tablename as name from pg_tables
    where schemaname = 'public' order by tablename`.execute(db);
  const counts: Record<string, number> = {};
  for (const { name } of tables.rows) {
    const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(name)}`.execute(db);
    counts[name] = Number(r.rows[0]?.n);
  }
  const sealed = await db
    .selectFrom("plan_versions")
    .select(["id", "content", "content_sha256"])
    .where("sealed_at", "is not", null)
    .execute();
  const badSeals = sealed.filter((v) => hashPlanContent(v.content) !== v.content_sha256).map((v) => v.id);
  return { counts, sealedVersions: sealed.length, badSeals };
}

/** Some record-of-access rows and audit events, sealed, as a running server leaves them. */
async function someAuditRows(db: Kysely<Database>) {
  await sql`insert into audit_events (action, details) select 'auth.signed-in', jsonb_build_object('n', n)
    from generate_series(1, 20) n`.execute(db);
  await sql`insert into record_of_access (person_id, student_id, record, action, purpose, basis)
    select p.id, s.id, 'student', 'read-record', 'test', 'test' from people p cross join students s limit 50`.execute(
    db,
  );
  await sealAll(db);
}

/**
 * Destroy the demo's ended plan (sealed version, meeting, signatures) on a notice given earlier,
 * with its tombstone, as the retention page does (decision 0029): the backup must still restore
 * and verify after a destruction.
 */
async function destroyAnEndedPlan(db: Kysely<Database>) {
  const plan = await db
    .selectFrom("plans")
    .select(["id", "student_id", "district_id", "created_by"])
    .where("ended_on", "is not", null)
    .executeTakeFirstOrThrow();
  const offer = await db
    .insertInto("destruction_offers")
    .values({
      district_id: plan.district_id,
      student_id: plan.student_id,
      record_type: "plans",
      before: "2100-01-01",
      noticed_by: plan.created_by,
      noticed_at: new Date(Date.now() - 60_000),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db.transaction().execute(async (trx) => {
    const retention = createRetentionRepository(trx);
    const ids = await retention.idsPast(plan.student_id, "plans", "2100-01-01");
    expect(ids).toContain(plan.id);
    const destroyed = await retention.destroy({ id: offer.id, recordType: "plans" }, ids);
    await retention.markDestroyed(offer.id, plan.created_by, destroyed);
    await trx
      .insertInto("audit_events")
      .values({ action: "record.destroyed", student_id: plan.student_id, details: JSON.stringify({ ids }) })
      .execute();
  });
}

const admin = () => inject("postgresUrl");
async function adminQuery(statement: string) {
  const client = new pg.Client({ connectionString: admin() });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
const databaseUrl = (name: string) => {
  const u = new URL(admin());
  u.pathname = `/${name}`;
  return u.toString();
};

describe("backup and restore on PostgreSQL", () => {
  const names = ["src", "dst", "future", "dst2"].map((n) => `lantern_backup_${n}_${randomBytes(4).toString("hex")}`);
  const [src, dst, future, dst2] = names as [string, string, string, string];
  afterAll(async () => {
    for (const name of names) await adminQuery(`drop database if exists ${name} with (force)`);
  });

  it("restores exactly what was saved into an empty database", async () => {
    for (const name of [src, dst]) await adminQuery(`create database ${name}`);
    const source = await openPostgres(databaseUrl(src), 2);
    let before: Awaited<ReturnType<typeof snapshot>>;
    try {
      await migrateToLatest(source.db);
      await seedDemo(source.db, TEST_TODAY);
      await destroyAnEndedPlan(source.db);
      await someAuditRows(source.db);
      before = await snapshot(source.db);
    } finally {
      await source.close();
    }
    expect(before.counts.destruction_offers).toBe(1);
    expect(before.sealedVersions).toBeGreaterThan(0);
    expect(before.counts.audit_seals).toBeGreaterThan(0);

    const file = join(mkdtempSync(join(tmpdir(), "lantern-backup-")), "lantern.dump");
    const backup = lantern(["backup", file], { DATABASE_URL: databaseUrl(src) });
    expect(backup.stderr).toBe("");
    expect(backup.code).toBe(0);
    const restore = lantern(["restore", file], { DATABASE_URL: databaseUrl(dst) });
    expect(restore.stderr).toBe("");
    expect(restore.code).toBe(0);

    const restored = await openPostgres(databaseUrl(dst), 2);
    try {
      const after = await snapshot(restored.db);
      expect(after).toEqual(before);
      expect(after.badSeals).toEqual([]);
      const audit = await verifyAudit(restored.db);
      expect(audit.broken).toBeNull();
      expect(audit.sealedRows.record_of_access).toBe(before.counts.record_of_access);
    } finally {
      await restored.close();
    }

    // Not into a database that already holds one.
    const again = lantern(["restore", file], { DATABASE_URL: databaseUrl(dst) });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("not empty");
  });

  it("refuses, with one line and exit 2, a backup from a newer Lantern", async () => {
    for (const name of [future, dst2]) await adminQuery(`create database ${name}`);
    const source = await openPostgres(databaseUrl(future), 1);
    try {
      await migrateToLatest(source.db);
      await sql`insert into kysely_migration (name, timestamp) values ('0099-from-a-newer-lantern', now()::text)`.execute(
        source.db,
      );
    } finally {
      await source.close();
    }
    const file = join(mkdtempSync(join(tmpdir(), "lantern-backup-")), "future.dump");
    expect(lantern(["backup", file], { DATABASE_URL: databaseUrl(future) }).code).toBe(0);
    const refused = lantern(["restore", file], { DATABASE_URL: databaseUrl(dst2) });
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim().split("\n")).toHaveLength(1);
    expect(refused.stderr).toContain(
      "written by a newer Lantern (its database has migration 0099-from-a-newer-lantern",
    );
    // Nothing was restored.
    const target = await openPostgres(databaseUrl(dst2), 1);
    try {
      const tables = await sql<{
        n: number;
      }>`select count(*)::int as n from pg_tables where schemaname = 'public'`.execute(target.db);
      expect(tables.rows[0]?.n).toBe(0);
    } finally {
      await target.close();
    }
    // A file of the other kind is named as such.
    const wrongKind = lantern(["restore", file], { DATA_DIR: mkdtempSync(join(tmpdir(), "lantern-")) });
    expect(wrongKind.code).toBe(2);
    expect(wrongKind.stderr).toContain("is a PostgreSQL backup");
  });
});

function freePort(): Promise<number> {
  return new Promise((res) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const a = srv.address();
      srv.close(() => res(typeof a === "object" && a ? a.port : 0));
    });
  });
}

function startServer(env: Record<string, string>): Promise<ChildProcess> {
  return new Promise((resolveStart, reject) => {
    const child = spawn(process.execPath, [BIN, "start", "--no-seed"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: "", LOG_LEVEL: "warn", ...env },
    });
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Lantern is running at")) resolveStart(child);
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => reject(new Error(`exited ${code}: ${output}`)));
  });
}

describe("backup and restore of the embedded database", () => {
  it("backs up through the running server and restores exactly what was saved", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "lantern-data-"));
    const source = await openPglite(dataDir);
    let before: Awaited<ReturnType<typeof snapshot>>;
    try {
      await migrateToLatest(source.db);
      await seedDemo(source.db, TEST_TODAY);
      await someAuditRows(source.db);
      before = await snapshot(source.db);
    } finally {
      await source.close();
    }
    const file = join(mkdtempSync(join(tmpdir(), "lantern-backup-")), "lantern.tar.gz");
    const server = await startServer({ DATA_DIR: dataDir, PORT: String(await freePort()) });
    try {
      const backup = lantern(["backup", file], { DATA_DIR: dataDir });
      expect(backup.stderr).toBe("");
      expect(backup.code).toBe(0);
    } finally {
      await new Promise<void>((res) => {
        server.removeAllListeners("exit");
        server.once("exit", () => res());
        server.kill("SIGTERM");
      });
    }

    const target = mkdtempSync(join(tmpdir(), "lantern-restored-"));
    const restore = lantern(["restore", file], { DATA_DIR: target });
    expect(restore.stderr).toBe("");
    expect(restore.code).toBe(0);
    const restored = await openPglite(target);
    try {
      const after = await snapshot(restored.db);
      expect(after).toEqual(before);
      expect(after.badSeals).toEqual([]);
      expect((await verifyAudit(restored.db)).broken).toBeNull();
    } finally {
      await restored.close();
    }
    const again = lantern(["restore", file], { DATA_DIR: target });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("already holds a database");
  }, 180_000);

  it("refuses a backup from a newer Lantern and leaves the folder empty", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "lantern-data-"));
    const source = await openPglite(dataDir);
    try {
      await migrateToLatest(source.db);
      await sql`insert into kysely_migration (name, timestamp) values ('0099-from-a-newer-lantern', now()::text)`.execute(
        source.db,
      );
    } finally {
      await source.close();
    }
    const file = join(mkdtempSync(join(tmpdir(), "lantern-backup-")), "future.tar.gz");
    expect(lantern(["backup", file], { DATA_DIR: dataDir }).code).toBe(0);
    const target = mkdtempSync(join(tmpdir(), "lantern-restored-"));
    const refused = lantern(["restore", file], { DATA_DIR: target });
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim().split("\n")).toHaveLength(1);
    expect(refused.stderr).toContain("written by a newer Lantern");
    // The folder can take another restore: nothing was left behind.
    expect(lantern(["restore", file], { DATA_DIR: target }).stderr).toContain("written by a newer Lantern");
  }, 180_000);
});
