/**
 * Every letter Lantern writes for a family, by kind: one request schema (a union on `kind`), one
 * builder per kind, and which letter answers which next step of the navigator. A request without
 * `kind` is the evaluation request, so the original letter body keeps working.
 */
import { z } from "zod";
import type { NavigatorAction } from "../eligibility/navigator-facts.ts";
import { ZIsoDate } from "../shared/dates.ts";
import { buildEvaluationRequestLetter, ZEvaluationLetterInput } from "./evaluation-request-letter.ts";
import { buildIepMeetingRequestLetter, ZIepMeetingLetterInput } from "./iep-meeting-request-letter.ts";
import {
  buildIndependentEvaluationRequestLetter,
  ZIndependentEvaluationLetterInput,
} from "./independent-evaluation-request-letter.ts";
import { type Letter, type LetterLanguage, ZLetter } from "./letter.ts";
import {
  buildPartialConsentDisagreementLetter,
  ZPartialConsentLetterInput,
} from "./partial-consent-disagreement-letter.ts";
import {
  buildPriorWrittenNoticeRequestLetter,
  ZPriorWrittenNoticeLetterInput,
} from "./prior-written-notice-request-letter.ts";
import { buildRecordsRequestLetter, ZRecordsLetterInput } from "./records-request-letter.ts";
import {
  buildSection504MeetingRequestLetter,
  ZSection504MeetingLetterInput,
} from "./section-504-meeting-request-letter.ts";

export const LETTER_KINDS = [
  "evaluation-request",
  "section-504-meeting-request",
  "iep-meeting-request",
  "records-request",
  "independent-evaluation-request",
  "prior-written-notice-request",
  "partial-consent-disagreement",
] as const;
export const ZLetterKind = z.enum(LETTER_KINDS);
export type LetterKind = z.infer<typeof ZLetterKind>;

export const ZLetterRequest = z
  .discriminatedUnion("kind", [
    ZEvaluationLetterInput.extend({ kind: z.literal("evaluation-request").default("evaluation-request") }),
    ZSection504MeetingLetterInput.extend({ kind: z.literal("section-504-meeting-request") }),
    ZIepMeetingLetterInput.extend({ kind: z.literal("iep-meeting-request") }),
    ZRecordsLetterInput.extend({ kind: z.literal("records-request") }),
    ZIndependentEvaluationLetterInput.extend({ kind: z.literal("independent-evaluation-request") }),
    ZPriorWrittenNoticeLetterInput.extend({ kind: z.literal("prior-written-notice-request") }),
    ZPartialConsentLetterInput.extend({ kind: z.literal("partial-consent-disagreement") }),
  ])
  .meta({ description: "A letter to write: its kind, the parties, and what that kind needs" });
export type LetterRequest = z.infer<typeof ZLetterRequest>;
export type LetterRequestInput = z.input<typeof ZLetterRequest>;

/** Build the letter a request asks for. Pure. */
export function buildLetter(request: LetterRequest): Letter {
  switch (request.kind) {
    case "evaluation-request":
      return buildEvaluationRequestLetter(request);
    case "section-504-meeting-request":
      return buildSection504MeetingRequestLetter(request);
    case "iep-meeting-request":
      return buildIepMeetingRequestLetter(request);
    case "records-request":
      return buildRecordsRequestLetter(request);
    case "independent-evaluation-request":
      return buildIndependentEvaluationRequestLetter(request);
    case "prior-written-notice-request":
      return buildPriorWrittenNoticeRequestLetter(request);
    case "partial-consent-disagreement":
      return buildPartialConsentDisagreementLetter(request);
  }
}

/** What each letter is, in a few words (a PDF's subject, a list of saved letters). */
export const LETTER_KIND_TITLES: Record<LetterKind, string> = {
  "evaluation-request": "Request for evaluation",
  "section-504-meeting-request": "Request for a Section 504 meeting",
  "iep-meeting-request": "Request for an IEP meeting",
  "records-request": "Request for education records",
  "independent-evaluation-request": "Request for an independent educational evaluation",
  "prior-written-notice-request": "Request for prior written notice of a refusal",
  "partial-consent-disagreement": "Partial consent and disagreement",
};

/** The same in Spanish, for a letter written in Spanish. */
export const LETTER_KIND_TITLES_ES: Record<LetterKind, string> = {
  "evaluation-request": "Solicitud de evaluación",
  "section-504-meeting-request": "Solicitud de una reunión de la Sección 504",
  "iep-meeting-request": "Solicitud de una reunión del IEP",
  "records-request": "Solicitud del expediente escolar",
  "independent-evaluation-request": "Solicitud de una evaluación educativa independiente",
  "prior-written-notice-request": "Solicitud de notificación previa por escrito de una negativa",
  "partial-consent-disagreement": "Permiso para una parte del IEP y desacuerdo",
};

/** What a letter is, in its own language. */
export function letterKindTitle(kind: LetterKind, language: LetterLanguage = "en"): string {
  return (language === "es" ? LETTER_KIND_TITLES_ES : LETTER_KIND_TITLES)[kind];
}

/** The file name of a letter's PDF, e.g. "iep-meeting-request-letter.pdf". */
export function letterFileName(kind: LetterKind): string {
  return kind === "evaluation-request" ? "evaluation-request-letter.pdf" : `${kind}-letter.pdf`;
}

/** Which letter carries out a navigator next step (actions without a letter are absent). */
export const LETTER_FOR_ACTION: Partial<Record<NavigatorAction, LetterKind>> = {
  "request-evaluation-in-writing": "evaluation-request",
  "ask-for-504-meeting": "section-504-meeting-request",
  "ask-for-iep-meeting": "iep-meeting-request",
  "review-current-plan": "iep-meeting-request",
  "fold-504-into-iep": "iep-meeting-request",
  "ask-for-evaluation-report": "records-request",
  "ask-for-prior-written-notice": "prior-written-notice-request",
  "reevaluate-before-exit": "iep-meeting-request",
  "consider-independent-evaluation": "independent-evaluation-request",
};

/** The letters for a result's next steps, in the order of its actions, each once. */
export function lettersForActions(actions: readonly NavigatorAction[]): LetterKind[] {
  const out: LetterKind[] = [];
  for (const action of actions) {
    const kind = LETTER_FOR_ACTION[action];
    if (kind && !out.includes(kind)) out.push(kind);
  }
  return out;
}

/** A letter as written: its words, and the same as plain text. */
export const ZWrittenLetter = z.object({ letter: ZLetter, text: z.string() });
export type WrittenLetter = z.infer<typeof ZWrittenLetter>;

/** A letter the family saved to the child's record (append-only). */
export const ZSavedLetter = z.object({
  id: z.string(),
  studentId: z.string(),
  kind: ZLetterKind,
  subject: z.string(),
  letterDate: ZIsoDate,
  savedBy: z.string(),
  savedAt: z.string(),
  letter: ZLetter,
  text: z.string(),
});
export type SavedLetter = z.infer<typeof ZSavedLetter>;

export const ZSaveLetterBody = z.object({ request: ZLetterRequest });
export const ZSavedLetterList = z.object({ items: z.array(ZSavedLetter) });
export type SavedLetterList = z.infer<typeof ZSavedLetterList>;
export const ZLetterIdParams = z.object({ studentId: z.string().min(1).max(64), letterId: z.string().min(1).max(64) });
