/**
 * Tamper-evident audit trails: the record of access and the audit trail are sealed in batches,
 * each seal chained to the one before (docs/decisions/0008-tamper-evident-audit.md).
 *
 * A seal covers rows of one table in id order: their ids (`rows`, exactly those present), the
 * SHA-256 of each row's content (`row_hashes`, 32 bytes a row, in id order), the hash of the seal
 * before it (`prev_hash`) and its own hash over all of that. Changing a sealed row, deleting one,
 * or slipping one in among sealed rows breaks its seal; rewriting the seals from there on changes
 * the last seal's hash, which `lantern audit head` exports for safekeeping.
 *
 * `lantern_seal_audit()` is the sealer. The server calls it every second; it runs as the owner
 * (security definer), so the app's role needs no right on the seals. Rows are sealed only once no
 * transaction can still commit a row below them: at each call the sealer notes the highest id
 * and the transactions then writing the table, and seals up to that id at a later call, once
 * those transactions have ended (a row's id is drawn after its insert takes the table's lock).
 * A row is therefore sealed one to two calls after it is committed.
 *
 * A row's content is the text of a row of its columns (`row(…)::text`: every value quoted and
 * escaped by PostgreSQL's record output), with the time zone and date style fixed, so the same
 * row always gives the same text; it costs about half of building a JSON array (bench:seal).
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table audit_seals (
      id bigserial primary key,
      table_name text not null check (table_name in ('record_of_access', 'audit_events')),
      rows int8multirange not null,
      row_hashes bytea not null,
      prev_hash bytea not null,
      hash bytea not null,
      sealed_at timestamptz not null default now()
    );
    create trigger audit_seals_append_only before update or delete on audit_seals
      for each row execute function lantern_forbid_change();

    create table audit_seal_state (
      table_name text primary key,
      sealed_through bigint not null default 0,
      pending_through bigint,
      pending_transactions text[] not null default '{}'
    );
    insert into audit_seal_state (table_name) values ('audit_events'), ('record_of_access');

    create function lantern_seal_audit(max_rows integer default 50000) returns integer
    language plpgsql security definer
    set search_path = pg_catalog, public set timezone = 'UTC' set datestyle = 'ISO, YMD' as $$
    declare
      st record;
      prev bytea;
      hi bigint;
      covered int8multirange;
      hashes bytea;
      n integer;
      total integer := 0;
    begin
      -- One sealer at a time (several servers may share the database).
      if not pg_try_advisory_xact_lock(7366736, 1) then
        return 0;
      end if;
      select s.hash into prev from public.audit_seals s order by s.id desc limit 1;
      prev := coalesce(prev, decode(repeat('00', 32), 'hex'));
      for st in select * from public.audit_seal_state order by table_name for update loop
        -- Rows up to the noted id are final once the transactions writing the table then have ended.
        if st.pending_through is not null and st.pending_through > st.sealed_through
           and not exists (select 1 from pg_locks l
                           where l.locktype = 'virtualxid' and l.virtualxid = any(st.pending_transactions)) then
          hi := least(st.pending_through, st.sealed_through + greatest(max_rows - total, 1));
          if st.table_name = 'record_of_access' then
            select range_agg(int8range(r.id, r.id, '[]')),
                   string_agg(sha256(convert_to(row(r.id, r.accessed_at, r.person_id, r.student_id, r.record,
                     r.action, r.purpose, r.basis, r.request_id)::text, 'UTF8')), ''::bytea order by r.id),
                   count(*)
              into covered, hashes, n
              from public.record_of_access r where r.id > st.sealed_through and r.id <= hi;
          else
            select range_agg(int8range(e.id, e.id, '[]')),
                   string_agg(sha256(convert_to(row(e.id, e.occurred_at, e.action, e.person_id, e.student_id,
                     e.subject, e.details, e.request_id)::text, 'UTF8')), ''::bytea order by e.id),
                   count(*)
              into covered, hashes, n
              from public.audit_events e where e.id > st.sealed_through and e.id <= hi;
          end if;
          if n > 0 then
            insert into public.audit_seals (table_name, rows, row_hashes, prev_hash, hash)
            values (st.table_name, covered, hashes, prev,
                    sha256(prev || convert_to(st.table_name || ':' || covered::text, 'UTF8') || hashes))
            returning hash into prev;
            total := total + n;
          end if;
          update public.audit_seal_state set sealed_through = hi where table_name = st.table_name;
          st.sealed_through := hi;
        end if;
        -- Once everything noted is sealed, note the highest id now, then who is writing the table.
        if st.pending_through is null or st.sealed_through >= st.pending_through then
          if st.table_name = 'record_of_access' then
            select coalesce(max(r.id), 0) into hi from public.record_of_access r;
          else
            select coalesce(max(e.id), 0) into hi from public.audit_events e;
          end if;
          update public.audit_seal_state
             set pending_through = greatest(hi, st.sealed_through),
                 pending_transactions = array(
                   select distinct l.virtualtransaction from pg_locks l
                   where l.locktype = 'relation' and l.relation = ('public.' || st.table_name)::regclass
                     and l.mode <> 'AccessShareLock' and l.pid is distinct from pg_backend_pid()
                     and l.virtualtransaction is not null)
           where table_name = st.table_name;
        end if;
      end loop;
      return total;
    end;
    $$;
  `.execute(db);
}
