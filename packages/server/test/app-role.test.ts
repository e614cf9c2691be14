/**
 * The app's PostgreSQL role owns nothing: `lantern migrate` runs as the owner
 * (MIGRATION_DATABASE_URL) and grants the app's role what it needs. As the app's role, the audit
 * trails cannot be truncated, have their triggers disabled or dropped, be deleted from, or be
 * dropped; the app itself still signs in, reads a plan (writing its record of access) and seals.
 * A server whose DATABASE_URL names the owner is refused when MIGRATION_DATABASE_URL is set.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { join, resolve } from "node:path";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { seedDemo } from "../seeds/demo.ts";
import { DEMO_PASSWORD } from "../seeds/demo-accounts.ts";
import { buildApp } from "../src/app.ts";
import { sealAll, verifyAudit } from "../src/db/audit-chain.ts";
import { type OpenDatabase, openPostgres } from "../src/db/database.ts";
import { TEST_TODAY } from "./helpers/test-database.ts";

const ROOT = resolve(import.meta.dirname, "..", "..", "..");
const BIN = join(ROOT, "bin", "lantern.js");
const OWNER = "lantern_test_owner";
const APP = "lantern_test_app";

function urlFor(base: string, role: string, database: string): string {
  const u = new URL(base);
  u.username = role;
  u.password = `${role}-password`;
  u.pathname = `/${database}`;
  return u.toString();
}

async function asAdmin(statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: inject("postgresUrl") });
  await client.connect();
  try {
    for (const s of statements) await client.query(s);
  } finally {
    await client.end();
  }
}

describe("the app's PostgreSQL role", () => {
  const name = `lantern_roles_${randomBytes(5).toString("hex")}`;
  const admin = inject("postgresUrl");
  const ownerUrl = urlFor(admin, OWNER, name);
  const appUrl = urlFor(admin, APP, name);
  let owner: OpenDatabase;
  let app: OpenDatabase;

  beforeAll(async () => {
    for (const role of [OWNER, APP]) {
      await asAdmin([
        `do $$ begin
           if not exists (select 1 from pg_roles where rolname = '${role}') then
             create role ${role} login password '${role}-password';
           end if;
         end $$`,
      ]);
    }
    await asAdmin([`create database ${name} owner ${OWNER}`]);
    const migrate = spawnSync(process.execPath, [BIN, "migrate"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: appUrl, MIGRATION_DATABASE_URL: ownerUrl },
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(migrate.status, migrate.stderr).toBe(0);
    owner = await openPostgres(ownerUrl, 2);
    await seedDemo(owner.db, TEST_TODAY);
    app = await openPostgres(appUrl, 3);
  }, 200_000);

  afterAll(async () => {
    await app?.close();
    await owner?.close();
    await asAdmin([`drop database if exists ${name} with (force)`]);
  });

  it("cannot erase or alter the audit trails", async () => {
    for (const table of ["record_of_access", "audit_events"]) {
      const attempts = [
        `truncate ${table}`,
        `alter table ${table} disable trigger ${table}_append_only`,
        `delete from ${table}`,
        `update ${table} set request_id = 'x'`,
        `drop trigger ${table}_append_only on ${table}`,
        `drop table ${table}`,
        `alter table ${table} owner to ${APP}`,
      ];
      for (const statement of attempts) {
        await expect(sql.raw(statement).execute(app.db), statement).rejects.toThrow(/permission denied|must be owner/);
      }
    }
    // Nor the seals, nor the sealer's state, nor create a table of its own.
    for (const statement of [
      "delete from audit_seals",
      "insert into audit_seal_state values ('x', 0, null, '{}')",
      "update audit_seal_state set sealed_through = 0",
      "create table mine (id int)",
    ]) {
      await expect(sql.raw(statement).execute(app.db), statement).rejects.toThrow(/permission denied/);
    }
  });

  it("cannot delete signatures, sealed plan versions or navigator results without a notice of destruction", async () => {
    // The app's role holds DELETE on these (decision 0029): the trigger, not the grant, is the guard.
    for (const statement of [
      "delete from plan_signatures",
      "delete from navigator_results",
      "delete from plan_versions where sealed_at is not null",
      "update plan_signatures set role = 'x'",
      "update plan_versions set content = '{}'::jsonb where sealed_at is not null",
    ]) {
      await expect(sql.raw(statement).execute(app.db), statement).rejects.toThrow(/append-only|sealed/);
    }
  });

  it("runs the app: sign-in, a plan read with its record of access, and the sealer", async () => {
    let server: FastifyInstance | null = null;
    try {
      server = await buildApp({ db: app.db, databaseKind: "postgres", logLevel: "silent", serveWeb: false });
      const first = await server.inject({ url: "/api/auth/session" });
      const csrf = (first.json() as { csrfToken: string }).csrfToken;
      const signIn = await server.inject({
        method: "POST",
        url: "/api/auth/sign-in",
        headers: { cookie: `lantern_csrf=${csrf}`, "x-csrf-token": csrf },
        payload: { email: "casemanager@maplevalley.example", password: DEMO_PASSWORD },
      });
      expect(signIn.statusCode).toBe(200);
      const cookie = signIn.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
      const list = (await server.inject({ url: "/api/students?limit=1", headers: { cookie } })).json() as {
        items: Array<{ id: string }>;
      };
      const studentId = list.items[0]?.id as string;
      const plans = await server.inject({ url: `/api/students/${studentId}/plans`, headers: { cookie } });
      expect(plans.statusCode).toBe(200);
      const rows = await sql<{ n: number }>`select count(*)::int as n from record_of_access`.execute(app.db);
      expect(rows.rows[0]?.n).toBeGreaterThan(0);
      await sealAll(app.db);
      expect((await verifyAudit(app.db)).ok).toBe(true);
    } finally {
      await server?.close();
    }
  });

  it("refuses to start a server whose DATABASE_URL names the owner when migrations run as the owner", () => {
    const r = spawnSync(process.execPath, [BIN, "migrate"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: ownerUrl, MIGRATION_DATABASE_URL: ownerUrl },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain(`the role ${OWNER} owns the tables`);
  });
});
