/**
 * Vague wording: phrases that leave who, when or how much to someone's judgement ("as needed",
 * "when appropriate"). An accommodation or a goal written this way cannot be carried out or
 * measured as written (34 CFR 300.320(a)(2)(i), (a)(4); 104.33(b)(1)). Imports no zod: the editor
 * warns as the person types.
 */

/** Phrases that leave who, when or how much to someone's judgement. */
export const VAGUE_PHRASES = [
  "as needed",
  "as necessary",
  "when needed",
  "if needed",
  "when necessary",
  "if necessary",
  "as appropriate",
  "when appropriate",
  "if appropriate",
  "where appropriate",
  "as required",
  "when required",
  "as deemed necessary",
  "as deemed appropriate",
  "upon request",
  "on request",
  "as requested",
  "at teacher discretion",
  "at the teacher's discretion",
  "at the discretion",
  "as possible",
  "when possible",
  "if possible",
  "as available",
  "when available",
  "as directed",
  "periodically",
  "occasionally",
  "frequent",
  "frequently",
] as const;

/** Supports that need an amount ("extended time": how much?). */
export const AMOUNT_NEEDED_PHRASES = [
  "extended time",
  "extra time",
  "additional time",
  "more time",
  "shortened assignments",
  "reduced assignments",
  "shortened assignment",
  "reduced assignment",
] as const;

const QUANTITY =
  /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|thirty|half|double|twice|once|daily|weekly)\b/;

/** One compiled pattern per phrase list (a phrase counts only as whole words). */
const phrasePatterns = new Map<readonly string[], Array<[string, RegExp]>>();

/** The first phrase of `phrases` that `text` (lower case) uses as whole words, or null. */
export function findPhrase(text: string, phrases: readonly string[]): string | null {
  let patterns = phrasePatterns.get(phrases);
  if (!patterns) {
    patterns = phrases.map((p) => [p, new RegExp(`(^|[^a-z])${p.replace(/[.*+?^${}()|[\]\\']/g, "\\$&")}([^a-z]|$)`)]);
    phrasePatterns.set(phrases, patterns);
  }
  for (const [p, re] of patterns) if (re.test(text)) return p;
  return null;
}

/**
 * Why an accommodation is vague, or null. Vague: it uses a phrase like "as needed" and does not
 * say who provides it, when, and how much; or it names a support that needs an amount
 * ("extended time") without one.
 */
export function vagueAccommodationReason(a: { text: string; providedBy?: string; when?: string }): string | null {
  const text = a.text.toLowerCase().replace(/\u2019/g, "'");
  const when = (a.when ?? "").toLowerCase();
  const hasWho = (a.providedBy ?? "").trim() !== "";
  const hasWhen = when.trim() !== "" && findPhrase(when, VAGUE_PHRASES) === null;
  const hasAmount = QUANTITY.test(text) || QUANTITY.test(when);
  const phrase = findPhrase(text, VAGUE_PHRASES) ?? findPhrase(when, VAGUE_PHRASES);
  if (phrase) {
    const missing: string[] = [];
    if (!hasWho) missing.push("who provides it");
    if (!hasWhen) missing.push("when");
    if (!hasAmount) missing.push("how much");
    if (missing.length > 0) return `says "${phrase}" without ${joinOr(missing)}`;
    return null;
  }
  const amount = findPhrase(text, AMOUNT_NEEDED_PHRASES);
  if (amount && !hasAmount) return `names "${amount}" without saying how much`;
  return null;
}

/** Whether a text states an amount (a number, or a word such as "twice" or "weekly"). */
export function hasQuantity(text: string): boolean {
  return QUANTITY.test(text.toLowerCase());
}

function joinOr(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}
