/**
 * The full IEP and the full Section 504 plan in Spanish (`lang: "es"`): every heading, column name
 * and label of the English document is gone; the team's words are there, as written, marked
 * English; dates and page furniture are Spanish; the document's language is es-US.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { type IepDocument, type Section504Document, ZPlanDocument } from "@lantern/core";
import { beforeAll, describe, expect, it } from "vitest";
import { expectAccessiblePdf, words } from "../../test/helpers/pdf-expectations.ts";
import { findAll, headings, type StructNode, type TaggedPdf, textOf } from "../../test/helpers/pdf-reading.ts";
import { renderPlanPdf } from "./plan-pdf.ts";

const root = resolve(import.meta.dirname, "../../../..");
const example = <T>(name: string) => ZPlanDocument.parse(JSON.parse(readFileSync(join(root, name), "utf8"))) as T;
const iep = example<IepDocument>("docs/examples/iep.json");
const plan504 = example<Section504Document>("docs/examples/504.json");

const collapse = (text: string) => text.replace(/-\s+/g, "-").replace(/\s+/g, " ").trim();

/** The English document's own words: its headings and table headers, less those that are the team's words. */
function englishLabels(pdf: TaggedPdf, teamWords: readonly string[]): string[] {
  const [document] = pdf.root.children;
  const tree = document as StructNode;
  const found = [
    ...headings(tree).map((h) => h.replace(/^H\d /, "")),
    ...findAll(tree, "TH").map((th) => collapse(textOf(th))),
  ];
  return [...new Set(found)].filter(
    (label) => label.length > 3 && !teamWords.some((w) => label.includes(w)) && !/^\d|CFR/.test(label),
  );
}

/** Every string the team wrote in a plan (its JSON's string values), for telling them from the document's words. */
function teamStrings(value: unknown): string[] {
  if (typeof value === "string") return value.trim().length >= 6 ? [collapse(value)] : [];
  if (Array.isArray(value)) return value.flatMap(teamStrings);
  if (value && typeof value === "object") return Object.values(value).flatMap(teamStrings);
  return [];
}

/** The Spanish document's own words: the text of each element that holds none of the team's words. */
function ownWords(pdf: TaggedPdf, doc: unknown): string {
  const team = teamStrings(doc);
  const texts: string[] = [];
  const walk = (node: StructNode) => {
    const text = collapse(node.text);
    if (text && !team.some((t) => text.includes(t))) texts.push(text);
    node.children.forEach(walk);
  };
  walk(pdf.root);
  return texts.join(" | ");
}

/** Words spelled the same in both languages. */
const SAME_IN_SPANISH = new Set(["Factor", "Braille", "IEP"]);

/** The English labels found, as whole words, in the Spanish document's own words. */
function leftInEnglish(labels: readonly string[], own: string): string[] {
  const escaped = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return labels.filter(
    (label) => !SAME_IN_SPANISH.has(label) && new RegExp(`(^|[^\\p{L}])${escaped(label)}($|[^\\p{L}])`, "u").test(own),
  );
}

async function both(doc: IepDocument | Section504Document, furniture: { en: string; es: string }) {
  const en = expectAccessiblePdf(await renderPlanPdf("full", doc, { draft: true }), {
    draft: true,
    furniture: furniture.en,
  });
  const bytes = await renderPlanPdf("full", doc, { lang: "es", draft: true });
  const es = expectAccessiblePdf(bytes, { lang: "es-US", draft: true, furniture: furniture.es });
  return { en, es, raw: Buffer.from(bytes).toString("latin1") };
}

describe("the full IEP in Spanish", () => {
  let en: TaggedPdf;
  let es: TaggedPdf;
  let raw = "";
  beforeAll(async () => {
    ({ en, es, raw } = await both(iep, { en: "Marisol Quintero-Demo · IEP", es: "Marisol Quintero-Demo · IEP" }));
  });

  it("leaves no English heading or column name of the English document", () => {
    const team = iep.goals.map((g) => g.area).concat(iep.presentLevels.needs.map((n) => n.area));
    const labels = englishLabels(en, team);
    expect(labels).toContain("Measurable annual goals");
    expect(labels).toContain("Baseline");
    const own = ownWords(es, iep);
    expect(leftInEnglish(labels, own)).toEqual([]);
    const text = collapse(es.text);
    for (const english of ["Date of birth", "Meeting date", "Not recorded", "Plan starts", "How it was given"])
      expect(text).not.toContain(english);
  });

  it("has Spanish headings, labels, code names and dates", () => {
    const text = collapse(es.text);
    expect(text).toContain("Programa de Educación Individualizado (IEP)");
    expect(text).toContain("Metas anuales medibles");
    expect(text).toContain("Punto de partida");
    expect(text).toContain("Notificación previa por escrito");
    expect(text).toContain("Garantías procesales");
    expect(text).toMatch(/Fecha de nacimiento: \d{1,2} de [a-z]+ de \d{4}/);
    expect(text).toContain("Discapacidad específica del aprendizaje");
    expect(text).toContain("34 CFR 300.320(a)(2)");
  });

  it("keeps the team's words as written, marked English, and says so once", () => {
    const text = collapse(es.text);
    const goal = iep.goals[0]?.statement ?? "";
    expect(words(text).join(" ")).toContain(words(goal).join(" "));
    expect(words(text).join(" ")).toContain(words(iep.presentLevels.strengths[0] ?? "").join(" "));
    expect(text).toContain("Aquí están tal como se escribieron, en inglés");
    expect(raw).toMatch(/\/Lang \(en-US\)/);
  });
});

describe("the full Section 504 plan in Spanish", () => {
  let en: TaggedPdf;
  let es: TaggedPdf;
  beforeAll(async () => {
    const name = `${plan504.student.firstName} ${plan504.student.lastName}`;
    ({ en, es } = await both(plan504, { en: `${name} · Section 504 Plan`, es: `${name} · Plan 504` }));
  });

  it("leaves no English heading or column name of the English document", () => {
    const team = plan504.impairments.map((i) => i.name);
    const labels = englishLabels(en, team);
    expect(labels).toContain("Information the team relied on");
    const own = ownWords(es, plan504);
    expect(leftInEnglish(labels, own)).toEqual([]);
    expect(collapse(es.text)).not.toContain("Not recorded");
  });

  it("names the plan, its sections and the major life activities in Spanish, with the team's words as written", () => {
    const text = collapse(es.text);
    expect(text).toContain("Plan 504");
    expect(text).toContain("Información que usó el equipo");
    expect(text).toContain("Revisión y reevaluación");
    const accommodation = plan504.accommodations[0]?.text ?? "";
    expect(words(text).join(" ")).toContain(words(accommodation).join(" "));
  });
});
