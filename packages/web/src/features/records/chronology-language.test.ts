/** The chronology in the reader's language: on a Spanish page its sentences and its PDF are asked for in Spanish. */
import { afterEach, describe, expect, it, vi } from "vitest";
import { setLocale } from "../../i18n/t.ts";
import { chronologyPdfUrl, getChronology } from "./api.ts";

const filter = { kinds: ["deadline" as const], from: "", to: "" };

describe("the chronology in Spanish", () => {
  afterEach(() => {
    setLocale("en");
    vi.unstubAllGlobals();
  });

  async function requested(): Promise<string> {
    const calls: string[] = [];
    vi.stubGlobal("fetch", async (input: RequestInfo | URL) => {
      calls.push(String(input));
      return new Response(JSON.stringify({ entries: [] }), { headers: { "content-type": "application/json" } });
    });
    await getChronology("s1", filter);
    return calls[0] ?? "";
  }

  it("asks for the entries' sentences and the PDF in Spanish on a Spanish page", async () => {
    expect(await requested()).not.toContain("lang=");
    expect(chronologyPdfUrl("s1", filter)).not.toContain("lang=");
    setLocale("es");
    expect(await requested()).toContain("lang=es");
    expect(chronologyPdfUrl("s1", filter)).toContain("lang=es");
  });
});
