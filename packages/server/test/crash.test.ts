/**
 * A crash of the embedded database's server: `kill -9` while writes are in flight, then a restart
 * on the same folder (the dead server's lock is taken over) keeps every write that was
 * acknowledged. While the first server runs, a second one on the same folder is refused with one
 * line naming the first.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { hostname, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../seeds/demo-accounts.ts";

const ROOT = resolve(import.meta.dirname, "..", "..", "..");
const BIN = join(ROOT, "bin", "lantern.js");

function freePort(): Promise<number> {
  return new Promise((res) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const a = srv.address();
      srv.close(() => res(typeof a === "object" && a ? a.port : 0));
    });
  });
}

function start(dataDir: string, port: number): Promise<ChildProcess> {
  return new Promise((resolveStart, reject) => {
    const child = spawn(process.execPath, [BIN, "start"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: "", DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: "warn" },
    });
    let output = "";
    const timer = setTimeout(() => reject(new Error(`no start within 90 s: ${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Lantern is running at")) {
        clearTimeout(timer);
        resolveStart(child);
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`exited ${code}: ${output}`));
    });
  });
}

async function signIn(base: string) {
  const first = await fetch(`${base}/api/auth/session`);
  const csrf0 = ((await first.json()) as { csrfToken: string }).csrfToken;
  const res = await fetch(`${base}/api/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-csrf-token": csrf0, cookie: `lantern_csrf=${csrf0}` },
    body: JSON.stringify({ email: "casemanager@maplevalley.example", password: DEMO_PASSWORD }),
  });
  expect(res.status).toBe(200);
  const csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return { cookie, csrf };
}

describe("a crash of the embedded database's server", () => {
  it("keeps every acknowledged write across a kill -9, and refuses a second server on the folder", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "lantern-crash-"));
    const port = await freePort();
    const first = await start(dataDir, port);
    const base = `http://127.0.0.1:${port}`;
    const session = await signIn(base);
    const list = (await (
      await fetch(`${base}/api/students?q=Rivera&limit=5`, { headers: { cookie: session.cookie } })
    ).json()) as { items: Array<{ id: string; lastName: string }> };
    const studentId = list.items.find((s) => s.lastName === "Rivera")?.id as string;
    const { facts } = JSON.parse(
      readFileSync(join(ROOT, "packages/core/src/eligibility/fixtures/asthma-inhaler.json"), "utf8"),
    ) as { facts: unknown };

    // A second server on the same folder is refused, naming the first.
    const second = spawnSync(process.execPath, [BIN, "start"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: "", DATA_DIR: dataDir, PORT: String(await freePort()) },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(second.status).toBe(1);
    expect(second.stderr.trim().split("\n")).toHaveLength(1);
    expect(second.stderr).toContain(`in use by another Lantern server (pid ${first.pid} on ${hostname()}`);

    // Writers keep four saves in flight; the server is killed once 30 have been acknowledged.
    const acknowledged: string[] = [];
    let killed = false;
    const writer = async () => {
      while (!killed) {
        try {
          const res = await fetch(`${base}/api/students/${studentId}/navigator-results`, {
            method: "POST",
            headers: { "content-type": "application/json", "x-csrf-token": session.csrf, cookie: session.cookie },
            body: JSON.stringify({ facts }),
          });
          if (res.status === 201) acknowledged.push(((await res.json()) as { id: string }).id);
          else expect(res.status).toBe(201);
        } catch {
          // The connection died with the server: this save was not acknowledged.
        }
        if (acknowledged.length >= 30 && !killed) {
          killed = true;
          first.removeAllListeners("exit");
          first.kill("SIGKILL");
        }
      }
    };
    await Promise.all([writer(), writer(), writer(), writer()]);
    await new Promise<void>((res) =>
      first.exitCode !== null || first.signalCode !== null ? res() : first.once("exit", () => res()),
    );
    expect(first.signalCode).toBe("SIGKILL");

    // The restart takes over the dead server's lock, and every acknowledged save is there.
    const restarted = await start(dataDir, port);
    try {
      const again = await signIn(base);
      const saved = (await (
        await fetch(`${base}/api/students/${studentId}/navigator-results?limit=100`, {
          headers: { cookie: again.cookie },
        })
      ).json()) as { items: Array<{ id: string }> };
      const ids = new Set(saved.items.map((r) => r.id));
      expect(acknowledged.length).toBeGreaterThanOrEqual(30);
      expect(acknowledged.filter((id) => !ids.has(id))).toEqual([]);
    } finally {
      restarted.removeAllListeners("exit");
      restarted.kill("SIGTERM");
    }
  }, 240_000);
});
