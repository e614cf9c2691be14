/** Calls for the second factor: the second step of a sign-in, and setting up or turning off the app. */
import type {
  RecoveryCodesResponse,
  SecondFactorConfirmed,
  SecondFactorEnrolment,
  SecondFactorStatus,
  SessionResponse,
} from "@lantern/core";
import { api } from "../../lib/api-client.ts";

export function verifySecondFactor(pendingToken: string, code: string) {
  return api.post<SessionResponse>("/api/auth/second-factor/verify", { pendingToken, code });
}

export function secondFactorStatus() {
  return api.get<SecondFactorStatus>("/api/auth/second-factor");
}

export function startEnrolment(pendingToken?: string) {
  return api.post<SecondFactorEnrolment>("/api/auth/second-factor/enrolment", pendingToken ? { pendingToken } : {});
}

export function confirmEnrolment(code: string, pendingToken?: string) {
  return api.post<SecondFactorConfirmed>(
    "/api/auth/second-factor/enrolment/confirm",
    pendingToken ? { code, pendingToken } : { code },
  );
}

export function removeSecondFactor() {
  return api.delete<null>("/api/auth/second-factor");
}

export function regenerateRecoveryCodes(code: string) {
  return api.post<RecoveryCodesResponse>("/api/auth/second-factor/recovery-codes", { code });
}
