/** A district's mail outbox, for its administrators (decision 0009). */
import type { MailOutboxResponse } from "@lantern/core";
import type { UseCaseDeps } from "../deps.ts";

export async function readMailOutbox(
  deps: UseCaseDeps,
  input: { districtId: string; limit: number; sending: boolean },
): Promise<MailOutboxResponse> {
  return { sending: input.sending, messages: await deps.repos.mail.listForDistrict(input.districtId, input.limit) };
}
