import { label, labelOrCode } from "../../i18n/labels.ts";
import { t } from "../../i18n/t.ts";
import type { PlanStatus, PlanType } from "./api.ts";
import type { SectionSpec } from "./plan-sections.ts";

export function planTypeText(type: PlanType): string {
  return label("planType", type);
}

export function statusText(status: PlanStatus): string {
  return label("planStatus", status);
}

/** The title of a section of the document (core's), by its key; the key itself when it is not a section. */
export function sectionTitle(type: PlanType, key: string): string {
  return labelOrCode(type === "iep" ? "iepSection" : "section504Section", key);
}

/** An editor section's heading: the core section's title, or the name of the part edited on its own. */
export function sectionHeading(type: PlanType, spec: Pick<SectionSpec, "section" | "part">): string {
  return spec.part ? t(`plans.part.${spec.part}`) : sectionTitle(type, spec.section);
}

/** "3f2a 9c01 …": the hash in groups of four, easier to read aloud and compare. */
export function groupedHash(hash: string): string {
  return hash.replace(/(.{4})/g, "$1 ").trim();
}

/** Read a value at a path like "presentLevels.academic" or "goals.0.area". */
export function getPath(obj: unknown, path: readonly (string | number)[]): unknown {
  let cur: unknown = obj;
  for (const key of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}

/** A copy of `obj` with `value` at `path` (objects and arrays copied along the way). */
export function setPath<T>(obj: T, path: readonly (string | number)[], value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const source = (obj ?? {}) as Record<string | number, unknown>;
  const copy = (Array.isArray(source) ? [...source] : { ...source }) as Record<string | number, unknown>;
  copy[head] = setPath(source[head], rest, value);
  return copy as T;
}
