/** The communication log: either side writes what was said; the entry and its audit event commit together. */
import {
  type Communication,
  type CommunicationList,
  type CreateCommunicationBody,
  DomainError,
  ZCreateCommunicationBody,
} from "@lantern/core";
import { type Actor, auditAs, inTransaction, todayFor, type UseCaseDeps } from "../deps.ts";

export async function listCommunications(deps: UseCaseDeps, input: { studentId: string }): Promise<CommunicationList> {
  return { items: await deps.repos.communications.listForStudent(input.studentId) };
}

export async function logCommunication(
  deps: UseCaseDeps,
  input: { studentId: string; districtId: string; body: CreateCommunicationBody; actor: Actor },
): Promise<Communication> {
  const body = ZCreateCommunicationBody.parse(input.body);
  const today = await todayFor(deps, input.districtId);
  if (body.occurredOn > today) {
    throw new DomainError("invalid-input", "That day has not come yet", {
      issues: [{ path: "/occurredOn", message: `Enter ${today} or an earlier day` }],
    });
  }
  const id = await inTransaction(deps, async (tx) => {
    const id = await tx.repos.communications.insert({
      studentId: input.studentId,
      ...body,
      loggedBy: input.actor.personId,
    });
    await auditAs(
      tx.audit,
      input.actor,
    )({
      action: "communication.logged",
      studentId: input.studentId,
      subject: `communication:${id}`,
      details: { communicationId: id, mode: body.mode, occurredOn: body.occurredOn },
    });
    return id;
  });
  const saved = (await deps.repos.communications.listForStudent(input.studentId)).find((c) => c.id === id);
  if (!saved) throw new Error("communication vanished after insert");
  return saved;
}
