/**
 * Keys of pages only school staff use (the plan editor, the week's service log, fidelity, the
 * district's policy, the checker, the roster). They stay English for now; every other key is
 * family-facing and must have its Spanish.
 */
export const STAFF_ONLY_PREFIXES = [
  "plans.editor.",
  "plans.field.",
  "plans.item.",
  "plans.hint.",
  "plans.workspace.",
  "plans.goalBuilder.",
  "plans.paper.",
  "accounts.people.",
  "accounts.invite.",
  "accounts.outbox.",
  "audit.",
  "retention.",
  "accounts.editor.",
  "accounts.security.",
  "plans.merge.",
  "plans.diff.",
  "plans.start.",
  "plans.amend.",
  "plans.end.",
  "plans.meeting.",
  "plans.contact.",
  "plans.steps.",
  "navigator.save.",
  "navigator.saved.",
  "enforcement.week.",
  "enforcement.fidelity.",
  "enforcement.policy.",
  "enforcement.batch.",
  "enforcement.alerts.",
  "overview.",
  "compliance.",
  "roster.",
  "home.overview.",
  "home.compliance.",
  "home.tasks.",
  "students.list.",
  "students.add.",
  "students.edit.",
  "notForYou.staff.",
] as const;
export type StaffOnly = `${(typeof STAFF_ONLY_PREFIXES)[number]}${string}`;

/** Whether a key is read only by school staff (stays English). */
export function isStaffOnly(key: string): boolean {
  return STAFF_ONLY_PREFIXES.some((prefix) => key.startsWith(prefix));
}
