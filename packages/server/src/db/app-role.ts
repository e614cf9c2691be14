/**
 * The app's own PostgreSQL role. The server runs as a role that owns nothing; migrations run as
 * the role that owns the tables (`MIGRATION_DATABASE_URL`, or `lantern migrate` with the owner's
 * URL), which then grants the app's role only what it needs: reading and changing the tables,
 * except that the append-only ones (those whose changes `lantern_forbid_change` forbids: the
 * record of access, the audit trail, records requests, the seals) take only SELECT and INSERT, the
 * seals and the migration tables only SELECT, and the sealer is called through its function.
 * Tables whose records may be destroyed on a notice (signatures, navigator results, the
 * communication log …; decisions 0018, 0029) keep DELETE: their trigger refuses any other.
 * Without ownership the role cannot TRUNCATE, disable or drop a trigger, or drop a table.
 */
import { type Kysely, sql } from "kysely";
import type { Config } from "../config.ts";
import { DatabaseOpenError, type OpenDatabase, openPostgres } from "./database.ts";
import { migrateToLatest } from "./migrate.ts";

// biome-ignore lint/suspicious/noExplicitAny: grants are read from the catalog, outside the typed schema.
type AnyDb = Kysely<any>;

/** Tables the app may read but never change: append-only tables and the sealer's own. */
const READ_ONLY_TABLES = ["audit_seals", "audit_seal_state", "kysely_migration", "kysely_migration_lock"];

export async function currentRole(db: AnyDb): Promise<string> {
  const { rows } = await sql<{ role: string }>`select current_user as role`.execute(db);
  return rows[0]?.role ?? "";
}

/** Grant `role` what the app needs on every table, and no more (run as the owner, after migrating). */
export async function grantAppRole(owner: AnyDb, role: string): Promise<void> {
  await owner.transaction().execute(async (trx) => {
    const appendOnly = await sql<{ name: string }>`
      select distinct c.relname as name from pg_trigger t
      join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and t.tgfoid = 'public.lantern_forbid_change'::regproc`.execute(trx);
    const r = sql.id(role);
    await sql`grant usage on schema public to ${r}`.execute(trx);
    await sql`grant select, insert, update, delete on all tables in schema public to ${r}`.execute(trx);
    await sql`grant usage, select on all sequences in schema public to ${r}`.execute(trx);
    for (const { name } of appendOnly.rows) {
      await sql`revoke update, delete, truncate, trigger, references on ${sql.table(name)} from ${r}`.execute(trx);
    }
    for (const name of READ_ONLY_TABLES) {
      await sql`revoke insert, update, delete, truncate, trigger, references on ${sql.table(name)} from ${r}`.execute(
        trx,
      );
    }
    await sql`revoke all on function lantern_seal_audit(integer) from public`.execute(trx);
    await sql`grant execute on function lantern_seal_audit(integer) to ${r}`.execute(trx);
  });
}

/**
 * Why the connected role could erase the audit trails (it owns their tables, is a member of the
 * role that does, or is a superuser), or null when it cannot.
 */
export async function auditTrailsExposedTo(db: AnyDb): Promise<string | null> {
  const { rows } = await sql<{ role: string; owner: string; super: boolean; member: boolean }>`
    select current_user as role, pg_get_userbyid(c.relowner) as owner,
      (select rolsuper from pg_roles where rolname = current_user) as super,
      pg_has_role(current_user, c.relowner, 'USAGE') as member
    from pg_class c where c.oid = 'public.record_of_access'::regclass`.execute(db);
  const row = rows[0];
  if (!row) return null;
  if (row.super) return `the role ${row.role} is a superuser`;
  if (row.member) {
    return row.role === row.owner
      ? `the role ${row.role} owns the tables`
      : `the role ${row.role} is a member of ${row.owner}, which owns the tables`;
  }
  return null;
}

/**
 * Migrate the database for a server about to run on `app`: as the owner when
 * MIGRATION_DATABASE_URL is set (then granting the app's role, and refusing an app role that
 * could erase the audit trails), otherwise through the app's own connection.
 */
export async function migrateForApp(
  config: Pick<Config, "MIGRATION_DATABASE_URL">,
  app: OpenDatabase,
): Promise<{ applied: string[]; exposed: string | null }> {
  if (!config.MIGRATION_DATABASE_URL || app.kind !== "postgres") {
    const applied = await migrateToLatest(app.db);
    return { applied, exposed: app.kind === "postgres" ? await auditTrailsExposedTo(app.db) : null };
  }
  let owner: OpenDatabase;
  try {
    owner = await openPostgres(config.MIGRATION_DATABASE_URL, 1);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new DatabaseOpenError(message.replace("DATABASE_URL", "MIGRATION_DATABASE_URL"));
  }
  try {
    const applied = await migrateToLatest(owner.db);
    const role = await currentRole(app.db);
    if (role !== (await currentRole(owner.db))) await grantAppRole(owner.db, role);
    const exposed = await auditTrailsExposedTo(app.db);
    if (exposed) {
      throw new DatabaseOpenError(
        `DATABASE_URL must name a role that owns nothing, but ${exposed}: it could erase the audit trails (see docs/deployment.md)`,
      );
    }
    return { applied, exposed: null };
  } finally {
    await owner.close();
  }
}
