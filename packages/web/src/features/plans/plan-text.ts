import { t, tMaybe } from "../../i18n/t.ts";
import type { PlanStatus, PlanType } from "./api.ts";

export function planTypeText(type: PlanType): string {
  return t(type === "iep" ? "plans.type.iep" : "plans.type.section-504");
}

export function statusText(status: PlanStatus): string {
  return tMaybe(`plans.status.${status}`) ?? status;
}

/** "3f2a 9c01 …": the hash in groups of four, easier to read aloud and compare. */
export function groupedHash(hash: string): string {
  return hash.replace(/(.{4})/g, "$1 ").trim();
}

export const planPaths = {
  list: (studentId: string) => `/students/${encodeURIComponent(studentId)}/plans`,
  plan: (studentId: string, planId: string) =>
    `/students/${encodeURIComponent(studentId)}/plans/${encodeURIComponent(planId)}`,
  edit: (studentId: string, planId: string) =>
    `/students/${encodeURIComponent(studentId)}/plans/${encodeURIComponent(planId)}/edit`,
};

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
