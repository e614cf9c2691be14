import { describe, expect, it } from "vitest";
import {
  describeConsentRecord,
  describeSignature,
  detectScanType,
  normalizePersonName,
  personNamesMatch,
} from "./signature-rules.ts";

const bytes = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const longDate = (d: string) => `[${d}]`;

describe("a signature's name is the account's name (34 CFR 300.9; 99.30(b))", () => {
  it("ignores case, extra spaces and accents, but not other letters", () => {
    expect(normalizePersonName("  José   O’Neil-DÍAZ ")).toBe("jose o'neil-diaz");
    expect(personNamesMatch("ana  RIVERA", "Ana Rivera")).toBe(true);
    expect(personNamesMatch("Ána Rivera", "Ana Rivera")).toBe(true);
    expect(personNamesMatch("Mickey Mouse", "Ana Rivera")).toBe(false);
    expect(personNamesMatch("Ana", "Ana Rivera")).toBe(false);
    expect(personNamesMatch("", "")).toBe(false);
  });
});

describe("a scanned page's kind comes from its first bytes", () => {
  it("knows PDF, PNG and JPEG and nothing else", () => {
    expect(detectScanType(bytes("%PDF-1.7"))).toBe("application/pdf");
    expect(detectScanType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe("image/png");
    expect(detectScanType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    expect(detectScanType(bytes("<svg/>"))).toBeNull();
    expect(detectScanType(new Uint8Array([0x89, 0x50]))).toBeNull();
  });
});

describe("how a signature was given, in words", () => {
  it("says a paper signature was entered, by whom and when", () => {
    expect(
      describeSignature(
        {
          method: "paper",
          typedName: "Jamie Ortega",
          signedAt: "2026-11-23T10:00:00Z",
          enteredBy: { name: "Priya Natarajan", at: "2026-11-23T10:00:00Z" },
          paper: { signedOn: "2026-11-20" },
        },
        longDate,
      ),
    ).toBe("Signed on paper on [2026-11-20]; entered by Priya Natarajan on [2026-11-23]");
  });
  it("names the signer, an attested legal name and the sign-in method; older signatures say only how", () => {
    expect(
      describeSignature(
        {
          method: "typed",
          typedName: "Alexandra Thompson",
          signedAt: "2026-11-23T10:00:00Z",
          signerName: "Alex Thompson",
          legalName: "Alexandra Thompson",
          signInMethod: "password",
        },
        longDate,
      ),
    ).toBe("Typed in the app by Alex Thompson (legal name attested: Alexandra Thompson), signed in with password");
    expect(describeSignature({ method: "drawn", typedName: "X", signedAt: "2026-11-23T10:00:00Z" }, longDate)).toBe(
      "Drawn in the app",
    );
  });
  it("says who recorded a consent decision and how", () => {
    expect(
      describeConsentRecord(
        {
          source: "paper",
          byName: "Priya Natarajan",
          at: "2026-11-23T10:00:00Z",
          paperDate: "2026-11-20",
          signInMethod: null,
        },
        longDate,
      ),
    ).toBe("Recorded from a paper form dated [2026-11-20], by Priya Natarajan on [2026-11-23]");
  });
});
