import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { api, onApiResponse, rememberCsrfToken } from "../lib/api-client.ts";
import type { SessionResponse, SessionUser } from "../lib/types.ts";

export type SessionState =
  | { status: "loading"; user: null }
  | {
      status: "ready";
      user: SessionUser | null;
      /** The session ended on its own (idle too long, or signed out on another device) while in use. */
      ended?: boolean;
    }
  | { status: "error"; user: null; error: unknown };

export type SessionContextValue = SessionState & {
  /** Reloads `/api/auth/session` (also refreshes the CSRF cookie). */
  refresh: () => Promise<void>;
  /** Records the user returned by sign-in. */
  signedIn: (response: SessionResponse) => void;
  signOut: () => Promise<void>;
  /** Ends every session of the signed-in person, on every device. */
  signOutEverywhere: () => Promise<void>;
  /** Starts the session's idle time again ("Stay signed in"). */
  extend: () => Promise<void>;
  /** When the server last answered (ms since the epoch): any answer shows the session in use. */
  lastActivity: number;
};

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: "loading", user: null });
  const [lastActivity, setLastActivity] = useState(() => Date.now());

  const refresh = useCallback(async () => {
    try {
      const session = await api.get<SessionResponse>("/api/auth/session");
      rememberCsrfToken(session.csrfToken);
      setState((previous) => ({
        status: "ready",
        user: session.user,
        ended: previous.user !== null && session.user === null,
      }));
    } catch (error) {
      setState({ status: "error", user: null, error });
    }
  }, []);

  // Any answer is activity; a 401 from a signed-in request means the session has ended elsewhere
  // or timed out: ask who is signed in now (the router then sends the person to sign in, and the
  // page they were on keeps what they typed on this device).
  useEffect(
    () =>
      onApiResponse((status, path) => {
        setLastActivity(Date.now());
        if (status === 401 && !path.startsWith("/api/auth/")) void refresh();
      }),
    [refresh],
  );

  const extend = useCallback(async () => {
    const session = await api.post<SessionResponse>("/api/auth/session/extend");
    rememberCsrfToken(session.csrfToken);
  }, []);

  const signOutEverywhere = useCallback(async () => {
    try {
      await api.post<void>("/api/auth/sign-out-everywhere");
    } finally {
      setState({ status: "ready", user: null });
      await refresh();
    }
  }, [refresh]);

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

  const value = useMemo(
    () => ({ ...state, refresh, signedIn, signOut, signOutEverywhere, extend, lastActivity }),
    [state, refresh, signedIn, signOut, signOutEverywhere, extend, lastActivity],
  );
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
