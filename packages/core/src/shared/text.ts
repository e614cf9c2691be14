/**
 * Text as it arrives from outside (a request body, a query string, an address, an imported file):
 * every string is put in Unicode normal form C, so the same name typed on two keyboards is the
 * same text, and a string that cannot be stored or compared as text — one holding a NUL character
 * or half of a UTF-16 surrogate pair — is refused with the field named. PostgreSQL stores neither
 * in text or JSON, and neither is anything a person meant to type.
 */
import { z } from "zod";
import type { ErrorIssue } from "./errors.ts";

const NUL = "\u0000";
/** A high surrogate not followed by a low one, or a low one not after a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const TEXT_PROBLEMS = {
  nul: "must not contain a NUL character (U+0000)",
  surrogate: "is not valid Unicode text (it has half of a surrogate pair)",
} as const;

/** What is wrong with a string as text, or null when nothing is. */
export function textProblem(value: string): keyof typeof TEXT_PROBLEMS | null {
  if (value.includes(NUL)) return "nul";
  if (LONE_SURROGATE.test(value)) return "surrogate";
  return null;
}

/** The string in normal form C (é typed as e + ◌́ becomes é). */
export function normalizeText(value: string): string {
  return value.normalize("NFC");
}

/** zod schema for text from outside: refused with a NUL or a lone surrogate, then normalized. */
export const ZText = z
  .string()
  .superRefine((value, ctx) => {
    const problem = textProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: `Text ${TEXT_PROBLEMS[problem]}` });
  })
  .transform(normalizeText);

function pointerPart(key: string): string {
  return key.replaceAll("~", "~0").replaceAll("/", "~1");
}

/**
 * Every string in a parsed input (object keys too), normalized; the problems found, each at its
 * JSON path ("/attendees/0/name"). `value` is a copy and the input is left as it was.
 */
export function cleanTextInput(input: unknown, at = ""): { value: unknown; issues: ErrorIssue[] } {
  const issues: ErrorIssue[] = [];
  const visit = (value: unknown, path: string, depth: number): unknown => {
    if (typeof value === "string") {
      const problem = textProblem(value);
      if (problem) {
        issues.push({ path: path || "/", message: `Text ${TEXT_PROBLEMS[problem]}` });
        return value;
      }
      return normalizeText(value);
    }
    if (value === null || typeof value !== "object" || depth > 64) return value;
    if (Array.isArray(value)) return value.map((v, i) => visit(v, `${path}/${i}`, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      const problem = textProblem(key);
      const keyPath = `${path}/${pointerPart(problem ? "?" : key)}`;
      if (problem) issues.push({ path: keyPath, message: `Field name ${TEXT_PROBLEMS[problem]}` });
      out[problem ? key : normalizeText(key)] = visit(v, keyPath, depth + 1);
    }
    return out;
  };
  const value = visit(input, at, 0);
  return { value, issues };
}
