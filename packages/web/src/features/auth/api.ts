import type { SignInLockedBody, SignInResponse } from "@lantern/core";
import { type ApiError, api } from "../../lib/api-client.ts";

export function signIn(email: string, password: string) {
  return api.post<SignInResponse>("/api/auth/sign-in", { email, password });
}

/**
 * How long a sign-in wait (429) has left, from core's `SignInLockedBody`: in seconds under a
 * minute, else in whole minutes (rounded up).
 */
export function signInWait(error: ApiError): { unit: "seconds" | "minutes"; count: number } | null {
  const seconds = (error.details as Partial<SignInLockedBody["details"]>).retryAfterSeconds;
  if (typeof seconds !== "number" || seconds <= 0) return null;
  return seconds < 60
    ? { unit: "seconds", count: Math.ceil(seconds) }
    : { unit: "minutes", count: Math.ceil(seconds / 60) };
}
