import { type ReactNode, useEffect, useRef } from "react";
import { t } from "../i18n/t.ts";

/** True once the person has moved from one page to another inside the app. */
let hasNavigated = false;
export function markNavigated(): void {
  hasNavigated = true;
}
/** The same page is drawn again (in another language): its heading does not take focus. */
export function markRedrawn(): void {
  hasNavigated = false;
}

export type PageProps = {
  /** The page's heading; also the start of the browser tab's title. */
  title: string;
  /** When the tab title should differ from the heading (e.g. shorter). */
  documentTitle?: string;
  children?: ReactNode;
};

/**
 * Every page starts with `<Page title>`: it sets the document title ("Sign in – Lantern") and,
 * after an in-app navigation, moves keyboard and screen-reader focus to the page's heading so the
 * new page is announced (the first load leaves focus at the top, where the skip link is).
 */
export function Page({ title, documentTitle, children }: PageProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${documentTitle ?? title} – ${t("app.titleSuffix")}`;
  }, [title, documentTitle]);
  useEffect(() => {
    if (hasNavigated) headingRef.current?.focus({ preventScroll: false });
  }, []);
  return (
    <div className="page">
      <h1 ref={headingRef} tabIndex={-1} className="page-title">
        {title}
      </h1>
      {children}
    </div>
  );
}
