/**
 * Plans, their versions, meetings and signatures (migration 0002). A version's content is stored
 * as JSONB exactly as validated; once sealed the database refuses any change to it.
 */
import type {
  AttendanceEntry,
  MeetingNotice,
  ParentContactAttempt,
  PlanAttendee,
  PlanDocument,
  PlanState,
  PlanTranslation,
  PlanType,
} from "@lantern/core";
import { DomainError, hashPlanContent } from "@lantern/core";
import { type Kysely, type Selectable, sql, type Updateable } from "kysely";
import { prepared } from "../db/prepared-statements.ts";
import type { Database } from "../db/schema.ts";
import { isUuid, type RecordOfAccessRow, withRecordOfAccess } from "./access-repository.ts";
import { toPlanTranslation } from "./plan-translations-repository.ts";

export type PlanRecord = {
  id: string;
  studentId: string;
  districtId: string;
  schoolId: string;
  type: PlanType;
  status: PlanState;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  currentVersionId: string | null;
  inEffectVersionId: string | null;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  endedOn: string | null;
  endedReason: string | null;
  endedCitation: string | null;
};

export type PlanVersionRecord = {
  id: string;
  planId: string;
  number: number;
  parentVersionId: string | null;
  content: PlanDocument;
  status: PlanState;
  revision: number;
  sealedAt: string | null;
  contentSha256: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  updatedBy: string | null;
};

export type PlanVersionSummary = Omit<PlanVersionRecord, "content">;

export type PlanMeetingRecord = {
  id: string;
  planId: string;
  versionId: string;
  scheduledAt: string;
  location: string;
  purpose: string;
  meetingType: string | null;
  noticeSentOn: string | null;
  notice: unknown;
  attendees: PlanAttendee[];
  excusals: unknown[];
  attendance: AttendanceEntry[];
  attendanceRecordedAt: string | null;
  notes: string;
  parentContactAttempts: ParentContactAttempt[];
  createdAt: string;
};

export type PlanSignatureRecord = {
  id: string;
  versionId: string;
  attendeeId: string;
  role: string;
  method: "typed" | "drawn" | "paper";
  signatureText: string;
  drawing: string | null;
  meaning: "attendance" | "agreement";
  signerPersonId: string;
  signedAt: string;
  consentChoice: string | null;
  consentExclusions: unknown[];
  legalName: string | null;
  signInMethod: string | null;
  /** Paper: the staff member who entered it, and the date written on the page. */
  enteredBy: string | null;
  paperSignedOn: string | null;
};

/** The scanned page of a paper signature. */
export type SignatureScanRecord = {
  contentType: string;
  fileName: string;
  byteSize: number;
  sha256: string;
  data: Buffer;
};

const iso = (d: Date | string | null): string | null =>
  d === null ? null : typeof d === "string" ? new Date(d).toISOString() : d.toISOString();
const isoOr = (d: Date | string): string => iso(d) as string;

/**
 * A row as it arrives: from a select (timestamps as Date objects) or inside JSON that PostgreSQL
 * built (`to_json`, `json_build_object`: timestamps as ISO strings).
 */
type Arrived<T> = {
  [K in keyof T]: T[K] extends Date ? Date | string : T[K] extends Date | null ? Date | string | null : T[K];
};
type PlanRow = Arrived<Selectable<Database["plans"]>>;
type VersionRow = Arrived<Selectable<Database["plan_versions"]>>;
type VersionSummaryRow = Omit<VersionRow, "content">;
type MeetingRow = Arrived<Selectable<Database["plan_meetings"]>>;
type SignatureRow = Arrived<Selectable<Database["plan_signatures"]>>;

function toPlan(r: PlanRow): PlanRecord {
  return {
    id: r.id,
    studentId: r.student_id,
    districtId: r.district_id,
    schoolId: r.school_id,
    type: r.type as PlanType,
    status: r.status as PlanState,
    createdBy: r.created_by,
    createdAt: isoOr(r.created_at),
    updatedAt: isoOr(r.updated_at),
    currentVersionId: r.current_version_id,
    inEffectVersionId: r.in_effect_version_id,
    effectiveFrom: r.effective_from,
    effectiveTo: r.effective_to,
    endedOn: r.ended_on,
    endedReason: r.ended_reason,
    endedCitation: r.ended_citation,
  };
}

function toVersionSummary(r: VersionSummaryRow): PlanVersionSummary {
  return {
    id: r.id,
    planId: r.plan_id,
    number: r.number,
    parentVersionId: r.parent_version_id,
    status: r.status as PlanState,
    revision: r.revision,
    sealedAt: iso(r.sealed_at),
    contentSha256: r.content_sha256 === null ? null : String(r.content_sha256).trim(),
    createdBy: r.created_by,
    createdAt: isoOr(r.created_at),
    updatedAt: isoOr(r.updated_at),
    updatedBy: r.updated_by,
  };
}

function toVersion(r: VersionRow): PlanVersionRecord {
  // Stored as validated by ZPlanDocument (see replaceContent and insertVersion).
  return { ...toVersionSummary(r), content: r.content as PlanDocument };
}

function toMeeting(r: MeetingRow): PlanMeetingRecord {
  return {
    id: r.id,
    planId: r.plan_id,
    versionId: r.version_id,
    scheduledAt: isoOr(r.scheduled_at),
    location: r.location,
    purpose: r.purpose,
    meetingType: r.meeting_type,
    noticeSentOn: r.notice_sent_on,
    notice: r.notice,
    attendees: (r.attendees as PlanAttendee[] | null) ?? [],
    excusals: (r.excusals as unknown[] | null) ?? [],
    attendance: (r.attendance as AttendanceEntry[] | null) ?? [],
    attendanceRecordedAt: iso(r.attendance_recorded_at),
    notes: r.notes,
    parentContactAttempts: (r.parent_contact_attempts as ParentContactAttempt[] | null) ?? [],
    createdAt: isoOr(r.created_at),
  };
}

function toSignature(r: SignatureRow): PlanSignatureRecord {
  return {
    id: r.id,
    versionId: r.version_id,
    attendeeId: r.attendee_id,
    role: r.role,
    method: r.method as PlanSignatureRecord["method"],
    signatureText: r.signature_text,
    drawing: r.drawing,
    meaning: r.meaning as PlanSignatureRecord["meaning"],
    signerPersonId: r.signer_person_id,
    signedAt: isoOr(r.signed_at),
    consentChoice: r.consent_choice,
    consentExclusions: (r.consent_exclusions as unknown[] | null) ?? [],
    legalName: r.legal_name ?? null,
    signInMethod: r.sign_in_method ?? null,
    enteredBy: r.entered_by ?? null,
    paperSignedOn: r.paper_signed_on ? String(r.paper_signed_on).slice(0, 10) : null,
  };
}

/** A version's summary columns as one JSON object (the keys `toVersionSummary` reads). */
function versionSummaryJson(alias: "v" | "x") {
  const t = sql.table(alias);
  return sql`json_build_object('id', ${t}.id, 'plan_id', ${t}.plan_id, 'number', ${t}.number,
    'parent_version_id', ${t}.parent_version_id, 'status', ${t}.status, 'revision', ${t}.revision,
    'sealed_at', ${t}.sealed_at, 'content_sha256', ${t}.content_sha256, 'created_by', ${t}.created_by,
    'created_at', ${t}.created_at, 'updated_at', ${t}.updated_at, 'updated_by', ${t}.updated_by)`;
}

type PlanPageRow = {
  time_zone: string;
  translations: Array<Parameters<typeof toPlanTranslation>[0]>;
  plan: PlanRow;
  version: VersionSummaryRow;
  content_json: string;
  signatures: SignatureRow[];
  versions: VersionSummaryRow[];
  meetings: MeetingRow[];
};

/** What a plan page shows; the current version's document is its stored JSON text. */
export type PlanPage = {
  /** The district's time zone (today's date for the page's checks is a date there). */
  timeZone: string;
  plan: PlanRecord;
  version: PlanVersionSummary & { contentJson: string };
  signatures: PlanSignatureRecord[];
  versions: PlanVersionSummary[];
  meetings: PlanMeetingRecord[];
  /** Every translation written for the plan (decision 0027), oldest first. */
  translations: PlanTranslation[];
};

export function createPlansRepository(db: Kysely<Database>) {
  return {
    async listForStudent(studentId: string): Promise<PlanRecord[]> {
      const rows = await db
        .selectFrom("plans")
        .selectAll()
        .where("student_id", "=", studentId)
        .orderBy("created_at", "desc")
        .orderBy("id")
        .execute();
      return rows.map(toPlan);
    },

    async findPlan(studentId: string, planId: string, options: { forUpdate?: boolean } = {}): Promise<PlanRecord> {
      if (!isUuid(planId)) throw new DomainError("not-found", "No such plan for this student");
      let q = db.selectFrom("plans").selectAll().where("id", "=", planId).where("student_id", "=", studentId);
      if (options.forUpdate) q = q.forUpdate();
      const row = await q.executeTakeFirst();
      if (!row) throw new DomainError("not-found", "No such plan for this student");
      return toPlan(row);
    },

    async findVersion(planId: string, versionId: string, options: { forUpdate?: boolean } = {}) {
      if (!isUuid(versionId)) throw new DomainError("not-found", "No such version of this plan");
      let q = db.selectFrom("plan_versions").selectAll().where("id", "=", versionId).where("plan_id", "=", planId);
      if (options.forUpdate) q = q.forUpdate();
      const row = await q.executeTakeFirst();
      if (!row) throw new DomainError("not-found", "No such version of this plan");
      return toVersion(row);
    },

    /**
     * Everything a plan page shows — the plan, its current version with signatures, the list of
     * versions and the meetings — in one round trip (the read path of every plan page). The
     * current version's document comes back as the JSON text PostgreSQL holds, to be sent as it
     * is (see `planDetailJson`) and parsed only when the page needs to look inside it. With a
     * `recordOfAccess` row (from the access path's `read`), the same statement writes it.
     */
    async findPlanPage(
      studentId: string,
      planId: string,
      options: { recordOfAccess?: RecordOfAccessRow } = {},
    ): Promise<PlanPage> {
      if (!isUuid(planId)) {
        // Still write the record of access the read was authorized with, as for any other plan id.
        if (options.recordOfAccess) await db.insertInto("record_of_access").values(options.recordOfAccess).execute();
        throw new DomainError("not-found", "No such plan for this student");
      }
      const query = sql<PlanPageRow>`${options.recordOfAccess ? withRecordOfAccess(options.recordOfAccess) : sql``}
        select (select d.time_zone from districts d where d.id = p.district_id) as time_zone,
          to_json(p) as plan, ${versionSummaryJson("v")} as version, v.content::text as content_json,
          coalesce((select json_agg(s order by s.signed_at) from plan_signatures s
            where s.version_id = v.id), '[]'::json) as signatures,
          coalesce((select json_agg(${versionSummaryJson("x")} order by x.number desc)
            from plan_versions x where x.plan_id = p.id), '[]'::json) as versions,
          coalesce((select json_agg(m order by m.scheduled_at desc) from plan_meetings m
            where m.plan_id = p.id), '[]'::json) as meetings,
          coalesce((select json_agg(t order by t.translated_at, t.id) from plan_translations t
            where t.plan_id = p.id), '[]'::json) as translations
        from plans p join plan_versions v on v.id = p.current_version_id
        where p.id = ${planId} and p.student_id = ${studentId}`;
      const [row] = (await db.executeQuery(prepared(query.compile(db)))).rows;
      if (!row) throw new DomainError("not-found", "No such plan for this student");
      // to_json gives timestamps as ISO strings, which the row mappers accept as they accept Dates.
      return {
        timeZone: row.time_zone,
        plan: toPlan(row.plan),
        version: { ...toVersionSummary(row.version), contentJson: row.content_json },
        signatures: row.signatures.map(toSignature),
        versions: row.versions.map(toVersionSummary),
        meetings: row.meetings.map(toMeeting),
        translations: row.translations.map(toPlanTranslation),
      };
    },

    async currentVersion(plan: PlanRecord, options: { forUpdate?: boolean } = {}): Promise<PlanVersionRecord> {
      if (!plan.currentVersionId) throw new DomainError("not-found", "The plan has no version");
      return this.findVersion(plan.id, plan.currentVersionId, options);
    },

    async listVersions(planId: string): Promise<PlanVersionSummary[]> {
      const rows = await db
        .selectFrom("plan_versions")
        .select([
          "id",
          "plan_id",
          "number",
          "parent_version_id",
          "status",
          "revision",
          "sealed_at",
          "content_sha256",
          "created_by",
          "created_at",
          "updated_at",
          "updated_by",
        ])
        .where("plan_id", "=", planId)
        .orderBy("number", "desc")
        .execute();
      return rows.map(toVersionSummary);
    },

    async insertPlan(input: {
      studentId: string;
      districtId: string;
      schoolId: string;
      type: PlanType;
      createdBy: string;
    }): Promise<string> {
      const row = await db
        .insertInto("plans")
        .values({
          student_id: input.studentId,
          district_id: input.districtId,
          school_id: input.schoolId,
          type: input.type,
          created_by: input.createdBy,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async insertVersion(input: {
      planId: string;
      number: number;
      parentVersionId: string | null;
      content: PlanDocument;
      createdBy: string;
    }): Promise<string> {
      const row = await db
        .insertInto("plan_versions")
        .values({
          plan_id: input.planId,
          number: input.number,
          parent_version_id: input.parentVersionId,
          content: JSON.stringify(input.content),
          created_by: input.createdBy,
          updated_by: input.createdBy,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async updatePlan(planId: string, set: Updateable<Database["plans"]>): Promise<void> {
      await db
        .updateTable("plans")
        .set({ ...set, updated_at: new Date() })
        .where("id", "=", planId)
        .execute();
    },

    async setVersionStatus(versionId: string, status: PlanState, personId: string): Promise<void> {
      await db
        .updateTable("plan_versions")
        .set({ status, updated_at: new Date(), updated_by: personId })
        .where("id", "=", versionId)
        .execute();
    },

    /**
     * Replace a version's content if it is still at `revision` (optimistic concurrency). Returns the
     * new revision, or null when someone else saved first (or the version is no longer editable).
     */
    async replaceContent(input: {
      versionId: string;
      revision: number;
      content: PlanDocument;
      personId: string;
      statuses: PlanState[];
    }): Promise<{ revision: number; updatedAt: string } | null> {
      const row = await db
        .updateTable("plan_versions")
        .set((eb) => ({
          content: JSON.stringify(input.content),
          revision: eb("revision", "+", 1),
          updated_at: new Date(),
          updated_by: input.personId,
        }))
        .where("id", "=", input.versionId)
        .where("revision", "=", input.revision)
        .where("status", "in", input.statuses)
        .where("sealed_at", "is", null)
        .returning(["revision", "updated_at"])
        .executeTakeFirst();
      return row ? { revision: row.revision, updatedAt: isoOr(row.updated_at) } : null;
    },

    /** Seal: hash the content as stored, set sealed_at and the hash, and move to "signed". */
    async seal(versionId: string, personId: string, sealedAt: Date): Promise<{ sha256: string; sealedAt: string }> {
      const row = await db
        .selectFrom("plan_versions")
        .select("content")
        .where("id", "=", versionId)
        .executeTakeFirstOrThrow();
      const sha256 = hashPlanContent(row.content);
      await db
        .updateTable("plan_versions")
        .set({
          status: "signed",
          sealed_at: sealedAt,
          content_sha256: sha256,
          updated_at: sealedAt,
          updated_by: personId,
        })
        .where("id", "=", versionId)
        .where("sealed_at", "is", null)
        .execute();
      return { sha256, sealedAt: sealedAt.toISOString() };
    },

    /** The states of the plan's version in effect and its current version (null when it has none). */
    async versionStates(planId: string): Promise<{ inEffect: PlanState | null; current: PlanState | null }> {
      const row = await db
        .selectFrom("plans as p")
        .leftJoin("plan_versions as e", "e.id", "p.in_effect_version_id")
        .leftJoin("plan_versions as c", "c.id", "p.current_version_id")
        .select(["e.status as in_effect", "c.status as current"])
        .where("p.id", "=", planId)
        .executeTakeFirstOrThrow();
      return { inEffect: row.in_effect as PlanState | null, current: row.current as PlanState | null };
    },

    async insertMeeting(input: {
      planId: string;
      versionId: string;
      scheduledAt: string;
      location: string;
      purpose: string;
      meetingType: string | null;
      notice: MeetingNotice | null;
      attendees: PlanAttendee[];
      parentContactAttempts: ParentContactAttempt[];
      createdBy: string;
    }): Promise<string> {
      const row = await db
        .insertInto("plan_meetings")
        .values({
          plan_id: input.planId,
          version_id: input.versionId,
          scheduled_at: input.scheduledAt,
          location: input.location,
          purpose: input.purpose,
          meeting_type: input.meetingType,
          notice_sent_on: input.notice?.sentOn ?? null,
          notice: input.notice ? JSON.stringify(input.notice) : null,
          attendees: JSON.stringify(input.attendees),
          excusals: "[]",
          attendance: "[]",
          parent_contact_attempts: JSON.stringify(input.parentContactAttempts),
          created_by: input.createdBy,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return row.id;
    },

    /** Record a meeting's attendance (when given), notes and attempts to involve the parent. */
    async recordMeeting(
      meetingId: string,
      input: {
        attendance: { entries: AttendanceEntry[]; excusals: unknown[]; recordedAt: Date } | null;
        notes: string;
        parentContactAttempts: ParentContactAttempt[];
        at: Date;
      },
    ): Promise<void> {
      await db
        .updateTable("plan_meetings")
        .set({
          ...(input.attendance
            ? {
                attendance: JSON.stringify(input.attendance.entries),
                excusals: JSON.stringify(input.attendance.excusals),
                attendance_recorded_at: input.attendance.recordedAt,
              }
            : {}),
          notes: input.notes,
          parent_contact_attempts: JSON.stringify(input.parentContactAttempts),
          updated_at: input.at,
        })
        .where("id", "=", meetingId)
        .execute();
    },

    /** Record a signature beside the version; null when this attendee has already signed it. */
    async insertSignature(input: {
      versionId: string;
      attendeeId: string;
      role: string;
      method: "typed" | "drawn" | "paper";
      signatureText: string;
      drawing: string | null;
      meaning: "attendance" | "agreement";
      signerPersonId: string;
      signedAt: Date;
      consentChoice: string | null;
      consentExclusions: unknown[];
      legalName: string | null;
      signInMethod: string | null;
      enteredBy: string | null;
      paperSignedOn: string | null;
    }): Promise<string | null> {
      const row = await db
        .insertInto("plan_signatures")
        .values({
          version_id: input.versionId,
          attendee_id: input.attendeeId,
          role: input.role,
          method: input.method,
          signature_text: input.signatureText,
          drawing: input.drawing,
          meaning: input.meaning,
          signer_person_id: input.signerPersonId,
          signed_at: input.signedAt,
          consent_choice: input.consentChoice,
          consent_exclusions: JSON.stringify(input.consentExclusions),
          legal_name: input.legalName,
          sign_in_method: input.signInMethod,
          entered_by: input.enteredBy,
          paper_signed_on: input.paperSignedOn,
        })
        .onConflict((oc) => oc.columns(["version_id", "attendee_id"]).doNothing())
        .returning("id")
        .executeTakeFirst();
      return row?.id ?? null;
    },

    async listMeetings(planId: string): Promise<PlanMeetingRecord[]> {
      const rows = await db
        .selectFrom("plan_meetings")
        .selectAll()
        .where("plan_id", "=", planId)
        .orderBy("scheduled_at", "desc")
        .execute();
      return rows.map(toMeeting);
    },

    async findMeeting(planId: string, meetingId: string): Promise<PlanMeetingRecord> {
      if (!isUuid(meetingId)) throw new DomainError("not-found", "No such meeting for this plan");
      const row = await db
        .selectFrom("plan_meetings")
        .selectAll()
        .where("id", "=", meetingId)
        .where("plan_id", "=", planId)
        .executeTakeFirst();
      if (!row) throw new DomainError("not-found", "No such meeting for this plan");
      return toMeeting(row);
    },

    /** Keep the scanned page of a paper signature (sent as base64; stored as bytes). */
    async insertSignatureScan(input: {
      signatureId: string;
      contentType: string;
      fileName: string;
      byteSize: number;
      sha256: string;
      dataBase64: string;
      uploadedBy: string;
    }): Promise<void> {
      await db
        .insertInto("plan_signature_scans")
        .values({
          signature_id: input.signatureId,
          content_type: input.contentType,
          file_name: input.fileName,
          byte_size: input.byteSize,
          sha256: input.sha256,
          data: sql`decode(${input.dataBase64}, 'base64')` as never,
          uploaded_by: input.uploadedBy,
        })
        .execute();
    },

    /** The scanned page of a signature on a version of this plan; null when it has none. */
    async findSignatureScan(planId: string, signatureId: string): Promise<SignatureScanRecord | null> {
      if (!isUuid(signatureId)) return null;
      const row = await db
        .selectFrom("plan_signature_scans as c")
        .innerJoin("plan_signatures as s", "s.id", "c.signature_id")
        .innerJoin("plan_versions as v", "v.id", "s.version_id")
        .select(["c.content_type", "c.file_name", "c.byte_size", "c.sha256"])
        .select(sql<string>`encode(c.data, 'base64')`.as("data"))
        .where("c.signature_id", "=", signatureId)
        .where("v.plan_id", "=", planId)
        .executeTakeFirst();
      if (!row) return null;
      return {
        contentType: row.content_type,
        fileName: row.file_name,
        byteSize: row.byte_size,
        sha256: row.sha256,
        data: Buffer.from(row.data, "base64"),
      };
    },

    async listSignatures(versionId: string): Promise<PlanSignatureRecord[]> {
      const rows = await db
        .selectFrom("plan_signatures")
        .selectAll()
        .where("version_id", "=", versionId)
        .orderBy("signed_at")
        .execute();
      return rows.map(toSignature);
    },

    /** Plan badges for student lists and details: `{ plans: [{ id, type, status }] }`. */
    async badges(studentIds: string[]): Promise<Map<string, Array<{ id: string; type: PlanType; status: string }>>> {
      const out = new Map<string, Array<{ id: string; type: PlanType; status: string }>>();
      if (studentIds.length === 0) return out;
      const rows = await db
        .selectFrom("plans")
        .select(["id", "student_id", "type", "status"])
        .where("student_id", "in", studentIds)
        .orderBy("created_at", "desc")
        .execute();
      for (const r of rows) {
        const list = out.get(r.student_id) ?? [];
        list.push({ id: r.id, type: r.type as PlanType, status: r.status });
        out.set(r.student_id, list);
      }
      return out;
    },
  };
}

export type PlansRepository = ReturnType<typeof createPlansRepository>;
