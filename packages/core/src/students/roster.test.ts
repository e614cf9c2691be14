import { describe, expect, it } from "vitest";
import {
  firstRosterProblemLine,
  limitRosterProblems,
  normalizeGrade,
  normalizeRosterDate,
  normalizeRosterHeader,
  type RosterRecord,
  validateRoster,
  ZRosterRow,
} from "./roster.ts";

const TODAY = "2026-11-23";
const HEADER = [
  "sis_id",
  "first_name",
  "last_name",
  "date_of_birth",
  "grade",
  "school",
  "case_manager_email",
  "guardian1_first_name",
  "guardian1_last_name",
  "guardian1_email",
];

/** Records numbered from line 2 (the header is line 1). */
const records = (...rows: string[][]): RosterRecord[] => rows.map((fields, i) => ({ line: i + 2, fields }));

const good = [
  "S-100",
  "Juniper",
  "Okafor",
  "2016-04-09",
  "4",
  "Northside Elementary",
  "",
  "Ada",
  "Okafor",
  "ada@family.example",
];

describe("roster rows", () => {
  it("turns a good row into what Lantern stores", () => {
    const result = validateRoster(HEADER, records(good), { today: TODAY });
    expect(result.problems).toEqual([]);
    expect(result.rows).toEqual([
      {
        line: 2,
        row: {
          sisId: "S-100",
          firstName: "Juniper",
          lastName: "Okafor",
          dateOfBirth: "2016-04-09",
          grade: "4",
          school: "Northside Elementary",
          schoolCode: null,
          caseManagerEmail: null,
          guardians: [
            {
              firstName: "Ada",
              lastName: "Okafor",
              email: "ada@family.example",
              relationship: null,
              language: null,
              interpreterNeeded: null,
            },
          ],
        },
      },
    ]);
  });

  it("normalizes grades, US dates, emails and whitespace", () => {
    const row = ZRosterRow.parse({
      sis_id: " 42 ",
      first_name: " Rowan ",
      last_name: "Avery",
      date_of_birth: "4/9/2016",
      grade: "KG",
      school: "Riverside",
      case_manager_email: " CaseManager@MapleValley.example ",
      guardian1_relationship: "",
    });
    expect(row).toMatchObject({
      sisId: "42",
      firstName: "Rowan",
      dateOfBirth: "2016-04-09",
      grade: "K",
      caseManagerEmail: "casemanager@maplevalley.example",
      guardians: [],
    });
    expect(["03", "12", "pk", "Pre-K", "tk", "0", "ug"].map(normalizeGrade)).toEqual([
      "3",
      "12",
      "PK",
      "PK",
      "TK",
      "K",
      "UG",
    ]);
    expect(["13", "first", "-1", ""].map(normalizeGrade)).toEqual([null, null, null, null]);
    expect(normalizeRosterDate("2016-02-30")).toBeNull();
    expect(normalizeRosterDate("02/29/2016")).toBe("2016-02-29");
    expect(normalizeRosterHeader("\uFEFF Guardian 1 Email")).toBe("guardian1_email");
    expect(normalizeRosterHeader("Date-of-Birth")).toBe("date_of_birth");
  });

  it("names the line and the column of every problem, in order", () => {
    const result = validateRoster(
      HEADER,
      records(good, [
        "S-101",
        "",
        "Okafor",
        "2016-13-01",
        "14",
        "Northside",
        "not-an-email",
        "",
        "",
        "dad@family.example",
      ]),
      { today: TODAY },
    );
    expect(result.rows).toEqual([]);
    expect(result.problems).toEqual([
      { line: 3, column: "first_name", message: "Enter the student's first name" },
      {
        line: 3,
        column: "date_of_birth",
        message: "Write the date of birth as YYYY-MM-DD (for example 2015-04-09) or MM/DD/YYYY",
      },
      { line: 3, column: "grade", message: "Use PK, TK, K, 1 to 12, or UG (ungraded)" },
      { line: 3, column: "case_manager_email", message: "Enter an email address like name@example.org" },
      {
        line: 3,
        column: "guardian1_first_name",
        message: "Enter guardian 1's first name, or leave all guardian 1 columns empty",
      },
      {
        line: 3,
        column: "guardian1_last_name",
        message: "Enter guardian 1's last name, or leave all guardian 1 columns empty",
      },
    ]);
    expect(result.problemCount).toBe(6);
    expect(firstRosterProblemLine(result.problems, result.problemCount)).toBe(
      "line 3, first_name: Enter the student's first name (and 5 more problems)",
    );
  });

  it("refuses a repeated SIS id, a future or implausibly old birth date, and the same guardian twice", () => {
    const header = [...HEADER, "guardian2_first_name", "guardian2_last_name", "guardian2_email"];
    const result = validateRoster(
      header,
      records(
        [...good, "", "", ""],
        [...good, "", "", ""],
        ["S-102", "Ada", "Lind", "2027-01-01", "K", "Northside", "", "", "", "", "", "", ""],
        ["S-103", "Ada", "Lind", "1916-01-01", "K", "Northside", "", "", "", "", "", "", ""],
        ["S-104", "Ada", "Lind", "2016-01-01", "K", "Northside", "", "A", "L", "a@x.example", "B", "L", "A@x.example"],
      ),
      { today: TODAY },
    );
    expect(result.problems).toEqual([
      { line: 3, column: "sis_id", message: "This SIS id is also on line 2" },
      { line: 4, column: "date_of_birth", message: "The date of birth is after today" },
      { line: 5, column: "date_of_birth", message: "The date of birth is more than 30 years ago: check the year" },
      { line: 6, column: "guardian2_email", message: "Guardian 2 has the same email as guardian 1" },
    ]);
  });

  it("checks the header: required columns, repeats, and columns it will not keep", () => {
    const result = validateRoster(["Student ID", "first_name", "first_name", "DOB", "ethnicity"], records(good), {
      today: TODAY,
    });
    expect(result.problems).toEqual([
      { line: 1, column: "first_name", message: "The header names the first_name column twice" },
      { line: 1, column: "last_name", message: "The file has no last_name column" },
      { line: 1, column: "grade", message: "The file has no grade column" },
      { line: 1, column: "school", message: "The file has no school column" },
    ]);
    expect(result.ignoredColumns).toEqual(["ethnicity"]);
    expect(validateRoster(HEADER, [], { today: TODAY }).problems).toEqual([
      { line: 2, column: null, message: "The file has a header but no students" },
    ]);
  });

  it("treats missing trailing cells as blank but refuses extra values", () => {
    const short = validateRoster(HEADER, records(good.slice(0, 6)), { today: TODAY });
    expect(short.problems).toEqual([]);
    expect(short.rows[0]?.row.guardians).toEqual([]);
    const long = validateRoster(HEADER, records([...good, "extra"]), { today: TODAY });
    expect(long.problems).toEqual([
      { line: 2, column: null, message: "This row has 11 values but the header has 10 columns" },
    ]);
  });

  it("lists at most the first problems and counts them all", () => {
    const many = Array.from({ length: 150 }, (_, i) => ({ line: 150 - i, column: "grade", message: "bad" }));
    const limited = limitRosterProblems(many);
    expect(limited.problemCount).toBe(150);
    expect(limited.problems).toHaveLength(100);
    expect(limited.problems[0]?.line).toBe(1);
  });
});
