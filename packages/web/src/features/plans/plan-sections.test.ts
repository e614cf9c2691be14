/**
 * Every element of the plan format can be entered in the editor: the leaves of the format's JSON
 * Schema (core's, the one `lantern plan schema` writes), for an IEP and a 504 plan, each have an
 * input in the section specs, unless named below with the reason the app sets them itself.
 */
import { planDocumentJsonSchema } from "@lantern/core";
import { describe, expect, it } from "vitest";
import { catalogs } from "../../i18n/catalogs.ts";
import { type FieldSpec, IEP_SECTIONS, linkTargets, SECTION_504_SECTIONS, type SectionSpec } from "./plan-sections.ts";

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  const?: unknown;
};

/** Leaf paths of a schema: "goals[].baseline.value"; a list of plain values is one leaf ("presentLevels.strengths[]"). */
function leaves(schema: Schema, prefix: string, out: Set<string>): void {
  const variants = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].filter((s) => s.type !== "null");
  if (variants.length > 0) {
    for (const v of variants) leaves(v, prefix, out);
    return;
  }
  if (schema.properties) {
    for (const [key, sub] of Object.entries(schema.properties)) leaves(sub, prefix ? `${prefix}.${key}` : key, out);
    return;
  }
  if (schema.type === "array" && schema.items) {
    leaves(schema.items, `${prefix}[]`, out);
    return;
  }
  out.add(prefix);
}

/** The paths the editor's specs give an input to, written like `leaves`. */
function specPaths(sections: SectionSpec[]): Set<string> {
  const out = new Set<string>();
  const join = (prefix: string, key: string) => (prefix ? `${prefix}.${key}` : key);
  const walk = (fields: FieldSpec[], prefix: string) => {
    for (const f of fields) {
      const p = join(prefix, f.key);
      if (f.kind === "items") walk(f.fields ?? [], `${p}[]`);
      else if (f.kind === "group") walk(f.fields ?? [], p);
      else if (f.kind === "strings" || f.kind === "dates" || f.kind === "links" || f.kind === "choices")
        out.add(`${p}[]`);
      else out.add(p);
    }
  };
  for (const s of sections) walk(s.fields, s.kind === "list" ? `${s.path.join(".")}[]` : s.path.join("."));
  return out;
}

/** Elements the app sets, not the person writing the plan, and why. */
const SET_BY_THE_APP: Record<string, string> = {
  type: "the kind of plan is chosen when the plan is started",
  schemaVersion: "the format's version, written by the app",
  "student.studentId": "the student record the plan belongs to, linked when the plan is started",
  "attendees[].accountId": "linked by the app to the member's account when they sign in to sign",
  "signatures[].attendeeId": "signatures are given by signing, on the plan's page",
  "signatures[].method": "signatures are given by signing, on the plan's page",
  "signatures[].typedName": "signatures are given by signing, on the plan's page",
  "signatures[].drawing": "signatures are given by signing, on the plan's page",
  "signatures[].signedAt": "signatures are given by signing, on the plan's page",
  "signatures[].signerAccountId": "signatures are given by signing, on the plan's page",
  "signatures[].meaning": "signatures are given by signing, on the plan's page",
  "signatures[].signerName": "signatures are given by signing, on the plan's page",
  "signatures[].legalName": "signatures are given by signing, on the plan's page",
  "signatures[].signInMethod": "signatures are given by signing, on the plan's page",
  "signatures[].enteredBy.accountId": "signatures are given by signing, on the plan's page",
  "signatures[].enteredBy.name": "signatures are given by signing, on the plan's page",
  "signatures[].enteredBy.at": "signatures are given by signing, on the plan's page",
  "signatures[].paper.signedOn": "signatures are given by signing, on the plan's page",
  "signatures[].paper.scanSha256": "signatures are given by signing, on the plan's page",
  "signatures[].paper.scanType": "signatures are given by signing, on the plan's page",
  "signatures[].paper.scanBytes": "signatures are given by signing, on the plan's page",
  "consent.recorded.source": "who recorded a consent decision, and how, is kept by the app when it is recorded",
  "consent.recorded.byAccountId": "who recorded a consent decision, and how, is kept by the app when it is recorded",
  "consent.recorded.byName": "who recorded a consent decision, and how, is kept by the app when it is recorded",
  "consent.recorded.at": "who recorded a consent decision, and how, is kept by the app when it is recorded",
  "consent.recorded.paperDate": "who recorded a consent decision, and how, is kept by the app when it is recorded",
  "consent.recorded.signInMethod": "who recorded a consent decision, and how, is kept by the app when it is recorded",
  "goals[].id": "an item's id is made by the app when the item is added",
  "goals[].shortTermObjectives[].id": "an item's id is made by the app when the item is added",
  "presentLevels.needs[].id": "an item's id is made by the app when the item is added",
  "services[].id": "an item's id is made by the app when the item is added",
  "programModifications[].id": "an item's id is made by the app when the item is added",
  "accommodations[].id": "an item's id is made by the app when the item is added",
  "assessments[].id": "an item's id is made by the app when the item is added",
  "transition.postsecondaryGoals[].id": "an item's id is made by the app when the item is added",
  "transition.transitionServices[].id": "an item's id is made by the app when the item is added",
  "attendees[].id": "an item's id is made by the app when the item is added",
  "disciplineRemovals[].id": "an item's id is made by the app when the item is added",
  "impairments[].id": "an item's id is made by the app when the item is added",
  "impairments[].limitations[].id": "an item's id is made by the app when the item is added",
  "evaluationSources[].id": "an item's id is made by the app when the item is added",
  "aidsAndServices[].id": "an item's id is made by the app when the item is added",
};

/** Parts of the shared meeting notice that IDEA asks for (300.322(b)(1)(iii), (b)(2)) and 504 does not (104.36). */
const IDEA_ONLY_ON_A_504: Record<string, string> = {
  "meeting.notice.informsPartCCoordinator": "the Part C coordinator is invited to an IEP meeting only",
  "meeting.notice.transitionIsPurpose": "transition planning is part of an IEP only",
  "meeting.notice.studentWillBeInvited": "the invitation for transition planning is part of an IEP only",
  "meeting.notice.agenciesInvited[]": "agencies are invited for an IEP's transition planning only",
};

function schemaLeaves(type: "iep" | "section-504"): Set<string> {
  const root = planDocumentJsonSchema() as Schema;
  const variant = (root.oneOf ?? []).find((s) => s.properties?.type?.const === type);
  if (!variant) throw new Error(`no ${type} in the schema`);
  const out = new Set<string>();
  leaves(variant, "", out);
  return out;
}

describe.each([
  ["iep", IEP_SECTIONS],
  ["section-504", SECTION_504_SECTIONS],
] as const)("the %s editor", (type, sections) => {
  const schema = schemaLeaves(type);
  const editor = specPaths(sections);

  it("has an input for every element of the plan format, except those the app sets", () => {
    const missing = [...schema].filter(
      (p) => !editor.has(p) && !(p in SET_BY_THE_APP) && !(type === "section-504" && p in IDEA_ONLY_ON_A_504),
    );
    expect(missing).toEqual([]);
  });

  it("edits nothing the format does not have", () => {
    expect([...editor].filter((p) => !schema.has(p))).toEqual([]);
  });

  it("names every field in plain words (the feature's messages)", () => {
    const plans = catalogs.en as Readonly<Record<string, unknown>>;
    const unnamed: string[] = [];
    const walk = (fields: FieldSpec[]) => {
      for (const f of fields) {
        if (!plans[`plans.field.${f.label ?? f.key}`]) unnamed.push(f.label ?? f.key);
        if (f.itemLabel && !plans[`plans.item.${f.itemLabel}`]) unnamed.push(`item ${f.itemLabel}`);
        walk(f.fields ?? []);
      }
    };
    for (const s of sections) {
      walk(s.fields);
      if (s.kind === "list" && s.itemLabel && !plans[`plans.item.${s.itemLabel}`]) unnamed.push(`item ${s.itemLabel}`);
    }
    expect([...new Set(unnamed)]).toEqual([]);
  });
});

it("the excluded elements are in the format (no stale reasons)", () => {
  const all = new Set([...schemaLeaves("iep"), ...schemaLeaves("section-504")]);
  expect(Object.keys(SET_BY_THE_APP).filter((p) => !all.has(p))).toEqual([]);
});

it("links show the linked items' words, across nested lists", () => {
  const source = SECTION_504_SECTIONS.find((s) => s.id === "accommodations")?.fields.find(
    (f) => f.kind === "links",
  )?.source;
  expect(source).toBeDefined();
  const doc = {
    impairments: [
      { id: "imp-1", limitations: [{ id: "lim-1", majorLifeActivity: "concentrating", description: "Loses focus" }] },
      { id: "imp-2", limitations: [{ id: "lim-2", majorLifeActivity: "breathing", description: "" }] },
    ],
  };
  expect(source && linkTargets(doc, source)).toEqual([
    { id: "lim-1", words: "Concentrating: Loses focus" },
    { id: "lim-2", words: "Breathing" },
  ]);
});
