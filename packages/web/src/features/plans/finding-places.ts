/**
 * Where in the editor a compliance finding belongs. A finding names its place in the plan as a
 * JSON pointer ("/goals/0/criterion"); this finds the editor section and, when the editor has a
 * control for exactly that place, the field (whose id is `fieldId(path)`).
 */
import type { PlanContent } from "./api.ts";
import type { SectionSpec } from "./plan-sections.ts";
import { getPath } from "./plan-text.ts";

export type Path = (string | number)[];

/** "/goals/0/criterion" → ["goals", 0, "criterion"]. */
export function pointerPath(place: string): Path {
  return place
    .split("/")
    .filter((s) => s !== "")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

export const pathKey = (path: readonly (string | number)[]) => path.join(".");

/** The paths of the controls a section shows for this content, as the section editor draws them. */
export function fieldPaths(spec: SectionSpec, content: PlanContent): Path[] {
  const keyPath = (key: string) => key.split(".");
  if (spec.kind === "fields") return spec.fields.map((f) => [...spec.path, ...keyPath(f.key)]);
  const items = getPath(content, spec.path);
  const n = Array.isArray(items) ? items.length : 0;
  const out: Path[] = [];
  for (let i = 0; i < n; i++) for (const f of spec.fields) out.push([...spec.path, i, ...keyPath(f.key)]);
  return out;
}

const startsWith = (path: Path, prefix: readonly (string | number)[]) =>
  prefix.length <= path.length && prefix.every((p, i) => String(p) === String(path[i]));

/**
 * The section (and field, when there is a control for that exact place) a finding concerns; null
 * when the editor has no section for it (then it is shown only in the list of findings).
 */
export function placeOf(
  place: string,
  sections: readonly SectionSpec[],
  content: PlanContent,
): { sectionId: string; field: Path | null } | null {
  const path = pointerPath(place);
  if (path.length === 0) return null;
  for (const spec of sections) {
    const exact = fieldPaths(spec, content).find((f) => pathKey(f) === pathKey(path));
    if (exact) return { sectionId: spec.id, field: exact };
  }
  // The section whose part of the document is the longest prefix of the place.
  let best: SectionSpec | null = null;
  for (const spec of sections) {
    if (spec.path.length > 0 && startsWith(path, spec.path) && spec.path.length > (best?.path.length ?? 0)) best = spec;
  }
  if (best) return { sectionId: best.id, field: null };
  // A section of the document edited in parts, or at the top level of the document.
  const bySection = sections.find((s) => s.section === path[0] && !s.part);
  if (bySection) return { sectionId: bySection.id, field: null };
  const topLevel = sections.find((s) => s.path.length === 0 && s.fields.some((f) => f.key === path[0]));
  return topLevel ? { sectionId: topLevel.id, field: null } : null;
}
