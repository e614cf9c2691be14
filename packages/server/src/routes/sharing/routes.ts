/**
 * Families' control over their child's record: link or unlink an advocate (consent to disclose,
 * 34 CFR 300.622(a); FERPA 99.30), and see the record of access (34 CFR 300.614; FERPA 99.32(c)).
 */
import {
  DomainError,
  ZAccessLog,
  ZAccessLogQuery,
  ZAdvocateLink,
  ZAdvocateLinkRequest,
  ZAdvocateLinks,
  ZAdvocateParams,
  ZStudentIdParams,
} from "@lantern/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { sql } from "kysely";
import { z } from "zod";
import { createAuditLog } from "../../repositories/access-repository.ts";

const routes: FastifyPluginAsyncZod = async (app) => {
  const { db, audit } = app.deps;

  app.get(
    "/api/students/:studentId/advocates",
    {
      schema: {
        tags: ["sharing"],
        summary: "Advocates a guardian has shared this record with",
        params: ZStudentIdParams,
        response: { 200: ZAdvocateLinks },
      },
    },
    async (request) => {
      const { studentId } = request.params;
      await app.access.authorize(request, { studentId, action: "read-record", purpose: "view sharing" });
      const rows = await db
        .selectFrom("advocate_links as a")
        .innerJoin("people as p", "p.id", "a.advocate_id")
        .select(["a.advocate_id", "p.first_name", "p.last_name", "p.email", "a.created_at"])
        .where("a.student_id", "=", studentId)
        .where("a.revoked_at", "is", null)
        .orderBy("a.created_at")
        .execute();
      return {
        items: rows.map((r) => ({
          advocateId: r.advocate_id,
          name: `${r.first_name} ${r.last_name}`,
          email: r.email,
          linkedAt: r.created_at.toISOString(),
        })),
      };
    },
  );

  app.post(
    "/api/students/:studentId/advocates",
    {
      schema: {
        tags: ["sharing"],
        summary: "Share this record with an advocate (guardians only)",
        params: ZStudentIdParams,
        body: ZAdvocateLinkRequest,
        response: { 201: ZAdvocateLink },
      },
    },
    async (request, reply) => {
      const { studentId } = request.params;
      const access = await app.access.authorize(request, {
        studentId,
        action: "manage-sharing",
        purpose: "share record with an advocate",
      });
      const advocate = await db
        .selectFrom("people as p")
        .innerJoin("role_assignments as r", "r.person_id", "p.id")
        .select(["p.id", "p.first_name", "p.last_name", "p.email"])
        .where(sql<boolean>`lower(p.email) = ${request.body.advocateEmail.toLowerCase()}`)
        .where("r.role", "=", "advocate")
        .executeTakeFirst();
      if (!advocate) {
        throw new DomainError("invalid-input", "No advocate account has that email address", {
          issues: [{ path: "/advocateEmail", message: "no advocate account has this email address" }],
        });
      }
      const linked = await db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto("advocate_links")
          .values({ student_id: studentId, advocate_id: advocate.id, linked_by: access.person.id })
          .onConflict((oc) =>
            oc
              .columns(["student_id", "advocate_id"])
              .doUpdateSet({ revoked_at: null, linked_by: access.person.id, created_at: new Date() }),
          )
          .returning("created_at")
          .executeTakeFirstOrThrow();
        await createAuditLog(trx).append({
          action: "guardian.advocate-linked",
          personId: access.person.id,
          studentId,
          subject: `advocate:${advocate.id}`,
          details: { linked: true },
          requestId: request.id,
        });
        return row;
      });
      reply.status(201);
      return {
        advocateId: advocate.id,
        name: `${advocate.first_name} ${advocate.last_name}`,
        email: advocate.email,
        linkedAt: linked.created_at.toISOString(),
      };
    },
  );

  app.delete(
    "/api/students/:studentId/advocates/:advocateId",
    {
      schema: {
        tags: ["sharing"],
        summary: "Stop sharing this record with an advocate (guardians only)",
        params: ZAdvocateParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const { studentId, advocateId } = request.params;
      const access = await app.access.authorize(request, {
        studentId,
        action: "manage-sharing",
        purpose: "stop sharing record with an advocate",
      });
      const result = await db
        .updateTable("advocate_links")
        .set({ revoked_at: new Date() })
        .where("student_id", "=", studentId)
        .where("advocate_id", "=", advocateId)
        .where("revoked_at", "is", null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw new DomainError("not-found", "That advocate is not linked");
      await audit.append({
        action: "guardian.advocate-linked",
        personId: access.person.id,
        studentId,
        subject: `advocate:${advocateId}`,
        details: { linked: false },
        requestId: request.id,
      });
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/students/:studentId/access-log",
    {
      schema: {
        tags: ["sharing"],
        summary: "Who read or changed this student's record, when and why (newest first)",
        params: ZStudentIdParams,
        querystring: ZAccessLogQuery,
        response: { 200: ZAccessLog },
      },
    },
    async (request) => {
      const { studentId } = request.params;
      await app.access.authorize(request, {
        studentId,
        action: "read-access-log",
        purpose: "view record of access",
        record: "record-of-access",
      });
      let query = db
        .selectFrom("record_of_access as a")
        .innerJoin("people as p", "p.id", "a.person_id")
        .select([
          "a.id",
          "a.accessed_at",
          "p.first_name",
          "p.last_name",
          "a.basis",
          "a.record",
          "a.action",
          "a.purpose",
        ])
        .where("a.student_id", "=", studentId)
        .orderBy("a.id", "desc")
        .limit(request.query.limit + 1);
      if (request.query.before) query = query.where("a.id", "<", request.query.before);
      const rows = await query.execute();
      const page = rows.slice(0, request.query.limit);
      return {
        items: page.map((r) => ({
          id: r.id,
          at: r.accessed_at.toISOString(),
          who: `${r.first_name} ${r.last_name}`,
          role: r.basis,
          record: r.record,
          action: r.action,
          purpose: r.purpose,
        })),
        nextBefore: rows.length > request.query.limit ? (page[page.length - 1]?.id ?? null) : null,
      };
    },
  );
};

export default routes;
