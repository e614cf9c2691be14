/**
 * The daily notifications of a district, run once a day by the server's worker (and safe to run
 * again: a day's digest is claimed in the same transaction that writes its messages, so a second
 * run that day sends nothing; decision 0019):
 * - each case manager's digest of deadlines that became overdue or entered the due-soon window
 *   since the last digest (34 CFR 300.323, 300.303, 300.301(c); the district's due-soon window),
 *   with how many are overdue and due soon in all;
 * - each provider's and case manager's list of services that fell behind schedule since the last
 *   run (34 CFR 300.320(a)(7), 300.323(c)(2)); a service that catches up is forgotten and is
 *   reported again if it falls behind again.
 * Messages go to each person's inbox, and by email unless they chose in-app only.
 */
import { addDays, formatShortDate, type IsoDate, SERVICE_AREA_LABELS, type ServiceArea } from "@lantern/core";
import { type DigestDeadline, SERVICE_ROLES } from "../../repositories/notifications-repository.ts";
import { refreshStalePlans } from "../compliance/refresh-plan-compliance.ts";
import { inTransaction, todayFor, type UseCaseDeps } from "../deps.ts";
import { summarizeServiceMinutes } from "../enforcement/summarize-service-minutes.ts";
import { notify } from "./notify.ts";
import { shortName } from "./staff-events.ts";

export type DailyNotificationsResult = {
  day: IsoDate;
  /** False when the day's digest had already gone out (nothing was sent). */
  sent: boolean;
  deadlineDigests: number;
  serviceMessages: number;
};

type Behind = { studentId: string; serviceId: string; area: string; name: string };
const areaName = (area: string) => SERVICE_AREA_LABELS[area as ServiceArea] ?? area;

/** The services of the district's students with a plan in effect that are behind schedule today. */
async function servicesBehind(deps: UseCaseDeps, districtId: string, today: IsoDate): Promise<Behind[]> {
  const students = await deps.repos.notifications.studentsWithPlansInEffect(districtId);
  const behind: Behind[] = [];
  for (const s of students) {
    const { summary } = await summarizeServiceMinutes(
      deps,
      { studentId: s.studentId, districtId, schoolId: s.schoolId },
      { through: today, segments: false },
    );
    for (const service of summary.services) {
      if (service.behindSchedule.isBehind)
        behind.push({ studentId: s.studentId, serviceId: service.serviceId, area: service.area, name: shortName(s) });
    }
  }
  return behind;
}

function deadlineLine(d: DigestDeadline): string {
  const when = formatShortDate(d.dueDate, "en");
  return `- ${shortName(d)}: ${d.label}, ${d.state === "overdue" ? `overdue since ${when}` : `due ${when}`}`;
}

export async function sendDailyNotifications(
  deps: UseCaseDeps,
  input: { districtId: string },
): Promise<DailyNotificationsResult> {
  const { districtId } = input;
  const today = await todayFor(deps, districtId);
  const none = { day: today, sent: false, deadlineDigests: 0, serviceMessages: 0 };
  // Work out the day's facts first (reads), then write the day's messages in one transaction.
  await refreshStalePlans(deps, {
    scope: { districtId },
    today,
    limit: 5_000,
  });
  const since = (await deps.repos.notifications.lastDigestDay(districtId, today)) ?? addDays(today, -1);
  const { dueSoonDays } = await deps.repos.compliance.settings(districtId);
  const deadlines = await deps.repos.notifications.digestDeadlines(districtId, today, since, dueSoonDays);
  const behind = await servicesBehind(deps, districtId, today);

  return inTransaction(deps, async (tx) => {
    if (!(await tx.repos.notifications.claimDigestDay(districtId, today))) return none;

    // Deadlines: one digest per case manager with something new.
    const byPerson = new Map<string, DigestDeadline[]>();
    for (const d of deadlines) byPerson.set(d.personId, [...(byPerson.get(d.personId) ?? []), d]);
    let deadlineDigests = 0;
    for (const [personId, items] of byPerson) {
      const fresh = items.filter((d) => d.isNew);
      if (fresh.length === 0) continue;
      const overdue = items.filter((d) => d.state === "overdue").length;
      const dueSoon = items.length - overdue;
      await notify(tx, [personId], {
        kind: "deadlines-digest",
        title: `Deadlines: ${fresh.length} new today (${overdue} overdue, ${dueSoon} due soon in all)`,
        body: [
          "These deadlines on your caseload became overdue or are now due soon:",
          ...fresh.slice(0, 50).map(deadlineLine),
          ...(fresh.length > 50 ? [`… and ${fresh.length - 50} more.`] : []),
          "",
          `In all, ${overdue} overdue and ${dueSoon} due within ${dueSoonDays} days. The compliance page lists them all.`,
        ].join("\n"),
        link: "/compliance",
        districtId,
      });
      deadlineDigests++;
    }

    // Services: what fell behind since the last run, to the student's providers and case managers.
    const key = (b: { studentId: string; serviceId: string }) => `${b.studentId}|${b.serviceId}`;
    const students = await tx.repos.notifications.studentsWithPlansInEffect(districtId);
    const known = await tx.repos.notifications.behindNotices(students.map((s) => s.studentId));
    const behindNow = new Set(behind.map(key));
    const newlyBehind = behind.filter((b) => !known.has(key(b)));
    const caughtUp = [...known]
      .filter((k) => !behindNow.has(k))
      .map((k) => {
        const [studentId, serviceId] = k.split("|") as [string, string];
        return { studentId, serviceId };
      });
    await tx.repos.notifications.removeBehindNotices(caughtUp);
    await tx.repos.notifications.addBehindNotices(newlyBehind, today);
    const staff = await tx.repos.notifications.caseloadStaff(
      [...new Set(newlyBehind.map((b) => b.studentId))],
      SERVICE_ROLES,
    );
    const perPerson = new Map<string, Behind[]>();
    for (const { studentId, personId } of staff) {
      const mine = newlyBehind.filter((b) => b.studentId === studentId);
      perPerson.set(personId, [...(perPerson.get(personId) ?? []), ...mine]);
    }
    let serviceMessages = 0;
    for (const [personId, items] of perPerson) {
      const only = items.length === 1 ? items[0] : undefined;
      await notify(tx, [personId], {
        kind: "services-behind",
        title: only
          ? `${only.name}: ${areaName(only.area)} fell behind schedule`
          : `${items.length} services fell behind schedule`,
        body: [
          "These services have delivered fewer minutes than the plan requires by now:",
          ...items.slice(0, 50).map((b) => `- ${b.name}: ${areaName(b.area)}`),
          ...(items.length > 50 ? [`… and ${items.length - 50} more.`] : []),
          "",
          "Plan make-up sessions, and log the sessions already given. The student's services page shows the minutes.",
        ].join("\n"),
        link: only ? `/students/${only.studentId}/services` : "/services/week",
        districtId,
      });
      serviceMessages++;
    }
    return { day: today, sent: true, deadlineDigests, serviceMessages };
  });
}

/** Run the day's notifications of every district (each once a day); a failure in one is logged, the rest go on. */
export async function sendAllDailyNotifications(
  deps: UseCaseDeps,
  log?: { warn(obj: object, msg: string): void },
): Promise<DailyNotificationsResult[]> {
  const results: DailyNotificationsResult[] = [];
  for (const districtId of await deps.repos.notifications.districtIds()) {
    try {
      results.push(await sendDailyNotifications(deps, { districtId }));
    } catch (err) {
      log?.warn({ err, districtId }, "the daily notifications of a district failed");
    }
  }
  return results;
}
