import { describe, expect, it } from "vitest";
import { errorForLog, redactValues } from "./log-errors.ts";

const VALUE = "major depressive disorder, hospitalized";

describe("errors as the log keeps them", () => {
  it("replaces quoted values in a message and keeps quoted names", () => {
    expect(redactValues(`invalid input syntax for type uuid: "${VALUE}"`)).toBe(
      'invalid input syntax for type uuid: "…"',
    );
    expect(redactValues(`value "${VALUE}" is out of range for type integer`)).toBe(
      'value "…" is out of range for type integer',
    );
    expect(
      redactValues('new row for relation "navigator_results" violates check constraint "navigator_results_check"'),
    ).toBe('new row for relation "navigator_results" violates check constraint "navigator_results_check"');
    expect(redactValues(`Unexpected token 'm', "${VALUE}" is not valid JSON`)).not.toContain("depressive");
  });

  it("keeps a database error's code, constraint, table and column, and drops its detail, where and query", () => {
    const error = Object.assign(new Error('duplicate key value violates unique constraint "people_email_idx"'), {
      name: "DatabaseError",
      code: "23505",
      severity: "ERROR",
      constraint: "people_email_idx",
      table: "people",
      detail: `Key (lower(email))=(${VALUE}) already exists.`,
      where: `SQL statement "insert into people values ('${VALUE}')"`,
      internalQuery: `insert into people values ('${VALUE}')`,
      hint: VALUE,
      parameters: [VALUE],
    });
    const logged = errorForLog(error);
    expect(logged).toMatchObject({
      type: "DatabaseError",
      code: "23505",
      constraint: "people_email_idx",
      table: "people",
    });
    expect(JSON.stringify(logged)).not.toContain("depressive");
    expect(logged.stack).toContain("at ");
  });

  it("cleans the causes too, and logs a thrown non-error by its type only", () => {
    const wrapped = new Error("saving failed", { cause: new Error(`invalid input value for enum kind: "${VALUE}"`) });
    expect(JSON.stringify(errorForLog(wrapped))).not.toContain("depressive");
    expect(errorForLog(VALUE)).toEqual({ type: "string", message: "(not an Error)" });
  });
});
