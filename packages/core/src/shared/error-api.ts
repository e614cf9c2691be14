/**
 * The body of every error the API answers with (4xx and 5xx): the status text, a sentence a person
 * can act on, the fields at fault (JSON paths), and details some errors carry. The server's one
 * error handler writes it; the web reads it. Errors with their own details extend it here or in
 * their feature's API file (the sign-in lockout: `ZSignInLockedBody` in auth-api.ts).
 */
import { z } from "zod";

export const ZErrorIssue = z.object({
  /** A JSON path into the request ("/email", "/entries/3/goalId"), "/" for the whole of it. */
  path: z.string(),
  message: z.string(),
});

export const ZErrorBody = z.object({
  /** The HTTP status text: "Bad Request", "Conflict", "Too Many Requests", … */
  error: z.string(),
  /** Safe to show: never a student's personal data, never a server's internals. */
  message: z.string(),
  issues: z.array(ZErrorIssue).optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type ErrorBody = z.infer<typeof ZErrorBody>;
