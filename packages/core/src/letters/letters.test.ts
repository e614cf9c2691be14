import { describe, expect, it } from "vitest";
import { type Letter, letterToText } from "./letter.ts";
import { buildLetter, LETTER_KINDS, type LetterRequestInput, lettersForActions, ZLetterRequest } from "./letters.ts";

const parties = {
  parentName: "Maria Example",
  studentName: "Sam Example",
  schoolName: "Cedar Grove Elementary",
  state: "CA",
  date: "2026-11-23",
};

function write(request: LetterRequestInput): { letter: Letter; text: string } {
  const letter = buildLetter(ZLetterRequest.parse(request));
  return { letter, text: letterToText(letter) };
}

describe("letters for every next step", () => {
  it("treats a request without a kind as the evaluation request (the original letter body)", () => {
    const parsed = ZLetterRequest.parse({ ...parties, facts: { ageYears: 8, evaluation: "none" } });
    expect(parsed.kind).toBe("evaluation-request");
  });

  it("asks for a Section 504 meeting, citing 104.35 and OCR's reasonable time (34 CFR 104.35(a), (c); 104.36)", () => {
    const { text, letter } = write({ ...parties, kind: "section-504-meeting-request" });
    expect(letter.subject).toContain("Section 504 meeting");
    expect(text).toContain("34 CFR 104.35(c)");
    expect(text).toContain("reasonable time");
    expect(text).toContain("34 CFR 104.36");
  });

  it("asks for an IEP meeting within 30 days of the written request in California (Cal. Ed. Code 56343.5)", () => {
    const ca = write({ ...parties, kind: "iep-meeting-request" }).text;
    expect(ca).toContain("within 30 days of receiving this written request (Cal. Ed. Code 56343.5)");
    const tx = write({ ...parties, state: "TX", kind: "iep-meeting-request" }).text;
    expect(tx).not.toContain("56343.5");
    expect(tx).toContain("Federal rules set no number of days");
    expect(tx).toContain("34 CFR 300.322(a)");
  });

  it("asks for the records within 5 business days in California and 45 days federally (Cal. Ed. Code 56504; 34 CFR 300.613)", () => {
    const ca = write({ ...parties, kind: "records-request" }).text;
    expect(ca).toContain("within 5 business days");
    expect(ca).toContain("Cal. Ed. Code 56504");
    expect(ca).toContain("34 CFR 300.614");
    const tx = write({ ...parties, state: "TX", kind: "records-request" }).text;
    expect(tx).toContain("no case more than 45 days");
    expect(tx).not.toContain("56504");
  });

  it("asks for an independent evaluation at public expense (34 CFR 300.502; Cal. Ed. Code 56329)", () => {
    const { text } = write({
      ...parties,
      kind: "independent-evaluation-request",
      evaluationDescription: "the psychoeducational assessment",
      evaluationDate: "2026-10-01",
    });
    expect(text).toContain("I disagree with the psychoeducational assessment dated October 1, 2026");
    expect(text).toContain("Cal. Ed. Code 56329(b)-(c)");
    expect(text).toContain("file for a due process hearing");
  });

  it("asks for prior written notice of a refusal with its seven contents (34 CFR 300.503)", () => {
    const { letter } = write({
      ...parties,
      kind: "prior-written-notice-request",
      refusedRequest: "A reading evaluation.",
      requestedOn: "2026-10-15",
    });
    expect(letter.paragraphs[0]).toContain(
      "On October 15, 2026, I asked the school for the following: A reading evaluation.",
    );
    expect(letter.requests).toHaveLength(7);
    for (let n = 1; n <= 7; n++) expect(letter.requests[n - 1]).toContain(`300.503(b)(${n})`);
  });

  it("records disagreement with partial consent, and California's due process duty for refused parts (Cal. Ed. Code 56346(e)-(f))", () => {
    const ca = write({
      ...parties,
      kind: "partial-consent-disagreement",
      disagreedParts: "The move to a special day class.",
    });
    expect(ca.text).toContain(
      "except for the following parts, to which I do not consent: The move to a special day class.",
    );
    expect(ca.text).toContain("Cal. Ed. Code 56346(f)");
    expect(ca.text).toContain("34 CFR 300.518");
    const tx = write({
      ...parties,
      state: "TX",
      kind: "partial-consent-disagreement",
      disagreedParts: "The move to a special day class.",
    });
    expect(tx.text).not.toContain("56346");
  });

  it("names the missing field of a letter that needs more than the parties", () => {
    const bad = ZLetterRequest.safeParse({ ...parties, kind: "partial-consent-disagreement" });
    expect(bad.error?.issues.map((i) => i.path.join("/"))).toEqual(["disagreedParts"]);
  });

  it("dates, addresses and signs every kind the same way, with its citations", () => {
    const extra = {
      "evaluation-request": { facts: { ageYears: 8, evaluation: "none" } },
      "prior-written-notice-request": { refusedRequest: "x" },
      "partial-consent-disagreement": { disagreedParts: "x" },
    } as Record<string, object>;
    for (const kind of LETTER_KINDS) {
      const { letter } = write({ ...parties, kind, ...(extra[kind] ?? {}) } as LetterRequestInput);
      expect(letter.dateText).toBe("November 23, 2026");
      expect(letter.recipient).toContain("Cedar Grove Elementary");
      expect(letter.signature[0]).toBe("Maria Example");
      expect(letter.citations.length).toBeGreaterThan(1);
    }
  });

  it("offers the letter that carries out each next step", () => {
    expect(
      lettersForActions([
        "request-evaluation-in-writing",
        "ask-for-prior-written-notice",
        "consider-independent-evaluation",
      ]),
    ).toEqual(["evaluation-request", "prior-written-notice-request", "independent-evaluation-request"]);
    expect(lettersForActions(["ask-about-postsecondary-accommodations", "contact-vocational-rehabilitation"])).toEqual(
      [],
    );
  });
});
