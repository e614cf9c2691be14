/**
 * The `lantern` command as a newcomer meets it: help, configuration errors as one line with a
 * non-zero exit, and a second start that reuses the embedded database without reseeding.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..", "..", "..");
const BIN = join(ROOT, "bin", "lantern.js");

function lantern(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: "", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function startUntilReady(env: Record<string, string>): Promise<{ child: ChildProcess; output: string }> {
  return new Promise((resolveStart, reject) => {
    const child = spawn(process.execPath, [BIN, "start"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: "", ...env },
    });
    let output = "";
    const timer = setTimeout(() => reject(new Error(`no start within 90 s:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Lantern is running at")) {
        clearTimeout(timer);
        resolveStart({ child, output });
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`exited ${code}:\n${output}`));
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((res) => {
    child.removeAllListeners("exit");
    child.on("exit", () => res());
    child.kill("SIGTERM");
  });
}

describe("lantern CLI", () => {
  const blockers: Server[] = [];
  afterAll(() => {
    for (const b of blockers) b.close();
  });

  it("runs compiled JavaScript: no TypeScript file and no TypeScript loader is loaded, migrations included", () => {
    // A loader hook that fails the process on any .ts module or anything of tsx.
    const hook = `export async function load(url, context, next) {
      if (url.endsWith(".ts") || url.includes("/tsx/")) throw new Error("TypeScript at run time: " + url);
      return next(url, context);
    }`;
    const register = `import { register } from "node:module"; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hook)}`)});`;
    const r = spawnSync(
      process.execPath,
      ["--import", `data:text/javascript,${encodeURIComponent(register)}`, BIN, "migrate"],
      {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: "", DATA_DIR: mkdtempSync(join(tmpdir(), "lantern-js-")) },
        encoding: "utf8",
        timeout: 60_000,
      },
    );
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("0014-audit-seals");
  });

  it("lists its verbs with --help", () => {
    const r = lantern(["--help"]);
    expect(r.code).toBe(0);
    for (const verb of ["start", "migrate", "seed"]) expect(r.stdout).toMatch(new RegExp(`^\\s+${verb}\\b`, "m"));
  });

  it("rejects a bad PORT with one line naming it", () => {
    const r = lantern(["start"], { PORT: "eighty", DATA_DIR: mkdtempSync(join(tmpdir(), "lantern-")) });
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("PORT");
  });

  it("rejects a DATABASE_URL that is not PostgreSQL, and an unreachable server", () => {
    const wrong = lantern(["migrate"], { DATABASE_URL: "mysql://localhost/x" });
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toMatch(/^lantern: Invalid DATABASE_URL/);
    const unreachable = lantern(["migrate"], { DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" });
    expect(unreachable.code).not.toBe(0);
    expect(unreachable.stderr.trim().split("\n")).toHaveLength(1);
    expect(unreachable.stderr).toContain("Cannot reach the PostgreSQL server");
  });

  it("rejects an unwritable data directory", () => {
    const file = join(mkdtempSync(join(tmpdir(), "lantern-")), "not-a-dir");
    writeFileSync(file, "x");
    chmodSync(file, 0o444);
    const r = lantern(["migrate"], { DATA_DIR: join(file, "sub") });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/data directory .* cannot be created or written/);
  });

  it("starts, seeds once, reuses the data on a second start, and names a port in use", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "lantern-data-"));
    const port = await freePort();
    const first = await startUntilReady({ PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: "warn" });
    expect(first.output).toContain("demo district seeded");
    expect(first.output).toContain("casemanager@maplevalley.example");
    const health = (await (await fetch(`http://127.0.0.1:${port}/api/health`)).json()) as { database: string };
    expect(health.database).toBe("pglite");

    const clash = lantern(["start"], { PORT: String(port), DATA_DIR: mkdtempSync(join(tmpdir(), "lantern-")) });
    expect(clash.code).not.toBe(0);
    expect(clash.stderr).toContain(`Port ${port}`);
    await stop(first.child);

    const second = await startUntilReady({ PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: "warn" });
    expect(second.output).not.toContain("demo district seeded");
    const session = await fetch(`http://127.0.0.1:${port}/api/auth/session`);
    const csrf = ((await session.json()) as { csrfToken: string }).csrfToken;
    const signIn = await fetch(`http://127.0.0.1:${port}/api/auth/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-csrf-token": csrf, cookie: `lantern_csrf=${csrf}` },
      body: JSON.stringify({ email: "admin@maplevalley.example", password: "lantern-demo" }),
    });
    expect(signIn.status).toBe(200);
    await stop(second.child);
  }, 240_000);
});

function freePort(): Promise<number> {
  return new Promise((res) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const a = srv.address();
      srv.close(() => res(typeof a === "object" && a ? a.port : 0));
    });
  });
}
