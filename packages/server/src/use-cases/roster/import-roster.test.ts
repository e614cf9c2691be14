import { describe, expect, it } from "vitest";
import { parseRosterCsv } from "./import-roster.ts";

describe("roster CSV", () => {
  it("numbers each record by the line it starts on, across quoted line breaks and skipped blank rows", () => {
    const parsed = parseRosterCsv('\uFEFFa,b\r\nAnn "Annie" Lee,2\r\n"x\r\ny",3\r\n\r\n,\r\n4,"5""6"');
    expect(parsed).toEqual({
      header: ["a", "b"],
      records: [
        { line: 2, fields: ['Ann "Annie" Lee', "2"] },
        { line: 3, fields: ["x\ny", "3"] },
        { line: 7, fields: ["4", '5"6'] },
      ],
    });
  });

  it("reads semicolon- and tab-separated files", () => {
    expect(parseRosterCsv("a;b;c\n1;2;3\n")).toMatchObject({ records: [{ fields: ["1", "2", "3"] }] });
    expect(parseRosterCsv("a\tb\n1\t2,5\n")).toMatchObject({ records: [{ fields: ["1", "2,5"] }] });
  });

  it("names the line of text it cannot read", () => {
    expect(parseRosterCsv("")).toEqual({ problem: { line: 1, column: null, message: "The file is empty" } });
    expect(parseRosterCsv("a,b\n1,2\n3,\uFFFD\n")).toEqual({
      problem: { line: 3, column: null, message: "The file is not UTF-8 text: save it as “CSV UTF-8” and try again" },
    });
    expect(parseRosterCsv('a,b\n1,"2\n')).toMatchObject({ problem: { line: 2, column: null } });
  });
});
