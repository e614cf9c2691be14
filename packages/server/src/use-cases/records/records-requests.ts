/**
 * Records requests on the clock (34 CFR 300.613; Cal. Ed. Code 56504): a family asks in the app, or
 * staff log a request received on paper or by phone; staff acknowledge it and record when the
 * records were provided. The clock is core's (`recordsRequestClock`, the state table's rule); each
 * step and its audit event commit together.
 */
import {
  type CreateRecordsRequestBody,
  canAddRecordsEvent,
  DomainError,
  type IsoDate,
  type OpenRecordsRequestList,
  type RecordsRequest,
  type RecordsRequestEventBody,
  type RecordsRequestList,
  recordsRequestClock,
  recordsRequestStatus,
  ZCreateRecordsRequestBody,
  ZRecordsRequestEventBody,
} from "@lantern/core";
import type { StoredRecordsRequest } from "../../repositories/records-requests-repository.ts";
import { type Actor, auditAs, inTransaction, todayFor, type UseCaseDeps } from "../deps.ts";
import { recordsRequestArrived } from "../inbox/staff-events.ts";

/** What the clock needs about the district and the student, read once per student. */
async function clockFacts(deps: UseCaseDeps, districtId: string) {
  const [state, today, calendar] = await Promise.all([
    deps.repos.districts.state(districtId),
    todayFor(deps, districtId),
    deps.repos.compliance.calendarOrDefault(districtId),
  ]);
  const holidays = new Set<IsoDate>(calendar.data.years.flatMap((y) => y.holidays.map((h) => h.date)));
  return { state, today, holidays };
}

async function toRequest(
  deps: UseCaseDeps,
  stored: StoredRecordsRequest,
  facts: Awaited<ReturnType<typeof clockFacts>>,
): Promise<RecordsRequest> {
  const fulfilled = stored.events.find((e) => e.kind === "fulfilled");
  const meetingOn = await deps.repos.recordsRequests.nextMeetingOn(stored.studentId, stored.receivedOn);
  return {
    id: stored.id,
    studentId: stored.studentId,
    channel: stored.channel,
    receivedOn: stored.receivedOn,
    requester: stored.requester,
    scope: stored.scope,
    status: recordsRequestStatus(stored.events),
    clock: recordsRequestClock({
      receivedOn: stored.receivedOn,
      state: facts.state,
      today: facts.today,
      fulfilledOn: fulfilled?.on ?? null,
      meetingOn,
      holidays: facts.holidays,
    }),
    events: stored.events,
  };
}

/** A student's records requests, newest first, each with its clock. */
export async function listRecordsRequests(
  deps: UseCaseDeps,
  input: { studentId: string; districtId: string },
): Promise<RecordsRequestList> {
  const facts = await clockFacts(deps, input.districtId);
  const stored = await deps.repos.recordsRequests.listForStudent(input.studentId);
  return { items: await Promise.all(stored.map((s) => toRequest(deps, s, facts))) };
}

/** Open requests in districts the person works in; the route keeps the students the person may see. */
export async function listOpenRecordsRequests(
  deps: UseCaseDeps,
  input: { districtIds: readonly string[]; visible: (studentIds: string[]) => Promise<ReadonlySet<string>> },
): Promise<OpenRecordsRequestList> {
  const stored = await deps.repos.recordsRequests.listOpenInDistricts(input.districtIds);
  const visible = await input.visible([...new Set(stored.map((s) => s.studentId))]);
  const factsBy = new Map<string, Awaited<ReturnType<typeof clockFacts>>>();
  const items = [];
  for (const s of stored) {
    if (!visible.has(s.studentId)) continue;
    let facts = factsBy.get(s.districtId);
    if (!facts) {
      facts = await clockFacts(deps, s.districtId);
      factsBy.set(s.districtId, facts);
    }
    items.push({ ...(await toRequest(deps, s, facts)), studentName: s.studentName });
  }
  items.sort((a, b) => (a.clock.dueDate < b.clock.dueDate ? -1 : a.clock.dueDate > b.clock.dueDate ? 1 : 0));
  return { items };
}

/** Record a new request: the family's own (received today), or one staff received on paper or by phone. */
export async function createRecordsRequest(
  deps: UseCaseDeps,
  input: {
    studentId: string;
    districtId: string;
    body: CreateRecordsRequestBody;
    actor: Actor & { name: string };
  },
): Promise<RecordsRequest> {
  const body = ZCreateRecordsRequestBody.parse(input.body);
  const facts = await clockFacts(deps, input.districtId);
  const fromFamily = body.channel === "app";
  const receivedOn = fromFamily ? facts.today : (body.receivedOn as IsoDate);
  if (receivedOn > facts.today) {
    throw new DomainError("invalid-input", "The request cannot be received after today", {
      issues: [{ path: "/receivedOn", message: `Enter ${facts.today} or an earlier day` }],
    });
  }
  const id = await inTransaction(deps, async (tx) => {
    const id = await tx.repos.recordsRequests.insert({
      studentId: input.studentId,
      channel: body.channel,
      receivedOn,
      requester: fromFamily ? input.actor.name : (body.requester as string),
      requestedBy: fromFamily ? input.actor.personId : null,
      scope: body.scope,
      createdBy: input.actor.personId,
      note: "",
    });
    await auditAs(
      tx.audit,
      input.actor,
    )({
      action: "records-request.received",
      studentId: input.studentId,
      subject: `records-request:${id}`,
      details: { requestId: id, channel: body.channel, receivedOn },
    });
    const clock = recordsRequestClock({
      receivedOn,
      state: facts.state,
      today: facts.today,
      fulfilledOn: null,
      meetingOn: await tx.repos.recordsRequests.nextMeetingOn(input.studentId, receivedOn),
      holidays: facts.holidays,
    });
    await recordsRequestArrived(tx, {
      studentId: input.studentId,
      districtId: input.districtId,
      student: await tx.repos.notifications.studentName(input.studentId),
      receivedOn,
      dueDate: clock.dueDate,
      fromFamily,
      actorId: input.actor.personId,
    });
    return id;
  });
  const stored = await deps.repos.recordsRequests.findForStudent(input.studentId, id);
  if (!stored) throw new Error("records request vanished after insert");
  return toRequest(deps, stored, facts);
}

/** A step of a request's history: acknowledged, or the records provided. Each once, in order. */
export async function addRecordsRequestEvent(
  deps: UseCaseDeps,
  input: {
    studentId: string;
    districtId: string;
    requestId: string;
    body: RecordsRequestEventBody;
    actor: Actor;
  },
): Promise<RecordsRequest> {
  const body = ZRecordsRequestEventBody.parse(input.body);
  const facts = await clockFacts(deps, input.districtId);
  const on = body.on ?? facts.today;
  if (on > facts.today) {
    throw new DomainError("invalid-input", "That day has not come yet", {
      issues: [{ path: "/on", message: `Enter ${facts.today} or an earlier day` }],
    });
  }
  await inTransaction(deps, async (tx) => {
    await tx.repos.recordsRequests.lock(input.requestId);
    const stored = await tx.repos.recordsRequests.findForStudent(input.studentId, input.requestId);
    if (!stored) throw new DomainError("not-found", "No such records request for this student");
    if (!canAddRecordsEvent(stored.events, body.kind)) {
      throw new DomainError("conflict", `This request is already ${recordsRequestStatus(stored.events)}`);
    }
    if (on < stored.receivedOn) {
      throw new DomainError("invalid-input", "That day is before the request was received", {
        issues: [{ path: "/on", message: `Enter ${stored.receivedOn} or a later day` }],
      });
    }
    await tx.repos.recordsRequests.addEvent({
      requestId: input.requestId,
      kind: body.kind,
      on,
      personId: input.actor.personId,
      note: body.note,
    });
    await auditAs(
      tx.audit,
      input.actor,
    )({
      action: body.kind === "fulfilled" ? "records-request.fulfilled" : "records-request.acknowledged",
      studentId: input.studentId,
      subject: `records-request:${input.requestId}`,
      details: { requestId: input.requestId, on },
    });
  });
  const stored = await deps.repos.recordsRequests.findForStudent(input.studentId, input.requestId);
  if (!stored) throw new DomainError("not-found", "No such records request for this student");
  return toRequest(deps, stored, facts);
}
