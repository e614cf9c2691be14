import { describe, expect, it } from "vitest";
import { LETTER_FRAME_WORDS, type Letter, letterToText } from "./letter.ts";
import { buildLetter, LETTER_KINDS, type LetterKind, type LetterRequestInput, ZLetterRequest } from "./letters.ts";

/** Every field a letter of any kind can fill, in the family's Spanish words. */
const parties = {
  parentName: "María Ejemplo",
  studentName: "Samuel Ejemplo",
  schoolName: "Escuela Primaria Cedar Grove",
  schoolAddress: ["100 Calle Principal"],
  studentDateOfBirth: "2018-03-01",
  grade: "3",
  parentContact: "555-0100",
  concerns: "Le cuesta mucho leer.",
  date: "2026-11-23",
  language: "es" as const,
};

const extra: Record<LetterKind, Record<string, unknown>> = {
  "evaluation-request": {
    facts: {
      ageYears: 8,
      evaluation: "none",
      impairments: [{ name: "Dislexia", ideaCategory: "specific-learning-disability" }],
    },
  },
  "section-504-meeting-request": {},
  "iep-meeting-request": {},
  "records-request": {},
  "independent-evaluation-request": {
    evaluationDescription: "la evaluación psicológica",
    evaluationDate: "2026-10-01",
  },
  "prior-written-notice-request": { refusedRequest: "Un asistente en la clase.", requestedOn: "2026-09-01" },
  "partial-consent-disagreement": { iepDate: "2026-10-10", disagreedParts: "La colocación.", reasons: "Queda lejos." },
};

// Citations keep the law's own words; everything else must be Spanish.
const CITED_TITLES = /OCR Parent and Educator Resource Guide to Section 504/g;
const ENGLISH =
  /\b(the|I|am|of|to|please|request|school|my|and|with|your|parent|days|within|child|Dear|Sincerely|Re|Legal)\b/;

function write(kind: LetterKind, state: string): { letter: Letter; text: string } {
  const request = { ...parties, ...extra[kind], kind, state } as LetterRequestInput;
  const letter = buildLetter(ZLetterRequest.parse(request));
  return { letter, text: letterToText(letter) };
}

describe("every letter in Spanish", () => {
  for (const kind of LETTER_KINDS) {
    for (const state of ["CA", "TX"]) {
      it(`writes the ${kind} letter (${state}) in Spanish, every placeholder filled, citations kept`, () => {
        const { letter, text } = write(kind, state);
        expect(letter.language).toBe("es");
        expect(letter.dateText).toBe("23 de noviembre de 2026");
        expect(text.replace(CITED_TITLES, "")).not.toMatch(ENGLISH);
        expect(text).not.toMatch(/undefined|null|\$\{|NaN/);
        for (const words of [
          "Samuel Ejemplo (fecha de nacimiento: 1 de marzo de 2018, en el grado 3)",
          "Escuela Primaria Cedar Grove",
          "Le cuesta mucho leer.",
          "Padre, madre o tutor de Samuel Ejemplo",
          LETTER_FRAME_WORDS.es.salutation,
          "Atentamente,",
          "Referencias legales:",
        ])
          expect(text).toContain(words);
        const english = buildLetter(ZLetterRequest.parse({ ...parties, ...extra[kind], kind, state, language: "en" }));
        expect(letter.citations).toEqual(english.citations);
        expect(letter.requests).toHaveLength(english.requests.length);
        expect(letter.paragraphs).toHaveLength(english.paragraphs.length);
        // Each legal explanation cites the same law in both languages.
        const cites = (l: Letter) => [...l.paragraphs, ...l.requests].join(" ").match(/\(([^()]*(CFR|Code)[^()]*)\)/g);
        expect(cites(letter)).toEqual(cites(english));
      });
    }
  }

  it("writes the state's days the Spanish way, and the family's own dates", () => {
    expect(write("records-request", "CA").text).toContain("dentro de 5 días hábiles");
    expect(write("records-request", "TX").text).toContain("nunca más de 45 días");
    expect(write("iep-meeting-request", "CA").text).toContain("dentro de 30 días después de recibir esta solicitud");
    expect(write("evaluation-request", "CA").text).toContain("(posiblemente discapacidad específica del aprendizaje)");
    expect(write("independent-evaluation-request", "CA").text).toContain("con fecha del 1 de octubre de 2026");
    expect(write("prior-written-notice-request", "CA").text).toContain("El 1 de septiembre de 2026 le pedí");
    expect(write("partial-consent-disagreement", "CA").text).toContain("el IEP con fecha del 10 de octubre de 2026");
  });

  it("is English unless the family chooses Spanish", () => {
    const { language: _, ...english } = parties;
    const letter = buildLetter(
      ZLetterRequest.parse({ ...english, ...extra["records-request"], kind: "records-request", state: "CA" }),
    );
    expect(letter.language).toBe("en");
    expect(letterToText(letter)).toContain("Sincerely,");
  });
});
