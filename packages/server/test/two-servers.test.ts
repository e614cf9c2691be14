/**
 * Past one machine: two Lantern server processes on one PostgreSQL database, as behind a load
 * balancer. A session started on one is honoured by the other, a change made through one is read
 * through the other, signing out on one ends the session on both, and the sign-in throttle counts
 * failures made on either. No state another instance needs lives in a process.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "../seeds/demo-accounts.ts";

const ROOT = resolve(import.meta.dirname, "..", "..", "..");
const BIN = join(ROOT, "bin", "lantern.js");

type Running = { child: ChildProcess; url: string; output: () => string };

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolvePort(port));
    });
    srv.on("error", reject);
  });
}

function start(env: Record<string, string>): Promise<Running> {
  return new Promise((resolveStart, reject) => {
    const child = spawn(process.execPath, [BIN, "start"], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: "warn", ...env },
    });
    let output = "";
    const timer = setTimeout(() => reject(new Error(`no start within 90 s:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /Lantern is running at (http:\/\/\S+?) /.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolveStart({ child, url, output: () => output });
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`lantern start exited with ${code}:\n${output}`));
    });
  });
}

function stop(running: Running | undefined): Promise<void> {
  return new Promise((resolveStop) => {
    if (!running || running.child.exitCode !== null) return resolveStop();
    running.child.once("exit", () => resolveStop());
    running.child.kill("SIGTERM");
  });
}

/** A cookie jar shared by requests to either server, as a browser behind a load balancer has. */
class Browser {
  private jar = new Map<string, string>();
  csrf = "";

  async request(base: string, method: string, path: string, body?: unknown) {
    const headers: Record<string, string> = { cookie: [...this.jar].map(([k, v]) => `${k}=${v}`).join("; ") };
    if (method !== "GET") headers["x-csrf-token"] = this.csrf;
    if (body !== undefined) headers["content-type"] = "application/json";
    const res = await fetch(`${base}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attributes] = c.split(";");
      const eq = pair?.indexOf("=") ?? -1;
      if (!pair || eq < 1) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /max-age=0/i.test(a) || /expires=thu, 01 jan 1970/i.test(a));
      if (value === "" || expired) this.jar.delete(name);
      else this.jar.set(name, value);
    }
    const text = await res.text();
    const json = text.startsWith("{") ? (JSON.parse(text) as Record<string, unknown>) : null;
    if (json && typeof json.csrfToken === "string") this.csrf = json.csrfToken;
    return { status: res.status, json, text };
  }
}

describe("two servers on one PostgreSQL database", () => {
  let a: Running | undefined;
  let b: Running | undefined;
  const admin = inject("postgresUrl");
  const name = `lantern_two_${randomBytes(5).toString("hex")}`;

  beforeAll(async () => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`create database ${name}`);
    await client.end();
    const url = new URL(admin);
    url.pathname = `/${name}`;
    const env = { DATABASE_URL: url.toString(), HOST: "127.0.0.1", DATA_DIR: join(ROOT, ".tmp", name) };
    // The first start migrates and seeds the demo district; the second joins the same database.
    a = await start({ ...env, PORT: String(await freePort()) });
    b = await start({ ...env, PORT: String(await freePort()) });
  }, 200_000);

  afterAll(async () => {
    await stop(a);
    await stop(b);
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`drop database if exists ${name} with (force)`);
    await client.end();
  });

  const servers = () => ({ one: (a as Running).url, two: (b as Running).url });

  it("runs two processes on different ports", () => {
    const { one, two } = servers();
    expect(one).not.toBe(two);
    expect(a?.child.pid).not.toBe(b?.child.pid);
  });

  it("honours on the second server a session started on the first, and a change made on either", async () => {
    const { one, two } = servers();
    const browser = new Browser();
    await browser.request(one, "GET", "/api/auth/session");
    const signedIn = await browser.request(one, "POST", "/api/auth/sign-in", {
      email: "casemanager@maplevalley.example",
      password: DEMO_PASSWORD,
    });
    expect(signedIn.status).toBe(200);

    const onTwo = await browser.request(two, "GET", "/api/auth/session");
    expect((onTwo.json?.user as { email?: string } | null)?.email).toBe("casemanager@maplevalley.example");

    const list = await browser.request(two, "GET", "/api/students?q=Rivera&limit=5");
    expect(list.status).toBe(200);
    const student = ((list.json?.items ?? []) as Array<{ id: string; lastName: string }>).find(
      (s) => s.lastName === "Rivera",
    );
    expect(student).toBeDefined();
    const studentId = (student as { id: string }).id;

    // A write through the second server (with the CSRF token the first one issued)…
    const facts = JSON.parse(
      readFileSync(join(ROOT, "packages/core/src/eligibility/fixtures/asthma-inhaler.json"), "utf8"),
    ) as { facts: unknown };
    const saved = await browser.request(two, "POST", `/api/students/${studentId}/navigator-results`, {
      facts: facts.facts,
    });
    expect(saved.status, saved.text).toBe(201);
    const savedId = saved.json?.id;

    // …is read through the first.
    const read = await browser.request(one, "GET", `/api/students/${studentId}/navigator-results`);
    expect(read.status).toBe(200);
    expect(((read.json?.items ?? []) as Array<{ id: string }>).map((r) => r.id)).toContain(savedId);

    // Signing out on the first ends the session on the second too.
    const token = browser.csrf;
    const out = await browser.request(one, "POST", "/api/auth/sign-out");
    expect(out.status).toBe(204);
    browser.csrf = token;
    const after = await browser.request(two, "GET", "/api/auth/session");
    expect(after.json?.user).toBeNull();
  });

  it("counts failed sign-ins made on either server toward one throttle", async () => {
    const { one, two } = servers();
    const email = "teacher@northside.maplevalley.example";
    for (let i = 0; i < 3; i++) {
      const browser = new Browser();
      const base = i % 2 === 0 ? one : two;
      await browser.request(base, "GET", "/api/auth/session");
      const failed = await browser.request(base, "POST", "/api/auth/sign-in", { email, password: "wrong password" });
      expect(failed.status).toBe(401);
    }
    // Two failures went through the first server and one through the second: the next try from
    // this address waits on both, because the attempts are counted in the database.
    for (const base of [one, two]) {
      const browser = new Browser();
      await browser.request(base, "GET", "/api/auth/session");
      const refused = await browser.request(base, "POST", "/api/auth/sign-in", { email, password: DEMO_PASSWORD });
      expect(refused.status).toBe(429);
    }
  });
});
