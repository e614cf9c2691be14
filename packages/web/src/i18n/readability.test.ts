import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  type CoreReadability,
  coreReadability,
  englishSyllables,
  fernandezHuerta,
  fleschKincaidGrade,
  type ReadabilityReport,
  readabilityReport,
  spanishSyllables,
  stats,
} from "./readability.ts";

const baseline = JSON.parse(
  readFileSync(join(import.meta.dirname, "../../readability-baseline.json"), "utf8"),
) as ReadabilityReport & { core: CoreReadability };

describe("readability formulas", () => {
  it("counts Spanish syllables with diphthongs and hiatus", () => {
    expect(spanishSyllables("educación")).toBe(4);
    expect(spanishSyllables("escuela")).toBe(3);
    expect(spanishSyllables("día")).toBe(2);
    expect(spanishSyllables("poeta")).toBe(3);
    expect(spanishSyllables("minutos")).toBe(3);
  });

  it("counts English syllables", () => {
    expect(englishSyllables("school")).toBe(1);
    expect(englishSyllables("education")).toBe(4);
    expect(englishSyllables("minutes")).toBe(2);
  });

  it("scores short plain sentences as easy and long dense ones as hard", () => {
    const plain = stats(["The school will help your child read. You can ask for a meeting."], "en");
    const dense = stats(
      [
        "Notwithstanding the determination of eligibility, the individualized educational programming considerations necessitate comprehensive multidisciplinary evaluation.",
      ],
      "en",
    );
    expect(fleschKincaidGrade(plain)).toBeLessThan(5);
    expect(fleschKincaidGrade(dense)).toBeGreaterThan(16);
    const facil = stats(["La escuela va a ayudar a su hijo a leer. Puede pedir una reunión."], "es");
    const dificil = stats(
      [
        "No obstante la determinación de elegibilidad, las consideraciones programáticas individualizadas requieren una evaluación multidisciplinaria exhaustiva.",
      ],
      "es",
    );
    expect(fernandezHuerta(facil)).toBeGreaterThan(80);
    expect(fernandezHuerta(dificil)).toBeLessThan(40);
  });
});

describe("family-facing messages", () => {
  const report = readabilityReport();

  it("meet the targets: English grade 8 or lower, Spanish ease 60 or more", () => {
    expect(report.en.overall).toBeLessThanOrEqual(8);
    expect(report.es.overall).toBeGreaterThanOrEqual(60);
  });

  it("read no harder than the baseline (npm run readability shows the figures)", () => {
    const worse: string[] = [];
    if (report.en.overall > baseline.en.overall + 0.2)
      worse.push(`en overall ${report.en.overall} > ${baseline.en.overall}`);
    if (report.es.overall < baseline.es.overall - 0.5)
      worse.push(`es overall ${report.es.overall} < ${baseline.es.overall}`);
    for (const [feature, grade] of Object.entries(report.en.byFeature)) {
      const before = baseline.en.byFeature[feature];
      if (before !== undefined && grade > Math.max(before + 0.5, 8)) worse.push(`en ${feature} ${grade} > ${before}`);
    }
    for (const [feature, ease] of Object.entries(report.es.byFeature)) {
      const before = baseline.es.byFeature[feature];
      if (before !== undefined && ease < Math.min(before - 2, 60)) worse.push(`es ${feature} ${ease} < ${before}`);
    }
    expect(worse).toEqual([]);
  });
});

describe("sentences core writes for families (decision 0026)", () => {
  const core = coreReadability();

  it("read in Spanish at the families' target: ease 60 or more for the navigator's result and the letters", () => {
    expect(Object.keys(core.es)).toEqual(["navigator-result", "letters"]);
    for (const ease of Object.values(core.es)) expect(ease).toBeGreaterThanOrEqual(60);
  });

  it("read in English at the families' target: grade 8 or lower for the navigator's result and the letters, whatever the baseline", () => {
    expect(Object.keys(core.en)).toEqual(["navigator-result", "letters"]);
    for (const [group, grade] of Object.entries(core.en))
      expect({ group, grade: Math.min(grade, 8) }).toEqual({ group, grade });
  });

  it("read no harder than their baseline (npm run readability shows the figures)", () => {
    const worse: string[] = [];
    for (const [group, grade] of Object.entries(core.en)) {
      const before = baseline.core.en[group];
      if (before === undefined || grade > before + 0.2) worse.push(`en ${group} ${grade} > ${before}`);
    }
    for (const [group, ease] of Object.entries(core.es)) {
      const before = baseline.core.es[group];
      if (before === undefined || ease < before - 2) worse.push(`es ${group} ${ease} < ${before}`);
    }
    expect(worse).toEqual([]);
  });
});
