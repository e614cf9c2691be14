import { useCallback, useEffect, useRef, useState } from "react";
import { listStudents, type StudentListItem } from "./api.ts";

export type StudentListState = {
  items: StudentListItem[];
  nextCursor: string | null;
  /** "initial": first page loading; "more": a later page loading. */
  loading: "initial" | "more" | false;
  error: unknown;
  /** How many students the last "show more" added (for the announcement). */
  lastAdded: number;
};

/** The student list with keyset pagination: each "show more" asks for the page after `nextCursor`. */
export function useStudentList(query: string) {
  const [state, setState] = useState<StudentListState>({
    items: [],
    nextCursor: null,
    loading: "initial",
    error: null,
    lastAdded: 0,
  });
  const controller = useRef<AbortController | null>(null);

  useEffect(() => {
    const current = new AbortController();
    controller.current?.abort();
    controller.current = current;
    setState({ items: [], nextCursor: null, loading: "initial", error: null, lastAdded: 0 });
    listStudents({ q: query, signal: current.signal }).then(
      (page) => {
        if (!current.signal.aborted)
          setState({ items: page.items, nextCursor: page.nextCursor, loading: false, error: null, lastAdded: 0 });
      },
      (error: unknown) => {
        if (!current.signal.aborted) setState((s) => ({ ...s, loading: false, error }));
      },
    );
    return () => current.abort();
  }, [query]);

  const stateRef = useRef(state);
  stateRef.current = state;

  const loadMore = useCallback(() => {
    const { nextCursor, loading } = stateRef.current;
    if (!nextCursor || loading) return;
    const current = new AbortController();
    controller.current = current;
    setState((s) => ({ ...s, loading: "more", error: null }));
    listStudents({ q: query, cursor: nextCursor, signal: current.signal }).then(
      (page) => {
        if (!current.signal.aborted)
          setState((prev) => ({
            items: [...prev.items, ...page.items],
            nextCursor: page.nextCursor,
            loading: false,
            error: null,
            lastAdded: page.items.length,
          }));
      },
      (error: unknown) => {
        if (!current.signal.aborted) setState((prev) => ({ ...prev, loading: false, error }));
      },
    );
  }, [query]);

  return { ...state, loadMore };
}
