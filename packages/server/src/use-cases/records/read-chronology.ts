/**
 * The case chronology of a student: the server reads the record (plan versions and what changed,
 * meetings and notices, signatures and consent, stored deadlines, service sessions, saved letters,
 * records requests) and core's `buildChronology` orders and words it.
 */
import {
  buildChronology,
  CHRONOLOGY_KINDS,
  type Chronology,
  type ChronologyFilter,
  type ChronologyLanguage,
  type ChronologySources,
  COMMUNICATION_MODE_LABELS,
  diffPlans,
  labelIn,
} from "@lantern/core";
import { todayFor, type UseCaseDeps } from "../deps.ts";
import { listAmendmentRequests } from "./amendment-requests.ts";
import { listRecordsRequests } from "./records-requests.ts";

const MAX_CHANGES = 5;

/** The student's chronology, filtered by kind and dates. */
export async function readChronology(
  deps: UseCaseDeps,
  input: { studentId: string; districtId: string; filter: ChronologyFilter; lang?: ChronologyLanguage | undefined },
): Promise<Chronology> {
  const { repos } = deps;
  const lang = input.lang ?? "en";
  const [student, today, plans, terms, policy, sessions, letters, requests, deadlines, communications] =
    await Promise.all([
      repos.students.findDetail(input.studentId),
      todayFor(deps, input.districtId),
      repos.plans.listForStudent(input.studentId),
      repos.enforcementPlans.forStudent(input.studentId),
      repos.enforcement.getPolicy(input.districtId),
      repos.enforcement.listSessions([input.studentId]),
      repos.letters.listForStudent(input.studentId, 10_000),
      listRecordsRequests(deps, input),
      repos.caseFile.deadlines(input.studentId),
      repos.communications.listForStudent(input.studentId),
    ]);
  if (!student) throw new Error("student vanished after authorization");
  const serviceNames = new Map<string, string>();
  for (const v of terms.planVersions) {
    for (const s of v.services) serviceNames.set(s.id, labelIn("serviceArea", s.area, lang));
  }

  const versions: Array<ChronologySources["versions"][number]> = [];
  const meetings: Array<ChronologySources["meetings"][number]> = [];
  const signatures: Array<ChronologySources["signatures"][number]> = [];
  const people: string[] = [...letters.map((l) => l.savedBy)];
  const pending: Array<() => void> = [];
  const names = new Map<string, string>();
  const nameOf = (id: string) => names.get(id) ?? (lang === "es" ? "Personal" : "Staff");

  for (const plan of plans) {
    const planName = labelIn("planType", plan.type, lang);
    const summaries = (await repos.plans.listVersions(plan.id)).sort((a, b) => a.number - b.number);
    let before = null as Awaited<ReturnType<typeof repos.plans.findVersion>> | null;
    for (const s of summaries) {
      const v = await repos.plans.findVersion(plan.id, s.id);
      const all = before ? diffPlans(before.content, v.content).map((c) => c.text) : [];
      const changes =
        all.length > MAX_CHANGES ? [...all.slice(0, MAX_CHANGES), `and ${all.length - MAX_CHANGES} more`] : all;
      before = v;
      people.push(s.createdBy);
      pending.push(() =>
        versions.push({
          id: s.id,
          planName,
          number: s.number,
          createdOn: s.createdAt.slice(0, 10),
          createdBy: nameOf(s.createdBy),
          sealedOn: s.sealedAt ? s.sealedAt.slice(0, 10) : null,
          changes,
        }),
      );
      for (const sig of await repos.plans.listSignatures(s.id)) {
        const role = labelIn("teamRole", sig.role, lang);
        signatures.push({
          id: sig.id,
          planName,
          on: sig.signedAt.slice(0, 10),
          who: sig.signatureText ? `${sig.signatureText} (${role})` : role,
          consentChoice: sig.consentChoice,
        });
      }
    }
    for (const m of await repos.plans.listMeetings(plan.id)) {
      const present = new Set(
        m.attendance
          .filter((a) => a.status === "attended" || a.status === "attended-remotely")
          .map((a) => a.attendeeId),
      );
      pending.push(() =>
        meetings.push({
          id: m.id,
          planName,
          on: m.scheduledAt.slice(0, 10),
          purpose: m.purpose || "team meeting",
          attended: m.attendees
            .filter((a) => present.has(a.id))
            .map((a) => `${a.name || labelIn("teamRole", a.role, lang)} (${labelIn("teamRole", a.role, lang)})`),
          scheduledBy: "School team",
          noticeSentOn: m.noticeSentOn,
        }),
      );
    }
  }
  for (const [id, name] of await repos.caseFile.names(people)) names.set(id, name);
  for (const add of pending) add();

  const sources: ChronologySources = {
    versions,
    meetings,
    signatures,
    deadlines: deadlines.map((d) => ({
      id: d.id,
      // The stored label is English; in Spanish the kind's Spanish name, when it has one.
      label:
        lang === "en" || labelIn("deadlineKind", d.kind, lang) === d.kind
          ? d.label
          : labelIn("deadlineKind", d.kind, lang),
      citation: d.citation,
      dueDate: d.dueDate,
      metOn: d.metOn,
      state: d.metOn ? "met" : d.dueDate < today ? "overdue" : "due",
    })),
    sessions: sessions.map((s) => ({
      date: s.date,
      service: serviceNames.get(s.serviceId) ?? (lang === "es" ? "Servicio" : "Service"),
      minutes: s.minutes,
      status: s.status,
    })),
    owedReasons: new Set(policy.owedReasons),
    letters: letters.map((l) => ({
      id: l.id,
      on: l.savedAt.slice(0, 10),
      subject: l.subject,
      who: nameOf(l.savedBy),
    })),
    recordsRequests: requests.items.map((r) => ({
      id: r.id,
      receivedOn: r.receivedOn,
      requester: r.requester,
      fulfilledOn: r.events.find((e) => e.kind === "fulfilled")?.on ?? null,
      clock: r.clock,
    })),
    communications: communications.map((c) => ({
      id: c.id,
      on: c.occurredOn,
      mode: COMMUNICATION_MODE_LABELS[c.mode],
      withWhom: c.withWhom,
      summary: c.summary,
      who: c.loggedBy,
    })),
    amendments: (await listAmendmentRequests(deps, input)).items.map((a) => ({
      id: a.id,
      record: a.record,
      requestedOn: a.requestedOn,
      requester: a.requester,
      decideBy: a.clock.decideBy,
      events: a.events,
    })),
    today,
  };
  return {
    studentId: input.studentId,
    studentName: `${student.firstName} ${student.lastName}`,
    today,
    kinds: [...(input.filter.kinds ?? CHRONOLOGY_KINDS)],
    from: input.filter.from ?? null,
    to: input.filter.to ?? null,
    entries: buildChronology(sources, input.filter, input.lang),
  };
}
