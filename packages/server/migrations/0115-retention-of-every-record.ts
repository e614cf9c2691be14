/**
 * Retention of every kind of record that holds a student's personal information (34 CFR 300.624;
 * docs/decisions/0029-retention-of-plans-meetings-and-signatures.md): ended plans (with every
 * version, sealed ones too, their meetings, signatures and scanned pages), meetings about earlier
 * versions, saved navigator results, requests to amend the record, and complaint drafts.
 *
 * Sealed plan versions and the append-only tables (signatures, scans, navigator results, shared
 * drafts and their comments, amendment requests and their history) still refuse every change but
 * one: a DELETE in a transaction that names a notice (`lantern.destruction_offer`) of the row's
 * student and kind, given in an earlier transaction, not used yet, whose cut-off is after the
 * row's date (for a plan's parts: the plan's end). Anything else is refused as before. The audit
 * trails are not touched: the destruction adds its tombstone, so the seals keep verifying.
 */
import { type Kysely, sql } from "kysely";

const KINDS = `'service-log','progress-data','communications','letters','plans','meetings','navigator-results','amendment-requests','complaint-drafts'`;

export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
    alter table retention_schedules drop constraint retention_schedules_record_type_check;
    alter table retention_schedules add constraint retention_schedules_record_type_check
      check (record_type in (${KINDS}));
    alter table destruction_offers drop constraint destruction_offers_record_type_check;
    alter table destruction_offers add constraint destruction_offers_record_type_check
      check (record_type in (${KINDS}));

    -- The cut-off of the notice this transaction acts on, when it is of this kind and student,
    -- given before the transaction began and not used yet; null otherwise.
    create function lantern_noticed_destruction_before(kind text, student uuid) returns date
      language sql stable as $$
      select o.before from destruction_offers o
      where o.id::text = nullif(current_setting('lantern.destruction_offer', true), '')
        and o.student_id = student and o.record_type = kind
        and o.noticed_at < now() and o.destroyed_at is null
    $$;

    -- A part of this plan may go: the plan ended before the cut-off of a notice of 'plans'.
    create function lantern_plan_destruction_allowed(plan uuid) returns boolean
      language sql stable as $$
      select coalesce((select p.ended_on < lantern_noticed_destruction_before('plans', p.student_id)
        from plans p where p.id = plan), false)
    $$;

    -- A part of this meeting may go: it was held before the cut-off of a notice of 'meetings'.
    create function lantern_meeting_destruction_allowed(meeting uuid) returns boolean
      language sql stable as $$
      select coalesce((select (m.scheduled_at at time zone 'UTC')::date
          < lantern_noticed_destruction_before('meetings', p.student_id)
        from plan_meetings m join plans p on p.id = m.plan_id where m.id = meeting), false)
    $$;

    create function lantern_forbid_change_but_noticed_destruction_of_part() returns trigger
      language plpgsql as $$
    declare
      allowed boolean := false;
    begin
      if tg_op = 'DELETE' then
        if tg_table_name = 'plan_signatures' then
          allowed := lantern_plan_destruction_allowed(
            (select v.plan_id from plan_versions v where v.id = old.version_id));
        elsif tg_table_name = 'plan_signature_scans' then
          allowed := lantern_plan_destruction_allowed((select v.plan_id from plan_signatures s
            join plan_versions v on v.id = s.version_id where s.id = old.signature_id));
        elsif tg_table_name = 'shared_drafts' then
          allowed := lantern_plan_destruction_allowed(old.plan_id)
            or lantern_meeting_destruction_allowed(old.meeting_id);
        elsif tg_table_name = 'draft_comments' then
          allowed := (select lantern_plan_destruction_allowed(d.plan_id)
              or lantern_meeting_destruction_allowed(d.meeting_id)
            from shared_drafts d where d.id = old.share_id);
        elsif tg_table_name = 'navigator_results' then
          allowed := (old.saved_at at time zone 'UTC')::date
            < lantern_noticed_destruction_before('navigator-results', old.student_id);
        elsif tg_table_name = 'amendment_requests' then
          allowed := old.requested_on < lantern_noticed_destruction_before('amendment-requests', old.student_id);
        elsif tg_table_name = 'amendment_request_events' then
          allowed := (select r.requested_on < lantern_noticed_destruction_before('amendment-requests', r.student_id)
            from amendment_requests r where r.id = old.request_id);
        end if;
        if coalesce(allowed, false) then
          return old;
        end if;
      end if;
      raise exception '% is append-only: % is not allowed', tg_table_name, tg_op
        using errcode = 'insufficient_privilege';
    end;
    $$;

    drop trigger plan_signatures_append_only on plan_signatures;
    create trigger plan_signatures_append_only before update or delete on plan_signatures
      for each row execute function lantern_forbid_change_but_noticed_destruction_of_part();
    drop trigger plan_signature_scans_append_only on plan_signature_scans;
    create trigger plan_signature_scans_append_only before update or delete on plan_signature_scans
      for each row execute function lantern_forbid_change_but_noticed_destruction_of_part();
    drop trigger shared_drafts_append_only on shared_drafts;
    create trigger shared_drafts_append_only before update or delete on shared_drafts
      for each row execute function lantern_forbid_change_but_noticed_destruction_of_part();
    drop trigger draft_comments_append_only on draft_comments;
    create trigger draft_comments_append_only before update or delete on draft_comments
      for each row execute function lantern_forbid_change_but_noticed_destruction_of_part();
    drop trigger navigator_results_append_only on navigator_results;
    create trigger navigator_results_append_only before update or delete on navigator_results
      for each row execute function lantern_forbid_change_but_noticed_destruction_of_part();
    drop trigger amendment_requests_append_only on amendment_requests;
    create trigger amendment_requests_append_only before update or delete on amendment_requests
      for each row execute function lantern_forbid_change_but_noticed_destruction_of_part();
    drop trigger amendment_request_events_append_only on amendment_request_events;
    create trigger amendment_request_events_append_only before update or delete on amendment_request_events
      for each row execute function lantern_forbid_change_but_noticed_destruction_of_part();

    -- A sealed version still never changes; it may be deleted only with its ended plan, on notice.
    create or replace function lantern_plan_version_sealed() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        if old.sealed_at is not null and not lantern_plan_destruction_allowed(old.plan_id) then
          raise exception 'plan version % is sealed: DELETE is not allowed', old.id
            using errcode = 'insufficient_privilege';
        end if;
        return old;
      end if;
      if old.sealed_at is not null and (
        new.content is distinct from old.content
        or new.content_sha256 is distinct from old.content_sha256
        or new.sealed_at is distinct from old.sealed_at
        or new.plan_id is distinct from old.plan_id
        or new.number is distinct from old.number
        or new.parent_version_id is distinct from old.parent_version_id
        or new.revision is distinct from old.revision
      ) then
        raise exception 'plan version % is sealed: its content cannot change', old.id
          using errcode = 'insufficient_privilege';
      end if;
      return new;
    end;
    $$;
  `)
    .execute(db);
}
