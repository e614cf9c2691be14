/**
 * The JSON of a plan page (core's `ZPlanDetail`) with the stored document spliced in as the text
 * PostgreSQL holds: a plan page's largest part is neither parsed, re-checked against a schema nor
 * re-serialized on every read (it was validated when saved; a sealed version cannot change).
 * Everything else is built from typed values, so the types keep it in the documented shape.
 */
import type { PlanDetail } from "@lantern/core";

/** A plan detail whose current document is still the JSON text it was stored as. */
export type PlanDetailView = Omit<PlanDetail, "version"> & {
  version: Omit<PlanDetail["version"], "content"> & { contentJson: string };
};

export function planDetailJson(view: PlanDetailView): string {
  const { version, ...page } = view;
  const { contentJson, ...versionFields } = version;
  const pageJson = JSON.stringify(page);
  const versionJson = JSON.stringify(versionFields);
  return `${pageJson.slice(0, -1)},"version":${versionJson.slice(0, -1)},"content":${contentJson}}}`;
}
