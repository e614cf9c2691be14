/**
 * Sign-in failures slow down the account from the address they came from, and nothing else:
 * wrong passwords typed at someone's account from one address never keep the right password out
 * from another; tries sent at the same moment are counted one by one (no more than the free ones
 * are checked); and X-Forwarded-For is believed only when TRUST_PROXY says so.
 */
import { ZSignInLockedBody } from "@lantern/core";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../seeds/demo-accounts.ts";
import { buildApp } from "../src/app.ts";
import { buildTestApp, type Client, type TestApp } from "./helpers/build-app.ts";
import { DATABASE_KINDS } from "./helpers/test-database.ts";

function signInFrom(c: Client, address: string, email: string, password: string, forwardedFor?: string) {
  return c.inject({
    method: "POST",
    url: "/api/auth/sign-in",
    remoteAddress: address,
    headers: { "x-csrf-token": c.csrf, ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}) },
    payload: { email, password },
  });
}

describe.each(DATABASE_KINDS)("sign-in throttle on %s", (kind) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTestApp(kind);
  }, 180_000);
  afterAll(async () => {
    await t?.close();
  });

  it("never keeps the right password out from another address", async () => {
    const email = "teacher@northside.maplevalley.example";
    const attacker = await t.anonymous();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await signInFrom(attacker, "203.0.113.9", email, "guess")).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);

    const refused = await signInFrom(attacker, "203.0.113.9", email, DEMO_PASSWORD);
    expect(refused.statusCode).toBe(429);
    const wait = ZSignInLockedBody.parse(refused.json()).details.retryAfterSeconds;
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(10);
    expect(refused.headers["retry-after"]).toBe(String(wait));

    const teacher = await t.anonymous();
    const res = await signInFrom(teacher, "198.51.100.20", email, DEMO_PASSWORD);
    expect(res.statusCode, res.body).toBe(200);
  });

  it("checks no more than the free tries of a burst sent at the same moment", async () => {
    const email = "principal@northside.maplevalley.example";
    const clients = await Promise.all(Array.from({ length: 20 }, () => t.anonymous()));
    const replies = await Promise.all(clients.map((c) => signInFrom(c, "203.0.113.50", email, "guess")));
    const counts = { 401: 0, 429: 0 } as Record<number, number>;
    for (const r of replies) counts[r.statusCode] = (counts[r.statusCode] ?? 0) + 1;
    expect(counts).toEqual({ 401: 3, 429: 17 });
    const right = await signInFrom(clients[0] as Client, "203.0.113.50", email, DEMO_PASSWORD);
    expect(right.statusCode).toBe(429);
  });

  it("ignores X-Forwarded-For unless the proxy is trusted", async () => {
    const email = "slp@maplevalley.example";
    const c = await t.anonymous();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await signInFrom(c, "192.0.2.1", email, "guess", `198.18.0.${i + 1}`)).statusCode);
    }
    // Any client can write the header: without TRUST_PROXY all four came from 192.0.2.1.
    expect(statuses).toEqual([401, 401, 401, 429]);

    const behindProxy: FastifyInstance = await buildApp({
      db: t.db,
      databaseKind: kind,
      trustProxy: ["192.0.2.1"],
      logLevel: "silent",
      serveWeb: false,
    });
    try {
      const first = await behindProxy.inject({ url: "/api/auth/session", remoteAddress: "192.0.2.1" });
      const csrf = (first.json() as { csrfToken: string }).csrfToken;
      const cookie = first.cookies.map((k) => `${k.name}=${k.value}`).join("; ");
      const other = "coordinator504@maplevalley.example";
      const through = [];
      for (let i = 0; i < 4; i++) {
        const res = await behindProxy.inject({
          method: "POST",
          url: "/api/auth/sign-in",
          remoteAddress: "192.0.2.1",
          headers: { cookie, "x-csrf-token": csrf, "x-forwarded-for": `198.18.1.${i + 1}` },
          payload: { email: other, password: "guess" },
        });
        through.push(res.statusCode);
      }
      // Through the trusted proxy, each try came from its own client address.
      expect(through).toEqual([401, 401, 401, 401]);
    } finally {
      await behindProxy.close();
    }
  });
});
