/** The district's compensatory-services policy: which missed sessions the school owes. */
import type { CompensatoryPolicy } from "@lantern/core";
import { type Actor, auditAs, inTransaction, type UseCaseDeps } from "../deps.ts";

export async function readCompensatoryPolicy(
  deps: UseCaseDeps,
  input: { districtId: string },
): Promise<CompensatoryPolicy> {
  return deps.repos.enforcement.getPolicy(input.districtId);
}

export async function setCompensatoryPolicy(
  deps: UseCaseDeps,
  input: { districtId: string; policy: CompensatoryPolicy; actor: Actor },
): Promise<CompensatoryPolicy> {
  return inTransaction(deps, async (tx) => {
    await tx.repos.enforcement.putPolicy(input.districtId, input.policy, input.actor.personId);
    await auditAs(
      tx.audit,
      input.actor,
    )({ action: "settings.updated", subject: "compensatory-policy", details: { ...input.policy } });
    return tx.repos.enforcement.getPolicy(input.districtId);
  });
}
