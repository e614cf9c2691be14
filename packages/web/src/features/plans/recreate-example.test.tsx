/**
 * The example Section 504 plan (docs/examples/504.json) can be re-created in the editor: every
 * section is drawn as the editor draws it, and each value of the example is entered through its
 * control (typed into a box, chosen in a list, a radio or a checkbox ticked, an item added with its
 * Add button, a link ticked by the words of what it links to). The plan that results, read back
 * through the format's schema, equals the example section for section. The app's own parts (the
 * signatures, the format's version) are given as the app would; ids of new items are the editor's
 * own, so they are compared through the items they stand for. (It found that a second impairment's
 * first limitation took the id of the first impairment's, so a link pointed at both.)
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { validatePlanDocument } from "@lantern/core";
import { fireEvent, render } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import type { PlanContent } from "./api.ts";
import { type FieldSpec, SECTION_504_SECTIONS, type SectionSpec } from "./plan-sections.ts";
import { getPath, setPath } from "./plan-text.ts";
import { fieldId, SectionEditor } from "./section-editor.tsx";

type Path = (string | number)[];

const EXAMPLE = JSON.parse(
  readFileSync(join(import.meta.dirname, "../../../../../docs/examples/504.json"), "utf8"),
) as Record<string, unknown>;

function control(path: Path): HTMLElement {
  const element = document.getElementById(fieldId(path));
  if (!element) throw new Error(`no control for ${path.join(".")}`);
  return element;
}

function within(path: Path, selector: string): HTMLInputElement {
  const element = control(path).querySelector<HTMLInputElement>(selector);
  if (!element) throw new Error(`no ${selector} in ${path.join(".")}`);
  return element;
}

/** Enters the example's values through the controls; `ids` maps the example's item ids to the editor's. */
class Writer {
  readonly ids = new Map<string, string>();
  constructor(private readonly content: () => PlanContent) {}

  add(listPath: Path): string {
    const button = document.getElementById(`${fieldId(listPath)}-add`);
    if (!button) throw new Error(`no Add button for ${listPath.join(".")}`);
    fireEvent.click(button);
    const list = getPath(this.content(), listPath) as Array<{ id?: string }>;
    return list.at(-1)?.id ?? "";
  }

  field(spec: FieldSpec, path: Path, value: unknown): void {
    if (value === undefined || value === null) return;
    switch (spec.kind) {
      case "text":
      case "textarea":
      case "date":
      case "time":
      case "number":
      case "select":
        if (value === "") return;
        fireEvent.change(control(path), { target: { value: String(value) } });
        return;
      case "link":
        fireEvent.change(control(path), { target: { value: this.ids.get(String(value)) ?? String(value) } });
        return;
      case "checkbox":
        if (value === true) fireEvent.click(control(path));
        return;
      case "yesno":
        fireEvent.click(within(path, `[id="${fieldId(path)}-${value === true ? "yes" : "no"}"]`));
        return;
      case "radio":
        if (value === "") return;
        fireEvent.click(within(path, `[id="${fieldId(path)}-${String(value)}"]`));
        return;
      case "choices":
      case "links":
        for (const v of value as string[]) {
          const wanted = spec.kind === "links" ? (this.ids.get(v) ?? v) : v;
          fireEvent.click(within(path, `input[value="${wanted}"]`));
        }
        return;
      case "strings":
      case "dates":
        (value as unknown[]).forEach((v, i) => {
          this.add(path);
          if (v !== null && v !== "") fireEvent.change(control([...path, i]), { target: { value: String(v) } });
        });
        return;
      case "items":
        for (const [i, item] of (value as Array<Record<string, unknown>>).entries()) {
          this.item(spec.fields ?? [], path, i, item);
        }
        return;
      case "group":
        for (const f of spec.fields ?? []) {
          this.field(f, [...path, ...f.key.split(".")], getPath(value, f.key.split(".")));
        }
        return;
    }
  }

  item(fields: FieldSpec[], listPath: Path, i: number, item: Record<string, unknown>): void {
    const created = this.add(listPath);
    if (typeof item.id === "string") this.ids.set(item.id, created);
    for (const f of fields) this.field(f, [...listPath, i, ...f.key.split(".")], getPath(item, f.key.split(".")));
  }

  section(spec: SectionSpec): void {
    if (spec.kind === "list") {
      const items = (getPath(EXAMPLE, spec.path) as Array<Record<string, unknown>>) ?? [];
      for (const [i, item] of items.entries()) this.item(spec.fields, spec.path, i, item);
      return;
    }
    for (const f of spec.fields) {
      const path = [...spec.path, ...f.key.split(".")];
      this.field(f, path, getPath(EXAMPLE, path));
    }
  }
}

/** The editor's ids put back to the example's, wherever they appear (links, signatures). */
function withExampleIds(value: unknown, back: Map<string, string>): unknown {
  if (typeof value === "string") return back.get(value) ?? value;
  if (Array.isArray(value)) return value.map((v) => withExampleIds(v, back));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withExampleIds(v, back)]));
  }
  return value;
}

/** The part of the plan a section edits. */
function sectionValue(doc: unknown, spec: SectionSpec): unknown {
  if (spec.path.length > 0) return getPath(doc, spec.path);
  return Object.fromEntries(spec.fields.map((f) => [f.key, getPath(doc, f.key.split("."))]));
}

describe("re-creating the example Section 504 plan in the editor", () => {
  it("enters every section of docs/examples/504.json through the editor's controls and gets the same plan back", () => {
    const start = {
      type: "section-504",
      schemaVersion: EXAMPLE.schemaVersion,
      signatures: EXAMPLE.signatures,
    } as unknown as PlanContent;
    let latest = start;
    function Editor() {
      const [content, setContent] = useState<PlanContent>(start);
      latest = content;
      return (
        <>
          {SECTION_504_SECTIONS.map((spec) => (
            <SectionEditor
              key={spec.id}
              heading={spec.id}
              spec={spec}
              content={content}
              errors={{}}
              onChange={(path, value) =>
                setContent((c) => {
                  latest = setPath(c, path, value);
                  return latest;
                })
              }
            />
          ))}
        </>
      );
    }
    render(<Editor />);
    const writer = new Writer(() => latest);
    for (const spec of SECTION_504_SECTIONS) writer.section(spec);

    const back = new Map([...writer.ids].map(([exampleId, editorId]) => [editorId, exampleId]));
    const made = validatePlanDocument(withExampleIds(latest, back));
    const expected = validatePlanDocument(EXAMPLE);
    expect(made.ok, JSON.stringify(made.ok ? null : made.issues)).toBe(true);
    if (!made.ok || !expected.ok) throw new Error("not a plan document");
    for (const spec of SECTION_504_SECTIONS) {
      expect(sectionValue(made.document, spec), `section ${spec.id}`).toEqual(sectionValue(expected.document, spec));
    }
    expect(made.document).toEqual(expected.document);
    // About 300 changes, each drawing its section again as the editor does: seconds, not milliseconds.
  }, 120_000);
});
