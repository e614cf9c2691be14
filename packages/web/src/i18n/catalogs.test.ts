import { readFileSync } from "node:fs";
import { join } from "node:path";
import { GLOSSARY } from "@lantern/core";
import { afterEach, describe, expect, it } from "vitest";
import { catalogs, en, es } from "./catalogs.ts";
import { argumentsOf, selectorsOf } from "./format.ts";
import { isNotYetInSpanish, NOT_YET_IN_SPANISH } from "./not-yet-in-spanish.ts";
import { isStaffOnly } from "./staff-only.ts";
import { setLocale, t } from "./t.ts";

type Catalog = Readonly<Record<string, string>>;

/** Every difference between an English catalog and its translation that a reader would notice. */
function compareCatalogs(english: Catalog, translation: Catalog): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(english)) {
    if (isStaffOnly(key) || isNotYetInSpanish(key)) continue;
    if (!(key in translation)) problems.push(`${key}: missing in the translation`);
  }
  for (const [key, text] of Object.entries(translation)) {
    const source = english[key];
    if (source === undefined) {
      problems.push(`${key}: not in the English catalog`);
      continue;
    }
    if (text.trim() === "") problems.push(`${key}: empty`);
    let want: ReadonlyMap<string, string>;
    let have: ReadonlyMap<string, string>;
    try {
      want = argumentsOf(source);
      have = argumentsOf(text);
    } catch (error) {
      problems.push(`${key}: not a valid ICU message (${String(error)})`);
      continue;
    }
    const show = (args: ReadonlyMap<string, string>) =>
      [...args]
        .map(([name, kind]) => `${name}:${kind}`)
        .sort()
        .join(", ");
    if (show(want) !== show(have))
      problems.push(`${key}: arguments differ (English ${show(want)}; translation ${show(have)})`);
    const wantOptions = selectorsOf(source);
    const haveOptions = selectorsOf(text);
    for (const [selector, options] of wantOptions) {
      const translated = haveOptions.get(selector) ?? [];
      const needed = selector.startsWith("plural") ? options.filter((o) => o.startsWith("=")).concat("other") : options;
      for (const option of needed)
        if (!translated.includes(option)) problems.push(`${key}: ${selector} has no "${option}" case`);
    }
  }
  return problems;
}

/** Spanish messages whose English says a glossary term but which do not use the glossary's Spanish for it. */
function glossaryMisses(english: Catalog, translation: Catalog): string[] {
  const misses: string[] = [];
  for (const [key, text] of Object.entries(translation)) {
    const source = (english[key] ?? "").toLowerCase();
    const spanish = text.toLowerCase();
    for (const [name, term] of Object.entries(GLOSSARY)) {
      const says = term.englishForms.some((form) => new RegExp(`(^|[^\\p{L}])${form}([^\\p{L}]|$)`, "u").test(source));
      if (says && !term.spanishForms.some((form) => spanish.includes(form)))
        misses.push(`${key}: says "${name}" in English; use "${term.es.term}" in Spanish`);
    }
  }
  return misses;
}

describe("the Spanish catalog", () => {
  afterEach(() => setLocale("en"));

  it("has every family-facing key, with the same arguments and plural cases as the English", () => {
    expect(compareCatalogs(en, es)).toEqual([]);
  });

  it("uses the glossary's Spanish for every legal term the English uses", () => {
    expect(glossaryMisses(en, es)).toEqual([]);
  });

  it("leaves out only pages used by school staff", () => {
    const untranslated = Object.keys(en).filter((key) => !(key in catalogs.es));
    expect(untranslated.length).toBeGreaterThan(0);
    for (const key of untranslated) expect(isStaffOnly(key) || isNotYetInSpanish(key), key).toBe(true);
  });

  it("lists as not yet translated only keys that have no Spanish, and only family-facing ones", () => {
    for (const key of NOT_YET_IN_SPANISH) {
      expect(key in catalogs.es, `${key} has its Spanish now: remove it from not-yet-in-spanish.ts`).toBe(false);
      expect(isStaffOnly(key), key).toBe(false);
      expect(key in en, key).toBe(true);
    }
  });

  it("gets Spanish plurals right", () => {
    setLocale("es");
    expect(t("auth.signIn.tooMany", { count: 1 })).toBe("Demasiados intentos. Espere 1 minuto y vuelva a intentar.");
    expect(t("auth.signIn.tooMany", { count: 2 })).toBe("Demasiados intentos. Espere 2 minutos y vuelva a intentar.");
    expect(t("enforcement.minutes.totalOwed", { count: 0 })).toBe(
      "Ahora no se deben minutos de reposición según la política del distrito.",
    );
    expect(t("enforcement.minutes.totalOwed", { count: 1200 })).toBe(
      "En total, 1200 minutos de reposición según la política del distrito.",
    );
    expect(t("records.requests.late", { days: 1 })).toBe("1 día de retraso");
    expect(t("records.requests.late", { days: 2 })).toBe("2 días de retraso");
    expect(t("records.chronology.caption", { count: 1 })).toBe("Cronología, lo más viejo primero (1 entrada)");
    expect(t("records.requests.limit", { days: 5, unit: "business" })).toBe("5 días hábiles");
    expect(t("records.requests.limit", { days: 1, unit: "business" })).toBe("1 día hábil");
    expect(t("records.requests.limit", { days: 45, unit: "calendar" })).toBe("45 días naturales");
    setLocale("en");
    expect(t("records.requests.limit", { days: 5, unit: "business" })).toBe("5 business days");
    expect(t("records.requests.limit", { days: 45, unit: "calendar" })).toBe("45 calendar days");
    expect(t("records.requests.late", { days: 1 })).toBe("1 day late");
    expect(t("records.chronology.caption", { count: 3 })).toBe("Chronology, oldest first (3 entries)");
  });
});

describe("the catalog check", () => {
  const english = {
    "auth.signIn.tooMany": "{count, plural, one {Wait # minute.} other {Wait # minutes.}}",
    "app.signedInAs": "Signed in as {name}",
    "app.loading": "Loading…",
    "plans.editor.save": "Save",
  };

  it("finds a missing key, a renamed placeholder, a lost plural and a stray key", () => {
    expect(
      compareCatalogs(english, {
        "auth.signIn.tooMany": "Espere {count} minutos.",
        "app.signedInAs": "Sesión de {nombre}",
        "app.extra": "¿Qué?",
      }),
    ).toEqual([
      "app.loading: missing in the translation",
      "auth.signIn.tooMany: arguments differ (English count:plural; translation count:text)",
      'auth.signIn.tooMany: plural count has no "other" case',
      "app.signedInAs: arguments differ (English name:text; translation nombre:text)",
      "app.extra: not in the English catalog",
    ]);
  });

  it("passes a faithful translation, staff-only keys left out", () => {
    expect(
      compareCatalogs(english, {
        "auth.signIn.tooMany": "{count, plural, one {Espere # minuto.} other {Espere # minutos.}}",
        "app.signedInAs": "Sesión de {name}",
        "app.loading": "Cargando…",
      }),
    ).toEqual([]);
  });

  it("finds a legal term translated another way", () => {
    expect(
      glossaryMisses(
        { "plans.x": "The school sends prior written notice." },
        { "plans.x": "La escuela manda un aviso." },
      ),
    ).toEqual(['plans.x: says "priorWrittenNotice" in English; use "notificación previa por escrito" in Spanish']);
  });
});

describe("service lines in both languages", () => {
  afterEach(() => setLocale("en"));

  it("say how often with the language's plurals and words for the period", () => {
    const line = { area: "Habla", minutes: 30, location: "el salón" };
    expect(t("plans.summary.serviceLine", { ...line, times: 2, per: "week" })).toBe(
      "Habla: 30 minutes, 2 times a week, at el salón",
    );
    setLocale("es");
    expect(t("plans.summary.serviceLine", { ...line, times: 1, per: "day" })).toBe(
      "Habla: 30 minutos, una vez al día, en el salón",
    );
    expect(t("plans.summary.serviceLine", { ...line, times: 3, per: "month" })).toBe(
      "Habla: 30 minutos, 3 veces al mes, en el salón",
    );
  });
});

describe("the glossary in core", () => {
  it("translates only terms defined in docs/glossary.md, its English source", () => {
    const source = readFileSync(join(import.meta.dirname, "../../../../docs/glossary.md"), "utf8").toLowerCase();
    const missing = Object.entries(GLOSSARY)
      .filter(([, term]) => !term.englishForms.some((form) => source.includes(form)))
      .map(([key]) => key);
    expect(missing).toEqual([]);
  });
});
