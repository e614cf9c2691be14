/**
 * `npm run readability`: the reading level of every family-facing message, English (Flesch–Kincaid
 * grade, lower is easier) and Spanish (Fernández Huerta ease, higher is easier), overall and by
 * feature, compared with the baseline kept in readability-baseline.json; then the sentences core
 * writes for families (the navigator's result, the letters), against their own baseline (`core`).
 * `--update` writes the current figures as the new baseline (do so only when the text got easier,
 * or with a reason).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type CoreReadability, coreReadability, readabilityReport } from "../src/i18n/readability.ts";

const file = join(import.meta.dirname, "..", "readability-baseline.json");
const report = readabilityReport();
const baseline = JSON.parse(readFileSync(file, "utf8")) as typeof report & { core?: CoreReadability };

console.log("English, Flesch–Kincaid grade (target 8 or lower; lower is easier)");
console.log(`  overall ${report.en.overall} (baseline ${baseline.en.overall})`);
for (const [feature, grade] of Object.entries(report.en.byFeature))
  console.log(`  ${feature.padEnd(12)} ${grade} (baseline ${baseline.en.byFeature[feature] ?? "—"})`);
console.log("Spanish, Fernández Huerta ease (target 60 or more; higher is easier)");
console.log(`  overall ${report.es.overall} (baseline ${baseline.es.overall})`);
for (const [feature, ease] of Object.entries(report.es.byFeature))
  console.log(`  ${feature.padEnd(12)} ${ease} (baseline ${baseline.es.byFeature[feature] ?? "—"})`);

const core = coreReadability();
console.log("Sentences core writes for families (navigator result, letters; English 8 or lower, Spanish 60 or more)");
for (const group of Object.keys(core.es))
  console.log(
    `  ${group.padEnd(16)} English grade ${core.en[group]} (baseline ${baseline.core?.en[group] ?? "—"}), ` +
      `Spanish ease ${core.es[group]} (baseline ${baseline.core?.es[group] ?? "—"})`,
  );

if (process.argv.includes("--update")) {
  writeFileSync(file, `${JSON.stringify({ ...report, core }, null, 2)}\n`);
  console.log(`Baseline written to ${file}`);
}
