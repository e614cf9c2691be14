/**
 * The access path: the only way a route reaches a student's record. It asks core's policy
 * whether the signed-in person may take the action, writes the record of access for every allowed
 * read or change (who, when, which record, purpose — 34 CFR 300.614; FERPA 99.32), and records
 * refusals in the audit trail.
 */
import {
  type AuditLog,
  DomainError,
  decideStudentAccess,
  type RecordOfAccessEntry,
  type StudentAccessFacts,
  type StudentAccessRepository,
  type StudentAction,
} from "@lantern/core";
import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import {
  createRecordOfAccessLog,
  type RecordOfAccessRow,
  recordOfAccessRow,
} from "../repositories/access-repository.ts";
import type { SignedInPerson } from "./auth.ts";

export type AuthorizeRequest = {
  studentId: string;
  action: StudentAction;
  /** Why the record is read or changed, e.g. "view plan". */
  purpose: string;
  /** Which record, e.g. "plan:<id>"; defaults to "student". */
  record?: string;
};

export type AuthorizedAccess = { person: SignedInPerson; student: StudentAccessFacts; basis: string };

declare module "fastify" {
  interface FastifyRequest {
    /** Record-of-access rows of this read, still being written; the reply waits for them. */
    pendingAccessWrites: Promise<void>[] | null;
  }
  interface FastifyInstance {
    access: {
      /**
       * Authorize the action and write its record of access: before returning for a change;
       * alongside the route's reads for a GET, whose reply waits for it.
       */
      authorize(request: FastifyRequest, what: AuthorizeRequest): Promise<AuthorizedAccess>;
      /**
       * Authorize a read whose data comes from one query, and run that query with the
       * record-of-access row, which it must insert in the same statement (`withRecordOfAccess`):
       * the data then exists only if the row was written, in one round trip instead of two.
       */
      read<T>(
        request: FastifyRequest,
        what: AuthorizeRequest,
        query: (recordOfAccess: RecordOfAccessRow) => Promise<T>,
      ): Promise<{ access: AuthorizedAccess; data: T }>;
    };
  }
}

type AccessOptions = { db: Kysely<Database>; students: StudentAccessRepository; audit: AuditLog };

async function accessPlugin(app: FastifyInstance, options: AccessOptions): Promise<void> {
  app.decorateRequest("pendingAccessWrites", null);
  app.addHook("onSend", async (request) => {
    const pending = request.pendingAccessWrites;
    if (pending && pending.length > 0) {
      request.pendingAccessWrites = null;
      await Promise.all(pending);
    }
  });
  /** The person, the facts and core's decision; a refusal is audited and thrown. */
  async function decide(request: FastifyRequest, what: AuthorizeRequest) {
    const person = app.auth.requirePerson(request);
    const prefetched = request.prefetchedStudentAccess;
    let facts: StudentAccessFacts | null;
    if (prefetched !== null && prefetched.studentId === what.studentId) {
      // Read with the session (one query); used once, so a later check in this request reads afresh.
      request.prefetchedStudentAccess = null;
      facts = prefetched.facts;
    } else {
      facts = await options.students.findAccessFacts(person.id, what.studentId);
    }
    const decision = facts
      ? decideStudentAccess({ personId: person.id, roles: person.roles }, facts, what.action)
      : ({ allowed: false, reason: "not-found", citation: "" } as const);
    if (!decision.allowed || !facts) {
      await options.audit.append({
        action: "access.denied",
        personId: person.id,
        studentId: facts ? facts.studentId : null,
        subject: what.record ?? "student",
        details: { action: what.action, reason: decision.allowed ? "not-found" : decision.reason },
        requestId: request.id,
      });
      if (!decision.allowed && decision.reason === "forbidden") {
        throw new DomainError("forbidden", "You do not have permission to do that with this student's record");
      }
      throw new DomainError("not-found", "No such student, or not one you can see");
    }
    const entry: RecordOfAccessEntry = {
      personId: person.id,
      studentId: facts.studentId,
      record: what.record ?? "student",
      action: what.action,
      purpose: what.purpose,
      basis: decision.basis,
    };
    return { access: { person, student: facts, basis: decision.basis }, entry };
  }

  app.decorate("access", {
    async authorize(request: FastifyRequest, what: AuthorizeRequest): Promise<AuthorizedAccess> {
      const { access, entry } = await decide(request, what);
      const write = createRecordOfAccessLog(options.db, request.id).write(entry);
      if (request.method === "GET") {
        // A read's record of access is written while the route reads the data, and the reply
        // waits for it (onSend below): nothing is sent unless its record was written.
        write.catch(() => {});
        request.pendingAccessWrites ??= [];
        request.pendingAccessWrites.push(write);
      } else {
        await write;
      }
      return access;
    },

    async read<T>(
      request: FastifyRequest,
      what: AuthorizeRequest,
      query: (recordOfAccess: RecordOfAccessRow) => Promise<T>,
    ): Promise<{ access: AuthorizedAccess; data: T }> {
      const { access, entry } = await decide(request, what);
      const data = await query(recordOfAccessRow(entry, request.id));
      return { access, data };
    },
  });
}

export default fp(accessPlugin, { name: "access", dependencies: ["auth"] });

/** Record that a list showed these students (one row each, in one insert). */
export async function recordListing(
  db: Kysely<Database>,
  request: FastifyRequest,
  personId: string,
  studentIds: string[],
  purpose: string,
): Promise<void> {
  if (studentIds.length === 0) return;
  await db
    .insertInto("record_of_access")
    .values(
      studentIds.map((studentId) => ({
        person_id: personId,
        student_id: studentId,
        record: "student-summary",
        action: "read-record",
        purpose,
        basis: "list",
        request_id: request.id,
      })),
    )
    .execute();
}
