/**
 * The audit trails' seals (migration 0014; docs/decisions/0008-tamper-evident-audit.md): the
 * sealer the server runs every second, `lantern audit verify`, which recomputes every seal and
 * every sealed row's hash and names the first that does not match, and `lantern audit head`, the
 * last seal's id and hash, to keep somewhere the database's owner cannot reach.
 *
 * Verification trusts nothing stored in the database but the rows and the seals: the hashed
 * content is written out here (the same expressions as the sealer's), evaluated with
 * `search_path = pg_catalog`, so that a function or operator put in the public schema cannot
 * stand in for PostgreSQL's own.
 */
import { type Kysely, sql } from "kysely";

export const AUDITED_TABLES = ["audit_events", "record_of_access"] as const;
export type AuditedTable = (typeof AUDITED_TABLES)[number];

/** Each row's sealed content: the same expressions as `lantern_seal_audit` (migration 0014). */
const CONTENT: Record<AuditedTable, string> = {
  record_of_access: `row(t.id, t.accessed_at, t.person_id, t.student_id, t.record, t.action, t.purpose,
    t.basis, t.request_id)::text`,
  audit_events: `row(t.id, t.occurred_at, t.action, t.person_id, t.student_id, t.subject, t.details,
    t.request_id)::text`,
};

/** The first seal's `prev_hash`. */
const GENESIS = "decode(repeat('00', 32), 'hex')";

export const AUDIT_HEAD_FORMAT = "lantern-audit-head/1";

/** What `lantern audit head` exports: the last seal, and the last row each table had sealed. */
export type AuditHead = {
  format: typeof AUDIT_HEAD_FORMAT;
  exportedAt: string;
  sealId: number;
  hash: string;
  lastSealedRow: Record<AuditedTable, number>;
};

export type AuditBreak = { table: AuditedTable | "audit_seals"; rowId: number; reason: string };

export type AuditVerification = {
  ok: boolean;
  /** The first broken link, in the order the chain is checked (seals, then each table's rows). */
  broken: AuditBreak | null;
  seals: number;
  sealedRows: Record<AuditedTable, number>;
  /** Rows newer than every seal (sealed within a second or two while a server runs). */
  unsealedRows: Record<AuditedTable, number>;
};

// biome-ignore lint/suspicious/noExplicitAny: the audit tables are read by name, outside the typed schema.
type AnyDb = Kysely<any>;

/** Seal what can be sealed now; returns the number of rows sealed. */
export async function sealAudit(db: AnyDb, maxRows = 50_000): Promise<number> {
  const { rows } = await sql<{ n: number }>`select lantern_seal_audit(${maxRows}::int) as n`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** Seal every row committed so far (waiting, up to `timeoutMs`, for transactions writing them). */
export async function sealAll(db: AnyDb, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const pending = async () =>
    (
      await sql<{ n: number }>`select count(*)::int as n from audit_seal_state s
        where s.sealed_through < coalesce((select max(id) from record_of_access), 0) and s.table_name = 'record_of_access'
           or s.sealed_through < coalesce((select max(id) from audit_events), 0) and s.table_name = 'audit_events'`.execute(
        db,
      )
    ).rows[0]?.n ?? 0;
  for (;;) {
    await sealAudit(db, 1_000_000);
    if ((await pending()) === 0) return;
    if (Date.now() > deadline) throw new Error("Rows of the audit trails are still being written; try again");
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Check every seal and every sealed row; with `head`, also that the chain still ends where it did. */
export async function verifyAudit(db: AnyDb, head?: AuditHead): Promise<AuditVerification> {
  return db.transaction().execute(async (trx) => {
    // The sealer's settings: a timestamp's text depends on the time zone and the date style.
    await sql`set local search_path = pg_catalog`.execute(trx);
    await sql`set local timezone = 'UTC'`.execute(trx);
    await sql`set local datestyle = 'ISO, YMD'`.execute(trx);
    const result: AuditVerification = {
      ok: true,
      broken: null,
      seals: 0,
      sealedRows: { audit_events: 0, record_of_access: 0 },
      unsealedRows: { audit_events: 0, record_of_access: 0 },
    };
    const fail = (broken: AuditBreak) => {
      result.ok = false;
      result.broken ??= broken;
    };

    // 1. The seals: each links to the one before and its hash covers its rows' ids and hashes.
    const seals = await sql<{ id: number; linked: boolean; intact: boolean; sized: boolean }>`
      select s.id,
        s.prev_hash = coalesce(lag(s.hash) over (order by s.id), ${sql.raw(GENESIS)}) as linked,
        s.hash = sha256(s.prev_hash || convert_to(s.table_name || ':' || s.rows::text, 'UTF8') || s.row_hashes) as intact,
        length(s.row_hashes) = 32 * (select sum(upper(r) - lower(r)) from unnest(s.rows) r) as sized
      from public.audit_seals s order by s.id`.execute(trx);
    result.seals = seals.rows.length;
    const badSeal = seals.rows.find((s) => !s.linked || !s.intact || !s.sized);
    if (badSeal) {
      fail({
        table: "audit_seals",
        rowId: Number(badSeal.id),
        reason: !badSeal.linked
          ? "does not link to the seal before it (a seal was removed or rewritten)"
          : "does not match its content (the seal was changed)",
      });
    }

    // 2. Each table's sealed rows: present, and hashing to what their seal holds; none slipped in.
    for (const table of AUDITED_TABLES) {
      const content = sql.raw(CONTENT[table]);
      const tableRef = sql.raw(`public.${table}`);
      const bad = await sql<{ row_id: number; seal_id: number; missing: boolean }>`
        with ids as (
          select s.id as seal_id, s.row_hashes, g.id as row_id,
                 row_number() over (partition by s.id order by g.id) as k
          from public.audit_seals s
          cross join lateral unnest(s.rows) r
          cross join lateral generate_series(lower(r), upper(r) - 1) g(id)
          where s.table_name = ${table})
        select ids.row_id, ids.seal_id, t.id is null as missing
        from ids left join ${tableRef} t on t.id = ids.row_id
        where t.id is null
           or sha256(convert_to(${content}, 'UTF8')) <> substring(ids.row_hashes from ((ids.k - 1) * 32 + 1)::int for 32)
        order by ids.row_id limit 1`.execute(trx);
      const first = bad.rows[0];
      if (first) {
        fail({
          table,
          rowId: Number(first.row_id),
          reason: first.missing
            ? `is missing (sealed in seal ${first.seal_id})`
            : `differs from what seal ${first.seal_id} holds (the row was changed)`,
        });
      }
      const counts = await sql<{ sealed: number; slipped_in: number | null; unsealed: number }>`
        with covered as (
          select coalesce(range_agg(r), '{}'::int8multirange) as m
          from public.audit_seals s cross join lateral unnest(s.rows) r where s.table_name = ${table}),
        bounds as (select upper(m) as top from covered)
        select
          (select coalesce(sum(upper(r) - lower(r)), 0) from covered, unnest(covered.m) r)::int8 as sealed,
          (select min(t.id) from ${tableRef} t, covered, bounds
            where t.id < bounds.top and not (t.id <@ covered.m)) as slipped_in,
          (select count(*) from ${tableRef} t, bounds where bounds.top is null or t.id >= bounds.top)::int8 as unsealed`.execute(
        trx,
      );
      const c = counts.rows[0];
      result.sealedRows[table] = Number(c?.sealed ?? 0);
      result.unsealedRows[table] = Number(c?.unsealed ?? 0);
      if (c?.slipped_in !== null && c?.slipped_in !== undefined) {
        fail({ table, rowId: Number(c.slipped_in), reason: "is not in any seal, though rows after it are" });
      }
    }

    // 3. The exported head: that seal is still there, unchanged (an empty chain's head checks nothing).
    if (head && head.sealId > 0) {
      const found = await sql<{ hash: string }>`select encode(hash, 'hex') as hash from public.audit_seals
        where id = ${head.sealId}`.execute(trx);
      const hash = found.rows[0]?.hash;
      if (hash !== head.hash) {
        const lastRows = head.lastSealedRow;
        const table: AuditedTable = (lastRows.record_of_access ?? 0) > 0 ? "record_of_access" : "audit_events";
        fail({
          table: hash === undefined ? table : "audit_seals",
          rowId: hash === undefined ? (lastRows[table] ?? 0) : head.sealId,
          reason:
            hash === undefined
              ? `is gone with seal ${head.sealId} of the exported head (the trail was cut short)`
              : "differs from the exported head (the chain was rewritten)",
        });
      }
    }
    return result;
  });
}

/** Seal everything committed, then return the chain's head. */
export async function exportAuditHead(db: AnyDb, now = new Date()): Promise<AuditHead> {
  await sealAll(db);
  const last = await sql<{ id: number | null; hash: string | null }>`
    select id, encode(hash, 'hex') as hash from audit_seals order by id desc limit 1`.execute(db);
  const rows = await sql<{ table_name: AuditedTable; last: number }>`
    select table_name, coalesce(max(upper(rows)) - 1, 0)::int8 as last from audit_seals group by table_name`.execute(
    db,
  );
  const lastSealedRow = { audit_events: 0, record_of_access: 0 };
  for (const r of rows.rows) lastSealedRow[r.table_name] = Number(r.last);
  return {
    format: AUDIT_HEAD_FORMAT,
    exportedAt: now.toISOString(),
    sealId: Number(last.rows[0]?.id ?? 0),
    hash: last.rows[0]?.hash ?? "0".repeat(64),
    lastSealedRow,
  };
}

/** Parse an exported head, or say in one line what is wrong with it. */
export function parseAuditHead(text: string): AuditHead | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return "the head file is not JSON (export it with lantern audit head)";
  }
  const h = value as Partial<AuditHead>;
  if (
    h?.format !== AUDIT_HEAD_FORMAT ||
    typeof h.sealId !== "number" ||
    typeof h.hash !== "string" ||
    !/^[0-9a-f]{64}$/.test(h.hash) ||
    typeof h.lastSealedRow !== "object"
  ) {
    return `the head file is not a ${AUDIT_HEAD_FORMAT} head (export it with lantern audit head)`;
  }
  return h as AuditHead;
}

/** Describe a verification in one line. */
export function describeVerification(v: AuditVerification): string {
  if (v.broken) return `Broken: ${v.broken.table} row ${v.broken.rowId} ${v.broken.reason}`;
  const unsealed = v.unsealedRows.record_of_access + v.unsealedRows.audit_events;
  return `The audit trails are intact: ${v.seals} seals cover ${v.sealedRows.record_of_access} record-of-access rows and ${v.sealedRows.audit_events} audit events${unsealed > 0 ? `; ${unsealed} newer rows are not sealed yet` : ""}`;
}
