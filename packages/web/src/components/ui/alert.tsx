import type { ReactNode, Ref } from "react";

export type AlertProps = {
  tone?: "error" | "info" | "success" | "warning";
  title?: ReactNode;
  children?: ReactNode;
  /** Errors interrupt (role="alert"); everything else waits its turn (role="status"). */
  ref?: Ref<HTMLDivElement>;
  tabIndex?: number;
};

/** A message box. Errors are announced at once; other tones are announced politely. */
export function Alert({ tone = "info", title, children, ref, tabIndex }: AlertProps) {
  return (
    <div ref={ref} tabIndex={tabIndex} role={tone === "error" ? "alert" : "status"} className={`alert alert-${tone}`}>
      {title ? <p className="alert-title">{title}</p> : null}
      {children}
    </div>
  );
}

/**
 * A live region that is always in the page, so changes to its text are announced
 * (e.g. "25 more students shown"). Visually hidden unless `visible`.
 */
export function StatusRegion({ message, visible = false }: { message: string; visible?: boolean }) {
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className={visible ? "status-text" : "visually-hidden"}>
      {message}
    </div>
  );
}
