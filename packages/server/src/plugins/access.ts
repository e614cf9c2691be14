/**
 * The access path: the only way a route reaches a student's record. It asks core's policy
 * whether the signed-in person may take the action, writes the record of access for every allowed
 * read or change (who, when, which record, purpose — 34 CFR 300.614; FERPA 99.32), and records
 * refusals in the audit trail. A failure to read the facts or to write the record is an error
 * (500), never a refusal and never a skipped student.
 */
import {
  type AuditLog,
  DomainError,
  decideStudentAccess,
  type RecordOfAccessEntry,
  type StudentAccessFacts,
  type StudentAction,
} from "@lantern/core";
import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { type AccessRepository, type RecordOfAccessRow, recordOfAccessRow } from "../repositories/access-repository.ts";
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

/** The signed-in person's name as the app shows it. */
export const nameOf = (access: AuthorizedAccess): string =>
  `${access.person.firstName} ${access.person.lastName}`.trim();

/**
 * Who acts in a use case, from the access check: the person, the basis it found, the request
 * (for the audit event), the name and how they signed in.
 */
export const actorOf = (access: AuthorizedAccess, request: { id: string }) => ({
  personId: access.person.id,
  basis: access.basis,
  requestId: request.id,
  name: nameOf(access),
  signInMethod: access.person.signInMethod,
});

/**
 * What a write on a student's record hands its use case from the access check: the student, their
 * district and who acts.
 */
export const studentWriteOf = (access: AuthorizedAccess, request: { id: string }) => ({
  studentId: access.student.studentId,
  districtId: access.student.districtId,
  actor: actorOf(access, request),
});

/**
 * Checks a write on the student named in the request's path, then gives what its use case takes
 * from the check (`studentWriteOf`).
 */
export async function authorizeWrite(
  access: { authorize: (request: FastifyRequest, what: AuthorizeRequest) => Promise<AuthorizedAccess> },
  request: FastifyRequest & { params: { studentId: string } },
  what: Omit<AuthorizeRequest, "studentId">,
) {
  return studentWriteOf(await access.authorize(request, { studentId: request.params.studentId, ...what }), request);
}

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
        query: (recordOfAccess: RecordOfAccessRow, access: AuthorizedAccess) => Promise<T>,
      ): Promise<{ access: AuthorizedAccess; data: T }>;
      /**
       * Of these students, those the person may take the action on, each authorized (and its
       * record of access written) as `authorize` does; the others are left out without a refusal
       * (a list shows what it may). A failure to decide is an error, not a student left out.
       */
      permitted(
        request: FastifyRequest,
        studentIds: Iterable<string>,
        what: Omit<AuthorizeRequest, "studentId">,
      ): Promise<AuthorizedAccess[]>;
      /** Record that a list showed these students' summaries (one row each). */
      recordListing(
        request: FastifyRequest,
        personId: string,
        studentIds: readonly string[],
        purpose: string,
      ): Promise<void>;
    };
  }
}

type AccessOptions = { access: AccessRepository; audit: AuditLog };

async function accessPlugin(app: FastifyInstance, options: AccessOptions): Promise<void> {
  app.decorateRequest("pendingAccessWrites", null);
  app.addHook("onSend", async (request) => {
    const pending = request.pendingAccessWrites;
    if (pending && pending.length > 0) {
      request.pendingAccessWrites = null;
      await Promise.all(pending);
    }
  });

  /** The facts about the student and the person, and core's decision. */
  async function facts(request: FastifyRequest, person: SignedInPerson, studentId: string) {
    const prefetched = request.prefetchedStudentAccess;
    if (prefetched !== null && prefetched.studentId === studentId) {
      // Read with the session (one query); used once, so a later check in this request reads afresh.
      request.prefetchedStudentAccess = null;
      return prefetched.facts;
    }
    return options.access.findAccessFacts(person.id, studentId);
  }

  function entryOf(person: SignedInPerson, facts: StudentAccessFacts, what: AuthorizeRequest, basis: string) {
    const entry: RecordOfAccessEntry = {
      personId: person.id,
      studentId: facts.studentId,
      record: what.record ?? "student",
      action: what.action,
      purpose: what.purpose,
      basis,
    };
    return entry;
  }

  /** The person, the facts and core's decision; a refusal is audited and thrown. */
  async function decide(request: FastifyRequest, what: AuthorizeRequest) {
    const person = app.auth.requirePerson(request);
    const found = await facts(request, person, what.studentId);
    const decision = found
      ? decideStudentAccess({ personId: person.id, roles: person.roles }, found, what.action)
      : ({ allowed: false, reason: "not-found", citation: "" } as const);
    if (!decision.allowed || !found) {
      await options.audit.append({
        action: "access.denied",
        personId: person.id,
        studentId: found ? found.studentId : null,
        subject: what.record ?? "student",
        details: { action: what.action, reason: decision.allowed ? "not-found" : decision.reason },
        requestId: request.id,
      });
      if (!decision.allowed && decision.reason === "forbidden") {
        throw new DomainError("forbidden", "You do not have permission to do that with this student's record");
      }
      throw new DomainError("not-found", "No such student, or not one you can see");
    }
    const access: AuthorizedAccess = { person, student: found, basis: decision.basis };
    return { access, entry: entryOf(person, found, what, decision.basis) };
  }

  /** Write the record of access: now for a change; for a read, while the route reads (the reply waits). */
  async function record(request: FastifyRequest, entry: RecordOfAccessEntry) {
    const write = options.access.writeRecord(entry, request.id);
    if (request.method === "GET") {
      write.catch(() => {});
      request.pendingAccessWrites ??= [];
      request.pendingAccessWrites.push(write);
    } else {
      await write;
    }
  }

  app.decorate("access", {
    async authorize(request: FastifyRequest, what: AuthorizeRequest): Promise<AuthorizedAccess> {
      const { access, entry } = await decide(request, what);
      await record(request, entry);
      return access;
    },

    async read<T>(
      request: FastifyRequest,
      what: AuthorizeRequest,
      query: (recordOfAccess: RecordOfAccessRow, access: AuthorizedAccess) => Promise<T>,
    ): Promise<{ access: AuthorizedAccess; data: T }> {
      const { access, entry } = await decide(request, what);
      const data = await query(recordOfAccessRow(entry, request.id), access);
      return { access, data };
    },

    async permitted(
      request: FastifyRequest,
      studentIds: Iterable<string>,
      what: Omit<AuthorizeRequest, "studentId">,
    ): Promise<AuthorizedAccess[]> {
      const person = app.auth.requirePerson(request);
      const out: AuthorizedAccess[] = [];
      for (const studentId of new Set(studentIds)) {
        const found = await facts(request, person, studentId);
        if (!found) continue;
        const decision = decideStudentAccess({ personId: person.id, roles: person.roles }, found, what.action);
        if (!decision.allowed) continue;
        await record(request, entryOf(person, found, { ...what, studentId }, decision.basis));
        out.push({ person, student: found, basis: decision.basis });
      }
      return out;
    },

    async recordListing(request: FastifyRequest, personId: string, studentIds: readonly string[], purpose: string) {
      await options.access.recordListing({ personId, studentIds, purpose, requestId: request.id });
    },
  });
}

export default fp(accessPlugin, { name: "access", dependencies: ["auth"] });
