/**
 * The Node versions Lantern declares (package.json `engines`, and the README) are ones every
 * installed package accepts: each package's own `engines.node` range covers the declared one.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..", "..", "..");
const semver = createRequire(import.meta.url)("semver") as { subset(sub: string, dom: string): boolean };

function packagesUnder(dir: string, out: Array<{ name: string; node: string }> = []) {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir)) {
    if (entry.startsWith(".")) continue;
    const path = join(dir, entry);
    if (entry.startsWith("@")) {
      packagesUnder(path, out);
      continue;
    }
    const manifest = join(path, "package.json");
    if (existsSync(manifest)) {
      const json = JSON.parse(readFileSync(manifest, "utf8")) as {
        name?: string;
        version?: string;
        engines?: { node?: string };
      };
      if (json.engines?.node) out.push({ name: `${json.name}@${json.version}`, node: json.engines.node });
    }
    packagesUnder(join(path, "node_modules"), out);
  }
  return out;
}

describe("the declared Node version", () => {
  const declared = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { engines: { node: string } })
    .engines.node;

  it("is accepted by every installed package", () => {
    const installed = ["node_modules", "packages/core", "packages/server", "packages/web"].flatMap((d) =>
      packagesUnder(join(ROOT, d === "node_modules" ? d : `${d}/node_modules`)),
    );
    expect(installed.length).toBeGreaterThan(50);
    const refusing = installed.filter((p) => !semver.subset(declared, p.node)).map((p) => `${p.name} (${p.node})`);
    expect(refusing).toEqual([]);
  });

  it("is the one the README states", () => {
    expect(readFileSync(join(ROOT, "README.md"), "utf8")).toContain(`\`${declared}\``);
  });
});
