import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { api, rememberCsrfToken } from "../lib/api-client.ts";
import type { SessionResponse, SessionUser } from "../lib/types.ts";

export type SessionState =
  | { status: "loading"; user: null }
  | { status: "ready"; user: SessionUser | null }
  | { status: "error"; user: null; error: unknown };

export type SessionContextValue = SessionState & {
  /** Reloads `/api/auth/session` (also refreshes the CSRF cookie). */
  refresh: () => Promise<void>;
  /** Records the user returned by sign-in. */
  signedIn: (response: SessionResponse) => void;
  signOut: () => Promise<void>;
};

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: "loading", user: null });

  const refresh = useCallback(async () => {
    try {
      const session = await api.get<SessionResponse>("/api/auth/session");
      rememberCsrfToken(session.csrfToken);
      setState({ status: "ready", user: session.user });
    } catch (error) {
      setState({ status: "error", user: null, error });
    }
  }, []);

  const signedIn = useCallback((response: SessionResponse) => {
    rememberCsrfToken(response.csrfToken);
    setState({ status: "ready", user: response.user });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.post<void>("/api/auth/sign-out");
    } finally {
      setState({ status: "ready", user: null });
      // A fresh anonymous session brings a fresh CSRF token for the next sign-in.
      await refresh();
    }
  }, [refresh]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const value = useMemo(() => ({ ...state, refresh, signedIn, signOut }), [state, refresh, signedIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession must be used inside <SessionProvider>");
  return value;
}

/** For pages that only render for a signed-in person (the router guarantees it). */
export function useSignedInUser(): SessionUser {
  const { user } = useSession();
  if (!user) throw new Error("useSignedInUser used on a page that does not require sign-in");
  return user;
}
