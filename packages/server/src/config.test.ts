import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./config.ts";

describe("parseConfig", () => {
  it("keeps ten PostgreSQL connections per server unless told otherwise", () => {
    expect(parseConfig({}).DATABASE_POOL_SIZE).toBe(10);
    expect(parseConfig({ DATABASE_POOL_SIZE: "4" }).DATABASE_POOL_SIZE).toBe(4);
    expect(parseConfig({ DATABASE_POOL_SIZE: "" }).DATABASE_POOL_SIZE).toBe(10);
  });

  it("names a bad pool size in one line", () => {
    for (const bad of ["0", "ten", "2.5", "101"]) {
      expect(() => parseConfig({ DATABASE_POOL_SIZE: bad })).toThrow(ConfigError);
      expect(() => parseConfig({ DATABASE_POOL_SIZE: bad })).toThrow(
        `Invalid DATABASE_POOL_SIZE=${JSON.stringify(bad)}: must be a whole number between 1 and 100`,
      );
    }
  });
});
