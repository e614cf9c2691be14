import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../../../..");
const dir = mkdtempSync(join(tmpdir(), "lantern-roster-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function lantern(...args: string[]) {
  const run = spawnSync(process.execPath, [join(root, "bin/lantern.js"), ...args], {
    cwd: root,
    encoding: "utf8",
    // A data directory that is never created: a bad file is answered before any database is opened.
    env: { ...process.env, NO_COLOR: "1", DATA_DIR: join(dir, "never-created"), DATABASE_URL: "" },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("lantern import-roster", () => {
  it("exits 2 with one line naming the first bad line and column, and how many more", () => {
    const file = join(dir, "bad.csv");
    writeFileSync(
      file,
      [
        "sis_id,first_name,last_name,date_of_birth,grade,school",
        "S1,Wren,Abernathy,2016-05-01,4,Northside Elementary",
        "S2,Ivo,Lindqvist,2016-02-30,4,Northside Elementary",
        "S3,,Marchetti,2015-07-19,15,Riverside Middle School",
      ].join("\n"),
    );
    const run = lantern("import-roster", file);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      "lantern: line 3, date_of_birth: Write the date of birth as YYYY-MM-DD (for example 2015-04-09) or MM/DD/YYYY (and 2 more problems)\n",
    );
    expect(existsSync(join(dir, "never-created"))).toBe(false);
  });

  it("exits 2 on a file it cannot read or a header without the required columns", () => {
    const missing = lantern("import-roster", join(dir, "nope.csv"));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe(`lantern: cannot read ${join(dir, "nope.csv")}\n`);
    const file = join(dir, "header.csv");
    writeFileSync(file, "name,dob\nWren Abernathy,2016-05-01\n");
    const header = lantern("import-roster", file);
    expect(header.status).toBe(2);
    expect(header.stderr.trim().split("\n")).toHaveLength(1);
    expect(header.stderr).toMatch(
      /^lantern: line 1, sis_id: The file has no sis_id column \(and \d+ more problems\)\n$/,
    );
  });
});
