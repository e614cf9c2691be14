import { useEffect, useState } from "react";

export type RequestState<T> = { status: "loading" } | { status: "ok"; data: T } | { status: "error"; error: unknown };

/** Runs `load` when `key` changes, cancels it when the page goes away. */
export function useRequest<T>(key: string, load: (signal: AbortSignal) => Promise<T>): RequestState<T> {
  const [state, setState] = useState<RequestState<T>>({ status: "loading" });
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` identifies the request; `load` is recreated each render.
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: "loading" });
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: "ok", data });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: "error", error });
      },
    );
    return () => controller.abort();
  }, [key]);
  return state;
}
