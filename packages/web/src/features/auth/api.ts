import { api } from "../../lib/api-client.ts";
import type { SessionResponse } from "../../lib/types.ts";

export function signIn(email: string, password: string) {
  return api.post<SessionResponse>("/api/auth/sign-in", { email, password });
}
