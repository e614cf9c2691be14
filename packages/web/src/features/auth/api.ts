import type { SignInLockedBody, SignInResponse } from "@lantern/core";
import { type ApiError, api } from "../../lib/api-client.ts";

export function signIn(email: string, password: string) {
  return api.post<SignInResponse>("/api/auth/sign-in", { email, password });
}

/** How many whole minutes a sign-in lockout (429) has left, from core's `SignInLockedBody`. */
export function lockoutMinutes(error: ApiError): number | null {
  const seconds = (error.details as Partial<SignInLockedBody["details"]>).retryAfterSeconds;
  return typeof seconds === "number" && seconds > 0 ? Math.ceil(seconds / 60) : null;
}
