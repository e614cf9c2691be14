/** The real HTTP app on a real database, with helpers to sign in and send changes with CSRF. */

import type { Clock } from "@lantern/core";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { DEMO_PASSWORD } from "../../seeds/demo-accounts.ts";
import { buildApp } from "../../src/app.ts";
import { clockOnDay } from "../../src/clock.ts";
import type { OidcSettings } from "../../src/oidc/oidc-client.ts";
import { type Factories, factories } from "./factories.ts";
import { createTestDatabase, type DatabaseKindUnderTest, TEST_TODAY, type TestDatabase } from "./test-database.ts";

export type Client = {
  /** Cookie header and CSRF token of this client's session (the token changes at sign-in). */
  cookie: string;
  csrf: string;
  get(url: string): Promise<LightMyRequestResponse>;
  send(method: "POST" | "PUT" | "PATCH" | "DELETE", url: string, body?: unknown): Promise<LightMyRequestResponse>;
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
};

export type TestApp = TestDatabase & {
  app: FastifyInstance;
  /** Test data with defaults (see factories.ts). */
  make: Factories;
  anonymous(): Promise<Client>;
  signIn(email: string, password?: string): Promise<Client>;
};

function cookiesFrom(response: LightMyRequestResponse, jar: Map<string, string>): void {
  for (const c of response.cookies) {
    if (c.value === "" || (c.expires && new Date(c.expires).getTime() < Date.now())) jar.delete(c.name);
    else jar.set(c.name, c.value);
  }
}

/**
 * The app on a fresh database. "Today" is TEST_TODAY (the seeded deadlines and ages are relative
 * to it) unless a test passes another clock.
 */
export async function buildTestApp(
  kind: DatabaseKindUnderTest,
  options: {
    seed?: boolean;
    clock?: Clock;
    dueSoonDays?: number;
    /** Read the log: every line the app writes, at `info` unless TEST_LOG_LEVEL says otherwise. */
    logStream?: { write(line: string): void };
    /** Requests a minute per person of each rate-limited route (default the app's 30). */
    rateLimitPerMinute?: number;
    /** Single sign-on settings, from the database made for the test (its demo district's id). */
    oidc?: (database: TestDatabase) => OidcSettings;
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase(kind, options);
  const app = await buildApp({
    db: database.db,
    databaseKind: kind,
    clock: options.clock ?? clockOnDay(TEST_TODAY),
    ...(options.dueSoonDays === undefined ? {} : { dueSoonDays: options.dueSoonDays }),
    logLevel: process.env.TEST_LOG_LEVEL ?? (options.logStream ? "info" : "silent"),
    ...(options.logStream ? { logStream: options.logStream } : {}),
    ...(options.rateLimitPerMinute ? { rateLimitPerMinute: options.rateLimitPerMinute } : {}),
    ...(options.oidc ? { oidc: options.oidc(database) } : {}),
    serveWeb: false,
  });
  await app.ready();

  async function client(): Promise<Client> {
    const jar = new Map<string, string>();
    const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
    const first = await app.inject({ method: "GET", url: "/api/auth/session" });
    cookiesFrom(first, jar);
    const issued = (first.json() as { csrfToken: string }).csrfToken;
    const c: Client = {
      get cookie() {
        return header();
      },
      /** The CSRF cookie as it is now (sign-in issues a new one), as the web app reads it. */
      get csrf() {
        return jar.get("lantern_csrf") ?? issued;
      },
      async inject(opts) {
        const res = await app.inject({ ...opts, headers: { cookie: header(), ...(opts.headers ?? {}) } });
        cookiesFrom(res, jar);
        return res;
      },
      get(url) {
        return c.inject({ method: "GET", url });
      },
      send(method, url, body) {
        return c.inject({
          method,
          url,
          headers: { "x-csrf-token": c.csrf },
          ...(body === undefined ? {} : { payload: body as object }),
        });
      },
    };
    return c;
  }

  return {
    ...database,
    app,
    make: factories(database.db),
    anonymous: client,
    async signIn(email: string, password = DEMO_PASSWORD) {
      const c = await client();
      const res = await c.send("POST", "/api/auth/sign-in", { email, password });
      if (res.statusCode !== 200) throw new Error(`sign-in as ${email} failed: ${res.statusCode} ${res.body}`);
      return c;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
