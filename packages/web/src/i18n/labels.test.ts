import {
  COMPLIANCE_SCOPES,
  CONSENT_CHOICES,
  LABELS,
  type LabelledFact,
  labelOf,
  PLAN_TYPES,
  SERVICE_AREA_LABELS,
  SERVICE_PERIODS,
} from "@lantern/core";
import { describe, expect, it } from "vitest";
import { areaLabel } from "../features/enforcement/enforcement-text.ts";
import { optionText } from "../features/navigator/question-step.tsx";
import { IEP_SECTIONS } from "../features/plans/plan-sections.ts";
import { optionsOf } from "../features/plans/section-editor.tsx";
import { catalogs, LOCALES } from "./catalogs.ts";
import { label } from "./labels.ts";
import { isNotYetInSpanish } from "./not-yet-in-spanish.ts";
import { isStaffOnly } from "./staff-only.ts";

const keysOf = (locale: (typeof LOCALES)[number]) => new Set(Object.keys(catalogs[locale]));

describe("labels of core's codes", () => {
  it("have a text in every language for every code core names, and the English is core's", () => {
    for (const locale of LOCALES) {
      const keys = keysOf(locale);
      for (const [fact, table] of Object.entries(LABELS)) {
        for (const value of Object.keys(table)) {
          const key = `label.${fact}.${value}`;
          if (locale !== "en" && isNotYetInSpanish(key)) continue;
          expect(keys.has(key), `${locale}: ${fact}.${value}`).toBe(true);
        }
      }
    }
    for (const [fact, table] of Object.entries(LABELS)) {
      for (const [value, text] of Object.entries(table)) {
        expect(label(fact as LabelledFact, value as never), `${fact}.${value}`).toBe(text);
      }
    }
  });

  it("call one service by one name everywhere: the service minutes, the plan editor and the navigator", () => {
    const name = SERVICE_AREA_LABELS["speech-language-pathology"];
    expect(name).toBe("Speech-language pathology");
    expect(areaLabel("speech-language-pathology")).toBe(name);
    const services = IEP_SECTIONS.find((s) => s.id === "services");
    const area = services?.fields.find((f) => f.key === "area");
    expect(area && optionsOf(area).find((o) => o.value === "speech-language-pathology")?.label).toBe(name);
    expect(optionText("relatedServices", "speech-language-pathology")).toBe(name);
  });

  it("are not named again by a feature's messages", () => {
    const facts: LabelledFact[] = [
      "serviceArea",
      "relatedService",
      "deadlineKind",
      "sessionStatus",
      "teamRole",
      "attendance",
      "contactMethod",
      "planPdf",
    ];
    const generic = new Set([
      "other",
      "student",
      "parent",
      "full",
      "email",
      "phone",
      "letter",
      "in-person",
      "delivered",
    ]);
    const codes = new Set(facts.flatMap((f) => Object.keys(LABELS[f])).filter((v) => !generic.has(v)));
    for (const locale of LOCALES) {
      const renamed = [...keysOf(locale)].filter(
        (k) => !k.startsWith("label.") && codes.has(k.split(".").at(-1) ?? ""),
      );
      expect(renamed, locale).toEqual([]);
    }
  });

  it("word the choices a feature phrases itself for exactly core's codes", () => {
    const families: Array<[prefix: string, codes: readonly string[]]> = [
      ["plans.sign.consent.", CONSENT_CHOICES],
      ["enforcement.week.per.", SERVICE_PERIODS],
      ["compliance.filters.scope.", COMPLIANCE_SCOPES],
      ["compliance.filters.planType.", ["all", ...PLAN_TYPES]],
    ];
    for (const locale of LOCALES) {
      const keys = [...keysOf(locale)];
      for (const [prefix, codes] of families) {
        if (locale !== "en" && isStaffOnly(prefix)) continue;
        const worded = keys.filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
        expect(worded.sort(), `${locale}: ${prefix}`).toEqual([...codes].sort());
      }
    }
  });

  it("fall back to the code only for a code core does not know", () => {
    expect(labelOf("planStatus", "in-effect")).toBe("In effect");
  });
});
