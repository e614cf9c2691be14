/**
 * Requests to amend a record (34 CFR 300.618-300.621; FERPA 34 CFR 99.20-99.22): the family asks,
 * the district sets the date it will decide by and decides; after a refusal the family is told of
 * the right to a hearing and may place a statement in the record, which is kept and disclosed with
 * it. The rules are core's (`amendmentClock`, `amendmentStepProblem`); each step and its audit
 * event commit together, under the request's lock.
 */
import {
  AMENDMENT_CITATIONS,
  type AmendmentDeadlineBody,
  type AmendmentDecisionBody,
  type AmendmentRequest,
  type AmendmentRequestList,
  type AmendmentStatementBody,
  amendmentClock,
  amendmentStatus,
  amendmentStepProblem,
  type CreateAmendmentRequestBody,
  DomainError,
  type IsoDate,
  ZAmendmentDeadlineBody,
  ZAmendmentDecisionBody,
  ZAmendmentStatementBody,
  ZCreateAmendmentRequestBody,
} from "@lantern/core";
import type { StoredAmendmentRequest } from "../../repositories/amendment-requests-repository.ts";
import { type Actor, auditAs, inTransaction, todayFor, type UseCaseDeps } from "../deps.ts";

export function toAmendmentRequest(stored: StoredAmendmentRequest, today: IsoDate): AmendmentRequest {
  const status = amendmentStatus(stored.events);
  const statement = stored.events.find((e) => e.kind === "statement");
  return {
    id: stored.id,
    studentId: stored.studentId,
    requestedOn: stored.requestedOn,
    requester: stored.requester,
    record: stored.record,
    problem: stored.problem,
    explanation: stored.explanation,
    proposed: stored.proposed,
    status,
    clock: amendmentClock({ requestedOn: stored.requestedOn, today, events: stored.events }),
    rightsCitation: status === "refused" ? `${AMENDMENT_CITATIONS.hearing}; ${AMENDMENT_CITATIONS.statement}` : null,
    statement: statement?.text ?? null,
    events: [
      {
        kind: "requested",
        on: stored.requestedOn,
        at: stored.requestedAt,
        who: stored.requester,
        text: "",
        decideBy: null,
      },
      ...stored.events,
    ],
  };
}

/** A student's requests to amend, newest first, each with its decision clock. */
export async function listAmendmentRequests(
  deps: UseCaseDeps,
  input: { studentId: string; districtId: string },
): Promise<AmendmentRequestList> {
  const [today, stored] = await Promise.all([
    todayFor(deps, input.districtId),
    deps.repos.amendmentRequests.listForStudent(input.studentId),
  ]);
  return { items: stored.map((s) => toAmendmentRequest(s, today)) };
}

/** The family asks the district to amend a record (received today). */
export async function requestAmendment(
  deps: UseCaseDeps,
  input: { studentId: string; districtId: string; body: CreateAmendmentRequestBody; actor: Actor },
): Promise<AmendmentRequest> {
  const body = ZCreateAmendmentRequestBody.parse(input.body);
  const today = await todayFor(deps, input.districtId);
  const id = await inTransaction(deps, async (tx) => {
    const id = await tx.repos.amendmentRequests.insert({
      studentId: input.studentId,
      requestedOn: today,
      requestedBy: input.actor.personId,
      ...body,
    });
    await auditAs(
      tx.audit,
      input.actor,
    )({
      action: "amendment.requested",
      studentId: input.studentId,
      subject: `amendment-request:${id}`,
      details: { amendmentRequestId: id, problem: body.problem, requestedOn: today },
    });
    return id;
  });
  return reload(deps, input.studentId, id, today);
}

/** The district sets the date it will decide by (while the request is open). */
export async function setAmendmentDeadline(
  deps: UseCaseDeps,
  input: { studentId: string; districtId: string; requestId: string; body: AmendmentDeadlineBody; actor: Actor },
): Promise<AmendmentRequest> {
  const body = ZAmendmentDeadlineBody.parse(input.body);
  const today = await todayFor(deps, input.districtId);
  await step(deps, input, today, {
    kind: "deadline-set",
    on: today,
    text: "",
    decideBy: body.decideBy,
    path: "/decideBy",
    details: { decideBy: body.decideBy },
  });
  return reload(deps, input.studentId, input.requestId, today);
}

/** The district's decision: the record amended, or refused (the family is then told of its rights). */
export async function decideAmendment(
  deps: UseCaseDeps,
  input: { studentId: string; districtId: string; requestId: string; body: AmendmentDecisionBody; actor: Actor },
): Promise<AmendmentRequest> {
  const body = ZAmendmentDecisionBody.parse(input.body);
  const today = await todayFor(deps, input.districtId);
  const on = body.on ?? today;
  if (on > today) {
    throw new DomainError("invalid-input", "The decision cannot be after today", {
      issues: [{ path: "/on", message: `Enter ${today} or an earlier day` }],
    });
  }
  await step(deps, input, today, {
    kind: body.decision,
    on,
    text: body.reasons,
    decideBy: null,
    path: "/decision",
    details: { decision: body.decision, on },
  });
  return reload(deps, input.studentId, input.requestId, today);
}

/** After a refusal, the family's statement goes into the record (300.620(b); 99.21(b)(2)). */
export async function placeAmendmentStatement(
  deps: UseCaseDeps,
  input: { studentId: string; districtId: string; requestId: string; body: AmendmentStatementBody; actor: Actor },
): Promise<AmendmentRequest> {
  const body = ZAmendmentStatementBody.parse(input.body);
  const today = await todayFor(deps, input.districtId);
  await step(deps, input, today, {
    kind: "statement",
    on: today,
    text: body.statement,
    decideBy: null,
    path: "/statement",
    details: {},
  });
  return reload(deps, input.studentId, input.requestId, today);
}

const AUDIT = {
  "deadline-set": "amendment.deadline-set",
  amended: "amendment.decided",
  refused: "amendment.decided",
  statement: "amendment.statement-placed",
} as const;

async function step(
  deps: UseCaseDeps,
  input: { studentId: string; requestId: string; actor: Actor },
  today: IsoDate,
  s: {
    kind: "deadline-set" | "amended" | "refused" | "statement";
    on: IsoDate;
    text: string;
    decideBy: IsoDate | null;
    path: string;
    details: Record<string, unknown>;
  },
): Promise<void> {
  await inTransaction(deps, async (tx) => {
    if (!(await tx.repos.amendmentRequests.lock(input.studentId, input.requestId))) {
      throw new DomainError("not-found", "No such request to amend a record for this student");
    }
    const stored = await tx.repos.amendmentRequests.findForStudent(input.studentId, input.requestId);
    if (!stored) throw new DomainError("not-found", "No such request to amend a record for this student");
    const problem = amendmentStepProblem(
      { requestedOn: stored.requestedOn, events: stored.events },
      { kind: s.kind, on: s.on, ...(s.decideBy ? { decideBy: s.decideBy } : {}) },
    );
    if (problem) {
      const wrongDate = s.kind === "deadline-set" && amendmentStatus(stored.events) === "open";
      throw wrongDate
        ? new DomainError("invalid-input", problem, { issues: [{ path: s.path, message: problem }] })
        : new DomainError("invalid-transition", problem);
    }
    await tx.repos.amendmentRequests.addEvent({
      requestId: input.requestId,
      kind: s.kind,
      on: s.on,
      personId: input.actor.personId,
      text: s.text,
      decideBy: s.decideBy,
    });
    await auditAs(
      tx.audit,
      input.actor,
    )({
      action: AUDIT[s.kind],
      studentId: input.studentId,
      subject: `amendment-request:${input.requestId}`,
      details: { amendmentRequestId: input.requestId, ...s.details, today },
    });
  });
}

async function reload(deps: UseCaseDeps, studentId: string, id: string, today: IsoDate): Promise<AmendmentRequest> {
  const stored = await deps.repos.amendmentRequests.findForStudent(studentId, id);
  if (!stored) throw new Error("request to amend vanished after writing");
  return toAmendmentRequest(stored, today);
}
