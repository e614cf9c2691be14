/**
 * Events staff are told about (in the inbox, and by email unless they chose in-app only): a
 * records request arrives. Staff messages name the student by first name and last initial; the
 * request's details stay in the record.
 */
import { formatLongDate, type IsoDate } from "@lantern/core";
import { CASE_MANAGER_ROLES } from "../../repositories/notifications-repository.ts";
import type { UseCaseDeps } from "../deps.ts";
import { notify } from "./notify.ts";

/** "Mateo R." */
export const shortName = (s: { firstName: string; lastName: string }) =>
  `${s.firstName} ${s.lastName.charAt(0)}.`.trim();

/**
 * A records request arrived (34 CFR 300.613: the school answers without unnecessary delay): the
 * student's case managers are told, or, when the student has none, the district's administrators.
 * Whoever logged it is not told of their own entry.
 */
export async function recordsRequestArrived(
  tx: UseCaseDeps,
  input: {
    studentId: string;
    districtId: string;
    student: { firstName: string; lastName: string };
    receivedOn: IsoDate;
    dueDate: IsoDate;
    fromFamily: boolean;
    actorId: string;
  },
): Promise<void> {
  const managers = (await tx.repos.notifications.caseloadStaff([input.studentId], CASE_MANAGER_ROLES)).map(
    (r) => r.personId,
  );
  const who = managers.length > 0 ? managers : await tx.repos.notifications.districtAdmins(input.districtId);
  const name = shortName(input.student);
  await notify(
    tx,
    who.filter((id) => id !== input.actorId),
    {
      kind: "records-request-arrived",
      title: `A records request for ${name}`,
      body: `${input.fromFamily ? "A parent asked in Lantern" : "A request was logged"} on ${formatLongDate(input.receivedOn, "en")} to see ${name}'s education records. The records are due by ${formatLongDate(input.dueDate, "en")}. Open the case file to acknowledge the request and record when the records are provided.`,
      link: `/students/${input.studentId}/case-file`,
      districtId: input.districtId,
    },
  );
}
