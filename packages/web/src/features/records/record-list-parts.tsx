/**
 * What the case file's sections on requests and the communication log share: a list that shows
 * while it loads, the reason it could not load, or itself; and a form's send, whose problems the
 * server names go under their fields and anything else to one message.
 */
import type { ReactNode } from "react";
import { Alert } from "../../components/ui/index.ts";
import { t } from "../../i18n/t.ts";
import { ApiError } from "../../lib/api-client.ts";
import { describeError } from "../../lib/error-message.ts";
import type { RequestState } from "../../lib/use-request.ts";

export type FieldErrors = Record<string, string>;

/** Run a call; field problems go to `setErrors` by name, anything else to `setProblem`. */
export async function attempt(
  call: () => Promise<unknown>,
  setErrors: (e: FieldErrors) => void,
  setProblem: (s: string) => void,
): Promise<boolean> {
  setErrors({});
  try {
    await call();
    return true;
  } catch (e) {
    if (e instanceof ApiError && e.issues.length > 0) {
      setErrors(Object.fromEntries(e.issues.map((i) => [i.path.replace(/^\//, ""), i.message])));
    } else setProblem(describeError(e));
    return false;
  }
}

/** A section's list once loaded; while it loads, a status; if it could not load, why. */
export function Loaded<T>({ state, children }: { state: RequestState<T>; children: (data: T) => ReactNode }) {
  if (state.status === "error") {
    return (
      <Alert tone="error" title={t("records.loadError")}>
        <p>{describeError(state.error)}</p>
      </Alert>
    );
  }
  if (state.status === "ok") return <>{children(state.data)}</>;
  return <p role="status">{t("common.loading")}</p>;
}
