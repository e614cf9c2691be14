/**
 * The plan workspace API: a student's IEPs and 504 plans, their versions (sealed once signed),
 * autosaved drafts with optimistic concurrency, the lifecycle steps, meetings, signatures,
 * plain-language diffs and PDFs. Every read and change goes through the access path, which writes
 * the record of access (34 CFR 300.614).
 */
import {
  type Clock,
  checkPlanTransition,
  DomainError,
  decideStudentAccess,
  diffPlans,
  type MeetingNotice,
  PLAN_SEAL_ALGORITHM,
  type PlanDocument,
  verifyPlanSeal,
} from "@lantern/core";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { systemClock } from "../../clock.ts";
import { noticeOfMeeting } from "../../pdf/meeting-notice-pdf.ts";
import { renderPlanPdf } from "../../pdf/plan-pdf.ts";
import type { AuthorizedAccess } from "../../plugins/access.ts";
import {
  createPlansRepository,
  type PlanPage,
  type PlanRecord,
  type PlanSignatureRecord,
  type PlanVersionRecord,
  type PlanVersionSummary,
} from "../../repositories/plans-repository.ts";
import { amendPlan, ZAmendInput } from "../../use-cases/amend-plan.ts";
import { createPlan } from "../../use-cases/create-plan.ts";
import { endPlan, ZEndInput } from "../../use-cases/end-plan.ts";
import type { PlanActor, PlanDeps } from "../../use-cases/plan-support.ts";
import { proposePlan } from "../../use-cases/propose-plan.ts";
import { putPlanInEffect } from "../../use-cases/put-plan-in-effect.ts";
import { recordAttendance } from "../../use-cases/record-attendance.ts";
import { recordConsent, ZConsentInput } from "../../use-cases/record-consent.ts";
import { refreshPlanCompliance } from "../../use-cases/refresh-plan-compliance.ts";
import { savePlanDraft } from "../../use-cases/save-plan-draft.ts";
import { scheduleMeeting } from "../../use-cases/schedule-meeting.ts";
import { sealingProblems, sealPlanVersion } from "../../use-cases/seal-plan-version.ts";
import { signPlan, ZSignInput } from "../../use-cases/sign-plan.ts";
import {
  type PlanDetail,
  type PlanDetailView,
  sendPlanDetail,
  ZAttendanceBody,
  ZCreatePlanBody,
  ZDiffQuery,
  ZDiffResponse,
  ZMeetingParams,
  ZPdfQuery,
  ZPlanDetail,
  ZPlanListResponse,
  ZPlanParams,
  ZSaveDraftBody,
  ZSaveDraftResponse,
  ZScheduleMeetingBody,
  ZVersionParams,
  ZVersionView,
} from "./plan-views.ts";

const ZStudentParams = z.object({ studentId: z.string().min(1).max(64) });

function versionSummary(v: PlanVersionSummary) {
  return {
    id: v.id,
    number: v.number,
    status: v.status,
    parentVersionId: v.parentVersionId,
    revision: v.revision,
    sealedAt: v.sealedAt,
    sha256: v.contentSha256,
    createdAt: v.createdAt,
    updatedAt: v.updatedAt,
  };
}

function signatureView(s: PlanSignatureRecord) {
  return {
    id: s.id,
    attendeeId: s.attendeeId,
    role: s.role,
    method: s.method,
    signatureText: s.signatureText,
    meaning: s.meaning,
    signerPersonId: s.signerPersonId,
    signedAt: s.signedAt,
    consentChoice: s.consentChoice,
  };
}

function planSummary(p: PlanRecord) {
  return {
    id: p.id,
    studentId: p.studentId,
    type: p.type,
    status: p.status,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    currentVersionId: p.currentVersionId,
    inEffectVersionId: p.inEffectVersionId,
    effectiveFrom: p.effectiveFrom,
    effectiveTo: p.effectiveTo,
    endedOn: p.endedOn,
    endedReason: p.endedReason,
    endedCitation: p.endedCitation,
  };
}

const routes: FastifyPluginAsyncZod = async (app) => {
  // Keep stored compliance results current: after any successful change to a student's plans,
  // re-check each of that student's plans (taking an IEP into effect also ends a 504). This runs
  // after the reply is sent; a plan missed here is still found stale on the next dashboard read.
  app.addHook("onResponse", async (request, reply) => {
    if (request.method === "GET" || reply.statusCode >= 300) return;
    const studentId = (request.params as { studentId?: string } | undefined)?.studentId;
    if (!studentId) return;
    try {
      const rows = await app.deps.db.selectFrom("plans").select("id").where("student_id", "=", studentId).execute();
      for (const row of rows) await refreshPlanCompliance(app.deps.db, row.id, systemClock.today());
    } catch (error) {
      request.log.warn({ err: error, requestId: request.id }, "compliance refresh after a plan change failed");
    }
  });

  const deps: PlanDeps = {
    db: app.deps.db,
    clock: (app.deps as { clock?: Clock }).clock ?? systemClock,
  };
  const plans = createPlansRepository(app.deps.db);
  const base = "/api/students/:studentId/plans";
  const planUrl = `${base}/:planId`;

  // Plan badges on student lists and details: { plans: [{ id, type, status }] }.
  app.deps.repositories.students.addListDecorator(async (ids) => {
    const badges = await plans.badges(ids);
    return new Map([...badges].map(([id, list]) => [id, { plans: list }]));
  });

  const actorOf = (access: AuthorizedAccess, request: FastifyRequest): PlanActor => ({
    personId: access.person.id,
    basis: access.basis,
    requestId: request.id,
  });

  // A sealed version's content cannot change in the database (a trigger refuses it), so its
  // verification is remembered per version and hash instead of re-hashing the document per read.
  const verified = new Map<string, boolean>();
  function verifiedSeal(versionId: string, content: () => PlanVersionRecord["content"], hash: string): boolean {
    const key = `${versionId}:${hash}`;
    let ok = verified.get(key);
    if (ok === undefined) {
      ok = verifyPlanSeal(content(), { algorithm: PLAN_SEAL_ALGORITHM, hash });
      if (verified.size >= 10_000) verified.clear();
      verified.set(key, ok);
    }
    return ok;
  }

  async function versionView(v: PlanVersionRecord) {
    const signatures = await plans.listSignatures(v.id);
    return {
      ...versionSummary(v),
      content: v.content,
      hashVerified: v.contentSha256 ? verifiedSeal(v.id, () => v.content, v.contentSha256) : null,
      signatures: signatures.map(signatureView),
    };
  }

  /**
   * The plan page for `access`: the stored document stays the JSON text it was read as, and is
   * parsed only when the page looks inside it (checks and signers while it is a draft or proposed,
   * the seal's first verification); a version in effect is sent without a parse or a stringify.
   */
  function detailView(page: PlanPage, access: AuthorizedAccess): PlanDetailView {
    const { plan, version, signatures, versions, meetings } = page;
    let parsed: PlanDocument | undefined;
    const content = () => {
      parsed ??= JSON.parse(version.contentJson) as PlanDocument;
      return parsed;
    };
    const personId = access.person.id;
    let propose: PlanDetail["checks"]["propose"] = [];
    let seal: PlanDetail["checks"]["seal"] = [];
    let youMaySignAs: string[] = [];
    if (version.status === "draft") {
      propose = checkPlanTransition("draft", "propose", { document: content(), on: deps.clock.today() }).problems.map(
        ({ path, message }) => ({ path, message }),
      );
    } else if (version.status === "proposed") {
      seal = sealingProblems("proposed", content(), deps.clock.today());
      const isGuardianOnly = access.basis === "guardian";
      const signed = new Set(content().signatures.map((s) => s.attendeeId));
      youMaySignAs = content()
        .attendees.filter((a) => !signed.has(a.id))
        .filter((a) => a.accountId === personId || (a.accountId === null && !isGuardianOnly))
        .map((a) => a.id);
    }
    return {
      plan: planSummary(plan),
      version: {
        ...versionSummary(version),
        contentJson: version.contentJson,
        hashVerified: version.contentSha256 ? verifiedSeal(version.id, content, version.contentSha256) : null,
        signatures: signatures.map(signatureView),
      },
      versions: versions.map(versionSummary),
      meetings: meetings.map((m) => ({
        id: m.id,
        versionId: m.versionId,
        scheduledAt: m.scheduledAt,
        location: m.location,
        purpose: m.purpose,
        meetingType: m.meetingType,
        noticeSentOn: m.noticeSentOn,
        attendees: m.attendees,
        attendance: m.attendance,
        attendanceRecordedAt: m.attendanceRecordedAt,
        notes: m.notes,
        parentContactAttempts: m.parentContactAttempts,
      })),
      checks: { propose, seal },
      youMaySignAs,
      permissions: {
        write: decideStudentAccess({ personId, roles: access.person.roles }, access.student, "write-plan").allowed,
        sign: youMaySignAs.length > 0,
      },
    };
  }

  /** Answer with the plan page as it now stands (after a change, whose record of access is written). */
  async function sendDetail(reply: FastifyReply, access: AuthorizedAccess, studentId: string, planId: string) {
    return sendPlanDetail(reply, detailView(await plans.findPlanPage(studentId, planId), access));
  }

  app.get(
    base,
    {
      schema: {
        tags: ["plans"],
        summary: "The student's IEPs and Section 504 plans",
        params: ZStudentParams,
        response: { 200: ZPlanListResponse },
      },
    },
    async (request) => {
      const { studentId } = request.params;
      await app.access.authorize(request, { studentId, action: "read-plan", purpose: "list plans", record: "plans" });
      const list = await plans.listForStudent(studentId);
      const items = [];
      for (const p of list) {
        const versions = await plans.listVersions(p.id);
        items.push({
          ...planSummary(p),
          currentVersionNumber: versions.find((v) => v.id === p.currentVersionId)?.number ?? null,
        });
      }
      const active504 = list.find((p) => p.type === "section-504" && p.inEffectVersionId !== null);
      return { items, active504PlanId: active504?.id ?? null };
    },
  );

  app.post(
    base,
    {
      schema: {
        tags: ["plans"],
        summary: "Start an IEP or a Section 504 plan (version 1, a draft)",
        params: ZStudentParams,
        body: ZCreatePlanBody,
        response: { 201: ZPlanDetail },
      },
    },
    async (request, reply) => {
      const { studentId } = request.params;
      const access = await app.access.authorize(request, {
        studentId,
        action: "write-plan",
        purpose: "start a plan",
        record: "plans",
      });
      const created = await createPlan(deps, {
        studentId,
        type: request.body.type,
        carryOver504: request.body.carryOver504,
        content: request.body.content,
        actor: actorOf(access, request),
      });
      reply.status(201);
      return sendDetail(reply, access, studentId, created.planId);
    },
  );

  app.get(
    planUrl,
    {
      schema: {
        tags: ["plans"],
        summary: "A plan: its current version (with the seal's SHA-256), every version, meetings and checks",
        params: ZPlanParams,
        response: { 200: ZPlanDetail },
      },
    },
    async (request, reply) => {
      const { studentId, planId } = request.params;
      // One statement writes the record of access and reads the whole page (access path's read).
      const { access, data } = await app.access.read(
        request,
        { studentId, action: "read-plan", purpose: "view plan", record: `plan:${planId}` },
        (recordOfAccess) => plans.findPlanPage(studentId, planId, { recordOfAccess }),
      );
      return sendPlanDetail(reply, detailView(data, access));
    },
  );

  app.put(
    `${planUrl}/draft`,
    {
      schema: {
        tags: ["plans"],
        summary: "Autosave the draft. Send the revision you edited; a stale revision gets 409 with the current content",
        params: ZPlanParams,
        body: ZSaveDraftBody,
        response: { 200: ZSaveDraftResponse },
      },
    },
    async (request) => {
      const { studentId, planId } = request.params;
      const access = await app.access.authorize(request, {
        studentId,
        action: "write-plan",
        purpose: "edit plan draft",
        record: `plan:${planId}`,
      });
      return savePlanDraft(deps, {
        studentId,
        planId,
        revision: request.body.revision,
        content: request.body.content,
        actor: actorOf(access, request),
      });
    },
  );

  /** One lifecycle step: authorize, run, answer with the plan as it now stands. */
  const step = (
    path: string,
    summary: string,
    action: "write-plan" | "sign-plan",
    // biome-ignore lint/suspicious/noExplicitAny: each step declares its own body schema.
    bodySchema: z.ZodType<any>,
    run: (input: { studentId: string; planId: string; body: unknown; actor: PlanActor }) => Promise<unknown>,
  ) => {
    app.post(
      `${planUrl}/${path}`,
      {
        schema: {
          tags: ["plans"],
          summary,
          params: ZPlanParams,
          body: bodySchema,
          response: { 200: ZPlanDetail },
        },
      },
      async (request, reply) => {
        const { studentId, planId } = request.params as { studentId: string; planId: string };
        const access = await app.access.authorize(request, {
          studentId,
          action,
          purpose: summary.toLowerCase(),
          record: `plan:${planId}`,
        });
        await run({ studentId, planId, body: request.body, actor: actorOf(access, request) });
        return sendDetail(reply, access, studentId, planId);
      },
    );
  };

  const ZEmpty = z.object({}).passthrough().optional();
  step("propose", "Propose the plan to the family (prior written notice, 34 CFR 300.503)", "write-plan", ZEmpty, (i) =>
    proposePlan(deps, { ...i, action: "propose" }),
  );
  step("return-to-draft", "Take the proposal back to draft", "write-plan", ZEmpty, (i) =>
    proposePlan(deps, { ...i, action: "return-to-draft" }),
  );
  step("seal", "Seal the signed version (SHA-256 of its canonical JSON)", "write-plan", ZEmpty, (i) =>
    sealPlanVersion(deps, i),
  );
  step("put-in-effect", "Put the signed plan in effect (34 CFR 300.323)", "write-plan", ZEmpty, (i) =>
    putPlanInEffect(deps, i),
  );
  step("amend", "Start an amendment or the annual review (a new version)", "write-plan", ZAmendInput, (i) =>
    amendPlan(deps, { ...i, amend: ZAmendInput.parse(i.body) }),
  );
  step("end", "End the plan, discard a draft, or record revoked consent", "write-plan", ZEndInput, (i) =>
    endPlan(deps, { ...i, end: ZEndInput.parse(i.body) }),
  );
  step("meetings", "Schedule the team meeting (34 CFR 300.322)", "write-plan", ZScheduleMeetingBody, (i) => {
    const b = ZScheduleMeetingBody.parse(i.body);
    return scheduleMeeting(deps, {
      studentId: i.studentId,
      planId: i.planId,
      scheduledAt: b.scheduledAt,
      location: b.location,
      purpose: b.purpose,
      meetingType: b.meetingType,
      attendees: b.attendees,
      notice: b.notice,
      parentContactAttempts: b.parentContactAttempts,
      actor: i.actor,
    });
  });
  step("signatures", "Sign the proposed plan (typed or drawn)", "sign-plan", ZSignInput, (i) =>
    signPlan(deps, { ...i, signature: ZSignInput.parse(i.body) }),
  );
  step("consent", "Record the parent's consent choice (34 CFR 300.300(b))", "sign-plan", ZConsentInput, (i) =>
    recordConsent(deps, { ...i, consent: ZConsentInput.parse(i.body) }),
  );

  app.put(
    `${planUrl}/meetings/:meetingId/attendance`,
    {
      schema: {
        tags: ["plans"],
        summary: "Record attendance, excusals, notes and attempts to involve the parent",
        params: ZMeetingParams,
        body: ZAttendanceBody,
        response: { 200: ZPlanDetail },
      },
    },
    async (request, reply) => {
      const { studentId, planId, meetingId } = request.params;
      const access = await app.access.authorize(request, {
        studentId,
        action: "write-plan",
        purpose: "record meeting attendance",
        record: `plan:${planId}`,
      });
      const b = request.body;
      await recordAttendance(deps, {
        studentId,
        planId,
        meetingId,
        attendance: b.attendance,
        notes: b.notes,
        parentConcerns: b.parentConcerns,
        parentParticipation: b.parentParticipation,
        parentContactAttempts: b.parentContactAttempts,
        actor: actorOf(access, request),
      });
      return sendDetail(reply, access, studentId, planId);
    },
  );

  app.get(
    `${planUrl}/versions/:versionId`,
    {
      schema: {
        tags: ["plans"],
        summary: "One version of the plan, with its seal",
        params: ZVersionParams,
        response: { 200: ZVersionView },
      },
    },
    async (request) => {
      const { studentId, planId, versionId } = request.params;
      await app.access.authorize(request, {
        studentId,
        action: "read-plan",
        purpose: "view plan version",
        record: `plan:${planId}`,
      });
      const plan = await plans.findPlan(studentId, planId);
      const v = await plans.findVersion(plan.id, versionId);
      const view = await versionView(v);
      return view;
    },
  );

  app.get(
    `${planUrl}/diff`,
    {
      schema: {
        tags: ["plans"],
        summary: "Plain-language changes between two versions (default: the current version and its parent)",
        params: ZPlanParams,
        querystring: ZDiffQuery,
        response: { 200: ZDiffResponse },
      },
    },
    async (request) => {
      const { studentId, planId } = request.params;
      await app.access.authorize(request, {
        studentId,
        action: "read-plan",
        purpose: "compare plan versions",
        record: `plan:${planId}`,
      });
      const plan = await plans.findPlan(studentId, planId);
      const to = request.query.to
        ? await plans.findVersion(plan.id, request.query.to)
        : await plans.currentVersion(plan);
      const fromId = request.query.from ?? to.parentVersionId;
      if (!fromId) return { from: null, to: versionSummary(to), changes: [] };
      const from = await plans.findVersion(plan.id, fromId);
      return { from: versionSummary(from), to: versionSummary(to), changes: diffPlans(from.content, to.content) };
    },
  );

  app.get(
    `${planUrl}/pdf`,
    {
      schema: {
        tags: ["plans"],
        summary:
          "The plan as a tagged PDF: full, parent summary, at a glance, prior written notice, or meeting notice (of the version's meeting, or of meetingId)",
        params: ZPlanParams,
        querystring: ZPdfQuery,
      },
    },
    async (request, reply) => {
      const { studentId, planId } = request.params;
      await app.access.authorize(request, {
        studentId,
        action: "read-plan",
        purpose: `print plan (${request.query.kind})`,
        record: `plan:${planId}`,
      });
      const plan = await plans.findPlan(studentId, planId);
      const v = request.query.versionId
        ? await plans.findVersion(plan.id, request.query.versionId)
        : await plans.currentVersion(plan);
      if (request.query.kind === "prior-written-notice" && v.content.type !== "iep") {
        throw new DomainError("invalid-input", "Prior written notice is printed for an IEP", {
          issues: [{ path: "/kind", message: "not available for a Section 504 plan" }],
        });
      }
      const seal =
        v.sealedAt && v.contentSha256
          ? { algorithm: PLAN_SEAL_ALGORITHM, hash: v.contentSha256, sealedAt: v.sealedAt }
          : null;
      let meetingNotice: MeetingNotice | null = null;
      if (request.query.kind === "meeting-notice") {
        const meeting = request.query.meetingId
          ? await plans.findMeeting(plan.id, request.query.meetingId)
          : (await plans.listMeetings(plan.id)).find((m) => m.versionId === v.id);
        meetingNotice = meeting ? noticeOfMeeting(meeting, v.content) : v.content.meeting.notice;
        if (!meetingNotice) throw new DomainError("not-found", "No meeting is scheduled for this plan version");
      }
      const pdf = await renderPlanPdf(request.query.kind, v.content, { seal, version: v.number, meetingNotice });
      const name = `${plan.type}-v${v.number}-${request.query.kind}.pdf`;
      return reply
        .type("application/pdf")
        .header("content-disposition", `inline; filename="${name}"`)
        .header("cache-control", "no-store")
        .send(pdf);
    },
  );
};

export default routes;
