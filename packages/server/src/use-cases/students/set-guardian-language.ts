/**
 * Staff record a guardian's preferred language and interpreter need on the student's record
 * (34 CFR 300.503(c), 300.322(e)); the change and its audit event commit together. The compliance
 * check of the student's plans reads it (a trigger queues them again, migration 0101).
 */
import { DomainError, type GuardianLanguageBody, type StudentDetail, ZGuardianLanguageBody } from "@lantern/core";
import { type Actor, auditAs, inTransaction, type UseCaseDeps } from "../deps.ts";
import { readStudent } from "./read-students.ts";

export async function setGuardianLanguage(
  deps: UseCaseDeps,
  input: { studentId: string; personId: string; body: GuardianLanguageBody; actor: Actor },
): Promise<StudentDetail> {
  const body = ZGuardianLanguageBody.parse(input.body);
  await inTransaction(deps, async (tx) => {
    const updated = await tx.repos.students.setGuardianLanguage({
      studentId: input.studentId,
      personId: input.personId,
      language: body.language,
      interpreterNeeded: body.interpreterNeeded,
    });
    if (!updated) throw new DomainError("not-found", "This person is not a guardian of the student");
    await auditAs(
      tx.audit,
      input.actor,
    )({
      action: "guardian.language-set",
      studentId: input.studentId,
      subject: `person:${input.personId}`,
      details: { language: body.language, interpreterNeeded: body.interpreterNeeded },
    });
  });
  const detail = await readStudent(deps, { studentId: input.studentId });
  if (!detail) throw new Error("student vanished after update");
  return detail;
}
