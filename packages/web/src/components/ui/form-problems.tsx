import { type Ref, useEffect, useRef, useState } from "react";
import { Alert } from "./alert.tsx";

/**
 * The list of a form's problems: it takes focus when shown (and is announced), each problem links
 * to its field; the same text sits under the field, tied to it by the Field component.
 */
export function FormProblems({
  title,
  general,
  problems,
  ids,
  summaryRef,
}: {
  title: string;
  general: string | null;
  problems: Record<string, string | undefined>;
  ids: Record<string, string>;
  summaryRef: Ref<HTMLDivElement>;
}) {
  const listed = Object.entries(problems).filter((e): e is [string, string] => Boolean(e[1]));
  if (listed.length === 0 && !general) return null;
  return (
    <Alert tone="error" title={title} ref={summaryRef} tabIndex={-1}>
      {general ? <p>{general}</p> : null}
      {listed.length > 0 ? (
        <ul className="error-list">
          {listed.map(([field, text]) => (
            <li key={field}>
              <a
                href={`#${ids[field]}`}
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(ids[field] ?? "")?.focus();
                }}
              >
                {text}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}

/** Problems state with focus moved to the summary after each failed submit. */
export function useProblems<F extends string>() {
  const [errors, setErrors] = useState<Partial<Record<F, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (attempt > 0) summaryRef.current?.focus();
  }, [attempt]);
  return {
    errors,
    general,
    summaryRef,
    show(fieldErrors: Partial<Record<F, string>>, message: string | null) {
      setErrors(fieldErrors);
      setGeneral(message);
      setAttempt((n) => n + 1);
    },
    clear() {
      setErrors({});
      setGeneral(null);
    },
  };
}
