/**
 * Retention and destruction (34 CFR 300.624): the district sets how long each kind of record is
 * kept; records past it are offered for destruction; the family is told; then the records are
 * destroyed in one transaction that leaves a tombstone in the audit trail (what kind, how many, up
 * to which date — never the content). The permanent record is never destroyed. A family's request
 * to destroy records is tracked from received to completed or refused.
 */
import {
  type CreateDestructionRequestBody,
  type DestructionRequest,
  type DestructionRequestStatus,
  type DestructionResult,
  DomainError,
  destructionNoticeText,
  destructionRefusal,
  destructionRequestTransitionProblem,
  isPermanentRecordType,
  KEPT_WITH_RECORD_TYPES,
  minimumRetention,
  type OfferedForDestructionList,
  PERMANENT_RECORD_CITATION,
  PERMANENT_RECORD_TYPES,
  type PutRetentionScheduleBody,
  RETENTION_CITATION,
  type RetentionRecordType,
  type RetentionSchedule,
  retentionCutoff,
  retentionScheduleIssues,
} from "@lantern/core";
import { type Actor, auditAs, inTransaction, todayFor, type UseCaseDeps } from "../deps.ts";
import { notify } from "../inbox/notify.ts";

type AdminInput = { districtId: string; actor: Pick<Actor, "personId" | "requestId"> };

export async function readRetentionSchedule(
  deps: UseCaseDeps,
  input: { districtId: string },
): Promise<RetentionSchedule> {
  const minimum = minimumRetention(await deps.repos.districts.state(input.districtId));
  return {
    entries: await deps.repos.retention.schedule(input.districtId),
    minimumYears: minimum.years,
    minimumCitation: minimum.citation,
    permanent: [...PERMANENT_RECORD_TYPES],
    keptWithRecord: [...KEPT_WITH_RECORD_TYPES],
  };
}

export async function setRetentionSchedule(
  deps: UseCaseDeps,
  input: AdminInput & { body: PutRetentionScheduleBody },
): Promise<RetentionSchedule> {
  const state = await deps.repos.districts.state(input.districtId);
  const issues = retentionScheduleIssues(state, input.body.entries);
  const first = issues[0];
  if (first) throw new DomainError("invalid-input", `${first.path.slice(1)} ${first.message}`, { issues });
  await inTransaction(deps, async (tx) => {
    await tx.repos.retention.replaceSchedule(input.districtId, input.body.entries, input.actor.personId);
    await auditAs(
      tx.audit,
      input.actor,
    )({
      action: "retention.schedule-changed",
      subject: `district:${input.districtId}`,
      details: { entries: input.body.entries },
    });
  });
  return readRetentionSchedule(deps, input);
}

async function cutoffs(deps: UseCaseDeps, districtId: string) {
  const today = await todayFor(deps, districtId);
  const schedule = await deps.repos.retention.schedule(districtId);
  return schedule.map((s) => ({ recordType: s.recordType, before: retentionCutoff(today, s.years) }));
}

export async function listOfferedForDestruction(
  deps: UseCaseDeps,
  input: { districtId: string; limit: number; offset: number },
): Promise<OfferedForDestructionList> {
  const rows = await deps.repos.retention.offered(input.districtId, await cutoffs(deps, input.districtId), {
    limit: input.limit + 1,
    offset: input.offset,
  });
  return {
    items: rows.slice(0, input.limit),
    nextOffset: rows.length > input.limit ? input.offset + input.limit : null,
  };
}

function destroyable(recordType: string): RetentionRecordType {
  if (isPermanentRecordType(recordType)) {
    throw new DomainError(
      "invalid-input",
      `recordType ${recordType} is part of the permanent record, which may be kept without time limit and is never destroyed (${PERMANENT_RECORD_CITATION})`,
    );
  }
  return recordType as RetentionRecordType;
}

/** Tell the child's guardians that records of one kind past the schedule will be destroyed. */
export async function noticeDestruction(
  deps: UseCaseDeps,
  input: AdminInput & { studentId: string; recordType: string },
): Promise<{ offerId: string; before: string; records: number; told: number }> {
  const recordType = destroyable(input.recordType);
  const cutoff = (await cutoffs(deps, input.districtId)).find((c) => c.recordType === recordType);
  if (!cutoff) {
    throw new DomainError("conflict", `The district has set no retention period for ${recordType} yet`);
  }
  return inTransaction(deps, async (tx) => {
    const student = await tx.repos.retention.student(input.districtId, input.studentId);
    if (!student) throw new DomainError("not-found", "No such student in this district");
    const records = await tx.repos.retention.countPast(student.id, recordType, cutoff.before);
    if (records === 0) {
      throw new DomainError("conflict", `No ${recordType} records of this student are past the retention schedule`);
    }
    const open = await tx.repos.retention.openOffer(student.id, recordType);
    const guardians = await tx.repos.retention.guardians(student.id);
    if (open) return { offerId: open.id, before: open.before, records, told: guardians.length };
    const offerId = await tx.repos.retention.addOffer({
      districtId: input.districtId,
      studentId: student.id,
      recordType,
      before: cutoff.before,
      personId: input.actor.personId,
    });
    const firstName = (await tx.repos.inbox.studentAudience(student.id)).firstName;
    await notify(tx, guardians, (language) => ({
      kind: "records-destruction-offered",
      ...destructionNoticeText(language, { firstName, recordType, before: cutoff.before, records }),
      link: `/students/${student.id}/case-file`,
      districtId: input.districtId,
    }));
    await auditAs(
      tx.audit,
      input.actor,
    )({
      action: "retention.destruction-noticed",
      studentId: student.id,
      subject: `destruction-offer:${offerId}`,
      details: { recordType, before: cutoff.before, records, guardiansTold: guardians.length },
    });
    return { offerId, before: cutoff.before, records, told: guardians.length };
  });
}

/** Destroy the records a notice given earlier covers, leaving a tombstone in the audit trail. */
export async function destroyRecords(
  deps: UseCaseDeps,
  input: AdminInput & { studentId: string; recordType: string },
): Promise<DestructionResult> {
  const recordType = destroyable(input.recordType);
  return inTransaction(deps, async (tx) => {
    const student = await tx.repos.retention.student(input.districtId, input.studentId);
    if (!student) throw new DomainError("not-found", "No such student in this district");
    const offer = await tx.repos.retention.openOffer(student.id, recordType);
    const refusal = destructionRefusal({
      recordType,
      noticedAt: offer?.noticed_at ?? null,
      openRecordsRequests: await tx.repos.retention.openRecordsRequests(student.id),
    });
    if (refusal) throw new DomainError(refusal.code, `${refusal.message} (${refusal.citation})`);
    if (!offer) throw new DomainError("conflict", "No notice to act on");
    // One transaction for the whole set: every unit with all its parts goes, or nothing does.
    const ids = await tx.repos.retention.idsPast(student.id, recordType, offer.before);
    const plans = recordType === "plans" ? await tx.repos.retention.plansForTombstone(ids) : undefined;
    const years = (await tx.repos.retention.schedule(input.districtId)).find((e) => e.recordType === recordType)?.years;
    const destroyed = await tx.repos.retention.destroy({ id: offer.id, recordType }, ids);
    await tx.repos.retention.markDestroyed(offer.id, input.actor.personId, destroyed);
    // The tombstone: what kind and which records (ids; for plans, each version's seal hash, which
    // the signatures proved), when and by whom (the event itself), and under which rule.
    await auditAs(
      tx.audit,
      input.actor,
    )({
      action: "record.destroyed",
      studentId: student.id,
      subject: `destruction-offer:${offer.id}`,
      details: {
        recordType,
        before: offer.before,
        destroyed,
        noticedAt: new Date(offer.noticed_at).toISOString(),
        rule: { citation: RETENTION_CITATION, ...(years === undefined ? {} : { years }) },
        ids,
        ...(plans ? { plans } : {}),
      },
    });
    return { offerId: offer.id, recordType, before: offer.before, destroyed };
  });
}

/** A family asks that records no longer needed be destroyed (34 CFR 300.624(b)). */
export async function requestDestruction(
  deps: UseCaseDeps,
  input: {
    districtId: string;
    studentId: string;
    actor: Pick<Actor, "personId" | "requestId">;
    body: CreateDestructionRequestBody;
  },
): Promise<DestructionRequest> {
  const permanent = input.body.recordTypes.find(isPermanentRecordType);
  if (permanent) {
    throw new DomainError(
      "invalid-input",
      `recordTypes: ${permanent} is part of the permanent record, which the school may keep without time limit (${PERMANENT_RECORD_CITATION})`,
    );
  }
  return inTransaction(deps, async (tx) => {
    const id = await tx.repos.retention.addRequest({
      districtId: input.districtId,
      studentId: input.studentId,
      personId: input.actor.personId,
      recordTypes: [...new Set(input.body.recordTypes)],
      reason: input.body.reason,
    });
    await auditAs(
      tx.audit,
      input.actor,
    )({
      action: "destruction-request.received",
      studentId: input.studentId,
      subject: `destruction-request:${id}`,
      details: { recordTypes: input.body.recordTypes },
    });
    const created = await tx.repos.retention.request(id, input.districtId);
    if (!created) throw new Error("the request just written is missing");
    return created;
  });
}

export async function listStudentDestructionRequests(
  deps: UseCaseDeps,
  input: { studentId: string },
): Promise<{ items: DestructionRequest[] }> {
  return { items: await deps.repos.retention.requestsForStudent(input.studentId) };
}

export async function listDistrictDestructionRequests(
  deps: UseCaseDeps,
  input: { districtId: string; status?: string | undefined; limit: number },
): Promise<{ items: DestructionRequest[] }> {
  return { items: await deps.repos.retention.requestsForDistrict(input.districtId, input.status, input.limit) };
}

/** Grant, refuse (saying why) or complete a family's request; the family is told. */
export async function decideDestructionRequest(
  deps: UseCaseDeps,
  input: AdminInput & { requestId: string; status: DestructionRequestStatus; note: string },
): Promise<DestructionRequest> {
  return inTransaction(deps, async (tx) => {
    const current = await tx.repos.retention.request(input.requestId, input.districtId, true);
    if (!current) throw new DomainError("not-found", "No such destruction request in this district");
    const problem = destructionRequestTransitionProblem(current.status, input.status, input.note);
    if (problem) throw new DomainError("invalid-transition", problem);
    await tx.repos.retention.decideRequest(current.id, input.status, input.note, input.actor.personId);
    await auditAs(
      tx.audit,
      input.actor,
    )({
      action: "destruction-request.status-changed",
      studentId: current.studentId,
      subject: `destruction-request:${current.id}`,
      details: { from: current.status, to: input.status },
    });
    const words: Record<DestructionRequestStatus, string> = {
      received: "received",
      granted: "granted: the records will be destroyed",
      refused: "refused",
      completed: "completed: the records were destroyed",
    };
    await notify(tx, await tx.repos.retention.guardians(current.studentId), {
      kind: "destruction-request-status",
      title: `Your request to destroy records about ${current.studentName}`,
      body: [`Your request was ${words[input.status]}.`, ...(input.note ? [input.note] : [])].join("\n\n"),
      link: `/students/${current.studentId}/case-file`,
      districtId: input.districtId,
    });
    const updated = await tx.repos.retention.request(current.id, input.districtId);
    if (!updated) throw new Error("the request just updated is missing");
    return updated;
  });
}
