/**
 * The plan workspace API: a student's IEPs and 504 plans, their versions (sealed once signed),
 * autosaved drafts with optimistic concurrency, the lifecycle steps, meetings, signatures,
 * plain-language diffs and PDFs. Every read and change goes through the access path, which writes
 * the record of access (34 CFR 300.614); each route then runs one use case.
 */
import {
  ZAmendBody,
  ZAttendanceBody,
  ZConsentBody,
  ZCreatePlanBody,
  ZDiffQuery,
  ZEmptyBody,
  ZEndPlanBody,
  ZMeetingParams,
  ZPaperSignatureBody,
  ZPdfQuery,
  ZPlanDetail,
  ZPlanDiff,
  ZPlanList,
  ZPlanParams,
  ZPlanTranslationView,
  ZSaveDraftBody,
  ZSaveDraftResult,
  ZSaveTranslationBody,
  ZScheduleMeetingBody,
  ZSignatureParams,
  ZSignBody,
  ZStudentIdParams,
  ZVersionParams,
  ZVersionView,
} from "@lantern/core";
import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { z } from "zod";
import { type PlanDetailView, planDetailJson } from "../../formats/plan-detail-json.ts";
import { type AuthorizedAccess, actorOf, nameOf } from "../../plugins/access.ts";
import { amendPlan } from "../../use-cases/plans/amend-plan.ts";
import { createPlan } from "../../use-cases/plans/create-plan.ts";
import { endPlan } from "../../use-cases/plans/end-plan.ts";
import type { PlanActor } from "../../use-cases/plans/plan-support.ts";
import { proposePlan } from "../../use-cases/plans/propose-plan.ts";
import { putPlanInEffect } from "../../use-cases/plans/put-plan-in-effect.ts";
import {
  diffPlanVersions,
  listPlans,
  type PlanReader,
  printPlan,
  readPlanPage,
  readPlanVersion,
  readSignatureScan,
} from "../../use-cases/plans/read-plans.ts";
import { recordAttendance } from "../../use-cases/plans/record-attendance.ts";
import { recordConsent } from "../../use-cases/plans/record-consent.ts";
import { recordPaperSignature } from "../../use-cases/plans/record-paper-signature.ts";
import { savePlanDraft } from "../../use-cases/plans/save-plan-draft.ts";
import { savePlanTranslation } from "../../use-cases/plans/save-plan-translation.ts";
import { scheduleMeeting } from "../../use-cases/plans/schedule-meeting.ts";
import { sealPlanVersion } from "../../use-cases/plans/seal-plan-version.ts";
import { signPlan } from "../../use-cases/plans/sign-plan.ts";

/** Reply with a plan page; the route declares `ZPlanDetail`, so the OpenAPI is generated from it. */
function sendPlanDetail(reply: FastifyReply, view: PlanDetailView): FastifyReply {
  return reply.type("application/json; charset=utf-8").send(planDetailJson(view));
}

const readerOf = (access: AuthorizedAccess): PlanReader => ({
  personId: access.person.id,
  roles: access.person.roles,
  basis: access.basis,
  student: access.student,
  name: nameOf(access),
});

/** A scanned page of 5 MB, in base64 inside JSON, with room for the rest of the body. */
const PAPER_SIGNATURE_BODY_LIMIT = 7_500_000;

const routes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;
  const base = "/api/students/:studentId/plans";
  const planUrl = `${base}/:planId`;

  /** Answer with the plan page as it now stands (after a change, whose record of access is written). */
  async function sendPage(reply: FastifyReply, access: AuthorizedAccess, studentId: string, planId: string) {
    return sendPlanDetail(reply, await readPlanPage(deps, { studentId, planId, reader: readerOf(access) }));
  }

  app.get(
    base,
    {
      schema: {
        tags: ["plans"],
        summary: "The student's IEPs and Section 504 plans",
        params: ZStudentIdParams,
        response: { 200: ZPlanList },
      },
    },
    async (request) => {
      const { studentId } = request.params;
      const access = await app.access.authorize(request, {
        studentId,
        action: "read-plan",
        purpose: "list plans",
        record: "plans",
      });
      return listPlans(deps, { studentId, reader: readerOf(access) });
    },
  );

  app.post(
    base,
    {
      schema: {
        tags: ["plans"],
        summary: "Start an IEP or a Section 504 plan (version 1, a draft)",
        params: ZStudentIdParams,
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
      return sendPage(reply, access, studentId, created.planId);
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
      const { data } = await app.access.read(
        request,
        { studentId, action: "read-plan", purpose: "view plan", record: `plan:${planId}` },
        (recordOfAccess, access) => readPlanPage(deps, { studentId, planId, reader: readerOf(access), recordOfAccess }),
      );
      return sendPlanDetail(reply, data);
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
        response: { 200: ZSaveDraftResult },
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

  app.put(
    `${planUrl}/translations`,
    {
      schema: {
        tags: ["plans"],
        summary:
          "Save a human translation of one free-text field of the current version, beside the English (who and when are kept)",
        params: ZPlanParams,
        body: ZSaveTranslationBody,
        response: { 200: ZPlanTranslationView },
      },
    },
    async (request) => {
      const { studentId, planId } = request.params;
      const access = await app.access.authorize(request, {
        studentId,
        action: "write-plan",
        purpose: "translate plan text",
        record: `plan:${planId}`,
      });
      return savePlanTranslation(deps, { studentId, planId, ...request.body, actor: actorOf(access, request) });
    },
  );

  type StepAction = "write-plan" | "sign-plan";
  /** One lifecycle step: authorize, run, answer with the plan as it now stands. */
  const step = <Body extends z.ZodType>(
    path: string,
    summary: string,
    action: StepAction | ((body: z.output<Body>) => StepAction),
    body: Body,
    run: (input: { studentId: string; planId: string; body: z.output<Body>; actor: PlanActor }) => Promise<unknown>,
    options: { bodyLimit?: number } = {},
  ) => {
    app.post(
      `${planUrl}/${path}`,
      {
        ...options,
        schema: { tags: ["plans"], summary, params: ZPlanParams, body, response: { 200: ZPlanDetail } },
      },
      async (request, reply) => {
        const { studentId, planId } = request.params;
        const access = await app.access.authorize(request, {
          studentId,
          action: typeof action === "function" ? action(request.body as z.output<Body>) : action,
          purpose: summary.toLowerCase(),
          record: `plan:${planId}`,
        });
        await run({ studentId, planId, body: request.body as z.output<Body>, actor: actorOf(access, request) });
        return sendPage(reply, access, studentId, planId);
      },
    );
  };

  step(
    "propose",
    "Propose the plan to the family (prior written notice, 34 CFR 300.503)",
    "write-plan",
    ZEmptyBody,
    (i) => proposePlan(deps, { ...i, action: "propose" }),
  );
  step("return-to-draft", "Take the proposal back to draft", "write-plan", ZEmptyBody, (i) =>
    proposePlan(deps, { ...i, action: "return-to-draft" }),
  );
  step("seal", "Seal the signed version (SHA-256 of its canonical JSON)", "write-plan", ZEmptyBody, (i) =>
    sealPlanVersion(deps, i),
  );
  step("put-in-effect", "Put the signed plan in effect (34 CFR 300.323)", "write-plan", ZEmptyBody, (i) =>
    putPlanInEffect(deps, i),
  );
  step("amend", "Start an amendment or the annual review (a new version)", "write-plan", ZAmendBody, (i) =>
    amendPlan(deps, { ...i, amend: i.body }),
  );
  step("end", "End the plan, discard a draft, or record revoked consent", "write-plan", ZEndPlanBody, (i) =>
    endPlan(deps, { ...i, end: i.body }),
  );
  step("meetings", "Schedule the team meeting (34 CFR 300.322)", "write-plan", ZScheduleMeetingBody, (i) =>
    scheduleMeeting(deps, {
      studentId: i.studentId,
      planId: i.planId,
      scheduledAt: i.body.scheduledAt,
      location: i.body.location,
      purpose: i.body.purpose,
      meetingType: i.body.meetingType,
      attendees: i.body.attendees,
      notice: i.body.notice,
      parentContactAttempts: i.body.parentContactAttempts,
      actor: i.actor,
    }),
  );
  step("signatures", "Sign the proposed plan as yourself (typed or drawn)", "sign-plan", ZSignBody, (i) =>
    signPlan(deps, { ...i, signature: i.body }),
  );
  step(
    "paper-signatures",
    "Enter a signature given on paper at the meeting, with the scanned page",
    "write-plan",
    ZPaperSignatureBody,
    (i) => recordPaperSignature(deps, { ...i, paper: i.body }),
    { bodyLimit: PAPER_SIGNATURE_BODY_LIMIT },
  );
  // The parent records their own decision in the app (a right to sign); a paper form is entered by
  // staff who may change the plan.
  step(
    "consent",
    "Record the parent's consent choice (34 CFR 300.300(b)): the parent in the app, or staff from a paper form",
    (body) => (body.source === "paper" ? "write-plan" : "sign-plan"),
    ZConsentBody,
    (i) => recordConsent(deps, { ...i, consent: i.body }),
  );

  app.get(
    `${planUrl}/signatures/:signatureId/scan`,
    {
      schema: {
        tags: ["plans"],
        summary: "The scanned page of a signature given on paper (PDF, PNG or JPEG)",
        params: ZSignatureParams,
      },
    },
    async (request, reply) => {
      const { studentId, planId, signatureId } = request.params;
      await app.access.authorize(request, {
        studentId,
        action: "read-plan",
        purpose: "view a scanned signature page",
        record: `plan:${planId}`,
      });
      const scan = await readSignatureScan(deps, { studentId, planId, signatureId });
      return reply
        .type(scan.contentType)
        .header("cache-control", "no-store")
        .header("x-content-type-options", "nosniff")
        .header("content-disposition", `inline; filename="signature-page.${scan.contentType.split("/")[1]}"`)
        .send(scan.data);
    },
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
      await recordAttendance(deps, { studentId, planId, meetingId, ...request.body, actor: actorOf(access, request) });
      return sendPage(reply, access, studentId, planId);
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
      return readPlanVersion(deps, { studentId, planId, versionId });
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
        response: { 200: ZPlanDiff },
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
      return diffPlanVersions(deps, { studentId, planId, ...request.query });
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
      const { pdf, fileName } = await printPlan(deps, { studentId, planId, ...request.query });
      return reply
        .type("application/pdf")
        .header("content-disposition", `inline; filename="${fileName}"`)
        .header("cache-control", "no-store")
        .send(pdf);
    },
  );
};

export default routes;
