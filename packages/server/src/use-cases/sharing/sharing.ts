/**
 * Families' control over their child's record: link or unlink an advocate (consent to disclose,
 * 34 CFR 300.622(a); FERPA 99.30), and read the record of access (34 CFR 300.614; FERPA 99.32(c)).
 */
import { type AccessLog, type AdvocateLink, type AdvocateLinks, DomainError } from "@lantern/core";
import { type Actor, auditAs, inTransaction, type UseCaseDeps } from "../deps.ts";
import { advocateAccessChanged } from "../inbox/plan-events.ts";

export async function listAdvocates(deps: UseCaseDeps, input: { studentId: string }): Promise<AdvocateLinks> {
  return { items: await deps.repos.sharing.advocates(input.studentId) };
}

export async function linkAdvocate(
  deps: UseCaseDeps,
  input: { studentId: string; advocateEmail: string; actor: Actor },
): Promise<AdvocateLink> {
  const advocate = await deps.repos.sharing.findAdvocateByEmail(input.advocateEmail);
  if (!advocate) {
    throw new DomainError("invalid-input", "No advocate account has that email address", {
      issues: [{ path: "/advocateEmail", message: "no advocate account has this email address" }],
    });
  }
  return inTransaction(deps, async (tx) => {
    const linkedAt = await tx.repos.sharing.link(input.studentId, advocate.id, input.actor.personId, tx.clock.now());
    await auditAs(
      tx.audit,
      input.actor,
    )({
      action: "guardian.advocate-linked",
      studentId: input.studentId,
      subject: `advocate:${advocate.id}`,
      details: { linked: true },
    });
    await advocateAccessChanged(tx, { studentId: input.studentId, advocateId: advocate.id, linked: true });
    return { advocateId: advocate.id, name: advocate.name, email: advocate.email, linkedAt };
  });
}

export async function unlinkAdvocate(
  deps: UseCaseDeps,
  input: { studentId: string; advocateId: string; actor: Actor },
): Promise<void> {
  await inTransaction(deps, async (tx) => {
    const unlinked = await tx.repos.sharing.unlink(input.studentId, input.advocateId, tx.clock.now());
    if (!unlinked) throw new DomainError("not-found", "That advocate is not linked");
    await auditAs(
      tx.audit,
      input.actor,
    )({
      action: "guardian.advocate-linked",
      studentId: input.studentId,
      subject: `advocate:${input.advocateId}`,
      details: { linked: false },
    });
    await advocateAccessChanged(tx, { studentId: input.studentId, advocateId: input.advocateId, linked: false });
  });
}

export async function readAccessLog(
  deps: UseCaseDeps,
  input: { studentId: string; limit: number; before?: number | undefined },
): Promise<AccessLog> {
  return deps.repos.sharing.accessLog(input.studentId, input);
}
