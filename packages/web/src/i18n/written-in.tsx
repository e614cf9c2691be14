/**
 * Text the app does not translate: what the school team wrote (goals, present levels,
 * accommodations) and sentences core writes in English. On a page in another language it is
 * marked `lang="en"`, so screen readers read it with English pronunciation (WCAG 3.1.2).
 */
import type { ReactNode } from "react";
import { getLocale } from "./t.ts";

/** `{ lang: "en" }` on a page that is not in English, to spread on the element holding English text. */
export function englishText(): { lang?: "en" } {
  return getLocale() === "en" ? {} : { lang: "en" };
}

/** English text inline: a `<span lang="en">` on a page in another language, the text alone otherwise. */
export function English({ children }: { children: ReactNode }) {
  return getLocale() === "en" ? children : <span lang="en">{children}</span>;
}
