import { describe, expect, it } from "vitest";
import { IEP_SECTIONS, SECTION_504_SECTIONS } from "./plan-sections.ts";
import { getPath, groupedHash, setPath } from "./plan-text.ts";

describe("plan editor paths", () => {
  it("reads and writes nested values without changing the original", () => {
    const doc = { goals: [{ id: "g1", area: "Reading" }], placement: { school: "A" } };
    const next = setPath(doc, ["goals", 0, "area"], "Writing");
    expect(getPath(next, ["goals", 0, "area"])).toBe("Writing");
    expect(doc.goals[0]?.area).toBe("Reading");
    expect(Array.isArray(next.goals)).toBe(true);
    expect(next.placement).toBe(doc.placement);
  });

  it("creates missing objects along the way (a prior written notice not written yet)", () => {
    const next = setPath(
      { priorWrittenNotice: null } as Record<string, unknown>,
      ["priorWrittenNotice", "date"],
      "2026-11-23",
    );
    expect(next.priorWrittenNotice).toEqual({ date: "2026-11-23" });
  });

  it("groups a hash in fours for reading aloud", () => {
    expect(groupedHash("0123456789abcdef")).toBe("0123 4567 89ab cdef");
  });

  it("gives every editor section and field an id", () => {
    for (const s of [...IEP_SECTIONS, ...SECTION_504_SECTIONS]) {
      expect(s.id).not.toBe("");
      expect(s.fields.length).toBeGreaterThan(0);
    }
  });
});
