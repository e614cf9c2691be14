/**
 * Letters for the navigator's next steps. Anyone may have one written, as text or as a PDF,
 * without anything being stored; a family saves one to the child's record only when it wishes,
 * and the save is audited in the same transaction. The words always come from core's builders:
 * a saved letter is built here from the request, never taken from the client.
 */
import {
  buildLetter,
  DomainError,
  type LetterRequest,
  letterKindTitle,
  letterToText,
  type SavedLetter,
  type SavedLetterList,
  type WrittenLetter,
} from "@lantern/core";
import { renderLetterPdf } from "../../pdf/letter-pdf.ts";
import { type Actor, auditAs, inTransaction, type UseCaseDeps } from "../deps.ts";

/** The letter a request asks for, and the same as plain text. */
export async function writeLetter(_deps: UseCaseDeps, request: LetterRequest): Promise<WrittenLetter> {
  const letter = buildLetter(request);
  return { letter, text: letterToText(letter) };
}

/** The letter a request asks for, as PDF bytes. */
export async function printLetter(_deps: UseCaseDeps, request: LetterRequest): Promise<Buffer> {
  return renderLetterPdf(buildLetter(request), { kind: letterKindTitle(request.kind, request.language) });
}

/** Save a letter to a student's record, when the family wishes. */
export async function saveLetter(
  deps: UseCaseDeps,
  input: { studentId: string; request: LetterRequest; actor: Actor },
): Promise<SavedLetter> {
  const letter = buildLetter(input.request);
  return inTransaction(deps, async (tx) => {
    const saved = await tx.repos.letters.insert({
      studentId: input.studentId,
      savedBy: input.actor.personId,
      request: input.request,
      letter,
    });
    await auditAs(
      tx.audit,
      input.actor,
    )({
      action: "letter.saved",
      studentId: input.studentId,
      subject: `letter:${saved.id}`,
      details: { letterId: saved.id, kind: saved.kind },
    });
    return saved;
  });
}

/** Letters saved to a student's record, newest first. */
export async function listLetters(deps: UseCaseDeps, input: { studentId: string }): Promise<SavedLetterList> {
  return { items: await deps.repos.letters.listForStudent(input.studentId) };
}

/** A saved letter as PDF bytes, with its kind. */
export async function printSavedLetter(
  deps: UseCaseDeps,
  input: { studentId: string; letterId: string },
): Promise<{ pdf: Buffer; kind: SavedLetter["kind"] }> {
  const saved = await deps.repos.letters.findForStudent(input.studentId, input.letterId);
  if (!saved) throw new DomainError("not-found", "No such letter for this student");
  const pdf = await renderLetterPdf(saved.letter, { kind: letterKindTitle(saved.kind, saved.letter.language) });
  return { pdf, kind: saved.kind };
}
