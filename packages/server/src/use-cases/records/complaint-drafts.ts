/**
 * A family's state complaint drafts (34 CFR 300.153): made from chosen entries of the chronology,
 * with the evidence the record holds for each frozen at that moment; the words are the family's to
 * edit; read back with what 300.153(b) still asks for, the one-year limit and where to send it.
 * Only the family and its linked advocate reach these (action `draft-complaint`, decision 0020).
 */
import {
  type ComplaintDraft,
  type ComplaintDraftList,
  type ComplaintLanguage,
  complaintEvidence,
  complaintGaps,
  complaintRecipients,
  complaintTimeLimit,
  DomainError,
  describeServiceAmount,
  draftComplaintText,
  labelOf,
  type SaveComplaintDraftBody,
  ZSaveComplaintDraftBody,
} from "@lantern/core";
import type { ComplaintDraftRecord } from "../../repositories/complaint-drafts-repository.ts";
import { type Actor, auditAs, inTransaction, todayFor, type UseCaseDeps } from "../deps.ts";
import { readChronology } from "./read-chronology.ts";

type Where = { studentId: string; districtId: string };

/** The drafts as the family reads them; `lang` is the language of what Lantern says about them (gaps, where to send). */
async function viewOf(
  deps: UseCaseDeps,
  where: Where,
  records: ComplaintDraftRecord[],
  lang: ComplaintLanguage = "en",
): Promise<ComplaintDraft[]> {
  const [student, today] = await Promise.all([
    deps.repos.students.findDetail(where.studentId),
    todayFor(deps, where.districtId),
  ]);
  if (!student) throw new Error("student vanished after authorization");
  const sendTo = complaintRecipients(student.district.state, student.district.name, lang);
  return records.map((r) => ({
    id: r.id,
    studentId: r.studentId,
    revision: r.revision,
    text: r.text,
    evidence: r.evidence,
    gaps: complaintGaps(r.text, lang),
    timeLimit: complaintTimeLimit(
      r.evidence.map((e) => e.entry),
      today,
    ),
    sendTo,
    district: { name: student.district.name, state: student.district.state },
    createdBy: r.createdBy,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }));
}

export async function listComplaintDrafts(deps: UseCaseDeps, input: Where): Promise<ComplaintDraftList> {
  return { items: await viewOf(deps, input, await deps.repos.complaintDrafts.listForStudent(input.studentId)) };
}

export async function readComplaintDraft(
  deps: UseCaseDeps,
  input: Where & { draftId: string; lang?: ComplaintLanguage | undefined },
): Promise<ComplaintDraft> {
  const [view] = await viewOf(
    deps,
    input,
    [await deps.repos.complaintDrafts.find(input.studentId, input.draftId)],
    input.lang,
  );
  if (!view) throw new Error("draft vanished");
  return view;
}

/** A first draft from the chosen chronology entries, with their evidence. */
export async function createComplaintDraft(
  deps: UseCaseDeps,
  input: Where & { entryIds: readonly string[]; actor: Actor & { email: string } },
): Promise<ComplaintDraft> {
  const { repos } = deps;
  const chronology = await readChronology(deps, { ...input, filter: {} });
  const byId = new Map(chronology.entries.map((e) => [e.id, e]));
  const unknown = input.entryIds.filter((id) => !byId.has(id));
  if (unknown.length > 0) {
    throw new DomainError("invalid-input", "Some chosen entries are not in the chronology", {
      issues: unknown.map((id) => ({ path: "/entryIds", message: `No entry "${id}" in this student's chronology` })),
    });
  }
  const chosen = [...new Set(input.entryIds)]
    .map((id) => byId.get(id))
    .filter((e) => e !== undefined)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const [student, terms, policy, sessions] = await Promise.all([
    repos.students.findDetail(input.studentId),
    repos.enforcementPlans.forStudent(input.studentId),
    repos.enforcement.getPolicy(input.districtId),
    chosen.some((e) => e.kind === "missed-sessions") ? repos.enforcement.listSessions([input.studentId]) : [],
  ]);
  if (!student) throw new Error("student vanished after authorization");
  const serviceNames = new Map<string, string>();
  const planWords: Array<{ service: string; effectiveFrom: string; version: string; words: string }> = [];
  for (const v of terms.planVersions) {
    for (const s of v.services) {
      const name = labelOf("serviceArea", s.area);
      serviceNames.set(s.id, name);
      const where = s.location ? ` in the ${s.location}` : "";
      const who = s.providerRole ? `, by the ${s.providerRole}` : "";
      planWords.push({
        service: name,
        effectiveFrom: v.effectiveFrom,
        version: v.label,
        words: `${name}: ${describeServiceAmount(s) || "as the plan sets out"}${where}${who}`,
      });
    }
  }
  const evidence = complaintEvidence(chosen, {
    sessions: sessions.map((s) => ({
      date: s.date,
      service: serviceNames.get(s.serviceId) ?? "Service",
      minutes: s.minutes,
      status: s.status,
    })),
    owedReasons: new Set(policy.owedReasons),
    planWords,
  });
  const text = draftComplaintText({
    studentName: `${student.firstName} ${student.lastName}`,
    schoolName: student.school.name,
    districtName: student.district.name,
    complainant: {
      name: input.actor.name ?? "",
      email: input.actor.email,
      relationship: input.actor.basis === "advocate" ? "Advocate for the family" : "Parent",
    },
    evidence,
  });
  const id = await inTransaction(deps, async (tx) => {
    const id = await tx.repos.complaintDrafts.insert({
      studentId: input.studentId,
      personId: input.actor.personId,
      text,
      evidence,
    });
    await auditAs(
      tx.audit,
      input.actor,
    )({
      action: "family-draft.created",
      studentId: input.studentId,
      subject: `family-draft:${id}`,
      details: { draftId: id, entries: chosen.length },
    });
    return id;
  });
  return readComplaintDraft(deps, { ...input, draftId: id });
}

/** Save the family's words; a stale revision gets 409 (two people of the family editing at once). */
export async function saveComplaintDraft(
  deps: UseCaseDeps,
  input: Where & { draftId: string; body: SaveComplaintDraftBody; actor: Actor },
): Promise<ComplaintDraft> {
  const body = ZSaveComplaintDraftBody.parse(input.body);
  await deps.repos.complaintDrafts.find(input.studentId, input.draftId);
  await inTransaction(deps, async (tx) => {
    const saved = await tx.repos.complaintDrafts.saveText({
      studentId: input.studentId,
      draftId: input.draftId,
      revision: body.revision,
      text: body.text,
      personId: input.actor.personId,
    });
    if (!saved) {
      throw new DomainError("conflict", "Someone saved this draft since you opened it; reload to see their words");
    }
    await auditAs(
      tx.audit,
      input.actor,
    )({
      action: "family-draft.saved",
      studentId: input.studentId,
      subject: `family-draft:${input.draftId}`,
      details: { draftId: input.draftId, revision: body.revision + 1 },
    });
  });
  return readComplaintDraft(deps, input);
}
