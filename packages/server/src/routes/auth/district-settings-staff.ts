/**
 * Who may see or change one of the district's sign-in settings: district staff see it, district
 * administrators change it; anyone else is refused in words that name the setting.
 */
import { DomainError, districtSettingsRole } from "@lantern/core";
import type { SignedInPerson } from "../../plugins/auth.ts";

export type SettingsIntent = "read" | "change";

export function districtSettingsStaff(
  person: SignedInPerson,
  request: { id: string },
  intent: SettingsIntent,
  refusal: Record<SettingsIntent, string>,
) {
  const role = districtSettingsRole({ personId: person.id, roles: person.roles }, intent);
  if (!role) throw new DomainError("forbidden", refusal[intent]);
  return { districtId: role.districtId, actor: { personId: person.id, basis: role.role, requestId: request.id } };
}
