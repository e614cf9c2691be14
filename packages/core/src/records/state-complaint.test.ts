import { describe, expect, it } from "vitest";
import type { ChronologyEntry } from "./chronology.ts";
import {
  complaintEvidence,
  complaintGaps,
  complaintRecipients,
  complaintTimeLimit,
  draftComplaintText,
} from "./state-complaint.ts";

const missed: ChronologyEntry = {
  id: "missed-sessions:Speech-language pathology:2026-10",
  date: "2026-10-20",
  kind: "missed-sessions",
  who: "School",
  what: "Speech-language pathology: 2 sessions (60 minutes) missed in 2026-10; 0 minutes made up, 60 minutes not made up.",
  rule: "34 CFR 300.320(a)(7); 34 CFR 300.323(c)(2)",
  outcome: "missed",
  daysLate: null,
};
const late: ChronologyEntry = {
  id: "deadline:d1",
  date: "2025-06-01",
  kind: "deadline",
  who: "District",
  what: "Annual review: due 2025-06-01, not done; 540 days late so far.",
  rule: "34 CFR 300.324(b)(1)(i)",
  outcome: "missed",
  daysLate: 540,
};

describe("state complaint draft (34 CFR 300.153)", () => {
  const evidence = complaintEvidence([late, missed], {
    sessions: [
      { date: "2026-10-06", service: "Speech-language pathology", minutes: 30, status: "provider-absent" },
      { date: "2026-10-20", service: "Speech-language pathology", minutes: 30, status: "provider-absent" },
      { date: "2026-10-13", service: "Speech-language pathology", minutes: 30, status: "delivered" },
      { date: "2026-11-03", service: "Speech-language pathology", minutes: 30, status: "provider-absent" },
    ],
    owedReasons: new Set(["provider-absent"]),
    planWords: [
      { service: "Speech-language pathology", effectiveFrom: "2025-09-01", version: "IEP 2025", words: "old words" },
      {
        service: "Speech-language pathology",
        effectiveFrom: "2026-09-01",
        version: "IEP 2026",
        words: "2 × 30 minutes per week",
      },
    ],
  });

  it("attaches each missed session of the month and the plan's words in effect then", () => {
    const speech = evidence[1];
    expect(speech?.details).toEqual([
      "Session of 2026-10-06: 30 minutes of Speech-language pathology not given (Provider absent).",
      "Session of 2026-10-20: 30 minutes of Speech-language pathology not given (Provider absent).",
      'The plan says (IEP 2026): "2 × 30 minutes per week"',
    ]);
    expect(evidence[0]?.details).toEqual(["540 days late. Rule: 34 CFR 300.324(b)(1)(i)."]);
  });

  it("drafts (b)(1), (b)(2) and (b)(4)(v) from the entries, and lists what is still missing", () => {
    const text = draftComplaintText({
      studentName: "Mateo Rivera",
      schoolName: "Northside Elementary",
      districtName: "Maple Valley Unified",
      complainant: { name: "Ana Rivera", email: "ana@example.org", relationship: "Parent" },
      evidence,
    });
    expect(text.violation).toMatch(/^I believe Maple Valley Unified violated requirements of Part B/);
    expect(text.violation).toContain("300.323(c)(2)");
    expect(text.facts.split("\n")).toHaveLength(2);
    expect(text.resolution).toContain("Compensatory services");
    expect(complaintGaps(text).map((g) => [g.field, g.citation])).toEqual([
      ["child.address", "34 CFR 300.153(b)(4)(i)"],
    ]);
    const empty = { ...text, violation: " ", complainant: { ...text.complainant, email: "" } };
    expect(complaintGaps(empty).map((g) => g.field)).toEqual(["violation", "complainant.address", "child.address"]);
    // In Spanish: the same gaps and rules, said in Spanish.
    expect(complaintGaps(empty, "es").map((g) => [g.field, g.message, g.citation])).toEqual([
      ["violation", "Diga qué regla no cumplió el distrito", "34 CFR 300.153(b)(1)"],
      ["complainant.address", "Dé cómo encontrarle (dirección, teléfono o correo electrónico)", "34 CFR 300.153(b)(3)"],
      ["child.address", "Dé la dirección donde vive el niño", "34 CFR 300.153(b)(4)(i)"],
    ]);
  });

  it("names entries older than one year (300.153(c)) and where to send it (300.153(d))", () => {
    expect(complaintTimeLimit([late, missed], "2026-11-23")).toEqual({
      earliest: "2025-11-23",
      tooOld: ["deadline:d1"],
      citation: "34 CFR 300.153(c)",
    });
    expect(complaintRecipients("CA", "Maple Valley Unified").agency).toContain("California Department of Education");
    expect(complaintRecipients("TX", "Pecan ISD")).toMatchObject({
      agency: "Your state education agency (its special education office)",
      copyTo: "Pecan ISD, the public agency serving the child",
    });
    expect(complaintRecipients("TX", "Pecan ISD", "es")).toMatchObject({
      agency: "La agencia de educación de su estado (su oficina de educación especial)",
      copyTo: "Pecan ISD, la agencia pública que atiende al niño",
      citation: "34 CFR 300.151; 34 CFR 300.153(d)",
    });
  });
});
