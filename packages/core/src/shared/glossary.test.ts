import { describe, expect, it } from "vitest";
import { GLOSSARY, glossaryTerm } from "./glossary.ts";
import { LABELS } from "./labels.ts";
import { FACTS_NOT_YET_IN_SPANISH, LABELS_ES, labelIn } from "./labels-es.ts";

describe("the glossary", () => {
  it("gives each term in Spanish, its forms including the term itself", () => {
    for (const [key, term] of Object.entries(GLOSSARY)) {
      expect(term.es.term, key).not.toBe("");
      expect(term.spanishForms, key).toContain(term.es.term.toLowerCase());
      const citation = term.citation.split(";")[0] ?? "";
      if (term.en.explanation.includes(citation))
        expect(term.es.explanation, key).toContain(citation.replace("Part", "Parte"));
    }
    expect(glossaryTerm("iep", "es-MX")).toBe("IEP");
    expect(glossaryTerm("priorWrittenNotice", "es")).toBe("notificación previa por escrito");
    expect(glossaryTerm("section504", "en")).toBe("504 plan");
  });

  it("uses the glossary's terms in the Spanish names of codes", () => {
    expect(LABELS_ES.planType["section-504"]).toBe(GLOSSARY.section504.es.term);
    expect(LABELS_ES.planPdf["prior-written-notice"].toLowerCase()).toBe(GLOSSARY.priorWrittenNotice.es.term);
    expect(LABELS_ES.role["case-manager"].toLowerCase()).toBe(GLOSSARY.caseManager.es.term);
    expect(Object.keys(LABELS_ES).sort()).toEqual(
      Object.keys(LABELS)
        .filter((fact) => !(FACTS_NOT_YET_IN_SPANISH as readonly string[]).includes(fact))
        .sort(),
    );
    expect(labelIn("serviceArea", "counseling", "es")).toBe("Consejería");
    expect(labelIn("serviceArea", "counseling", "en")).toBe("Counseling");
    expect(labelIn("serviceArea", "from-a-newer-version", "es")).toBe("from-a-newer-version");
  });
});
