/**
 * Bad input never makes a 500. Every operation in the OpenAPI document the server generates is
 * sent malformed, oversized, NUL, lone-surrogate, far-future, impossible-date and injection values
 * in each JSON body field, query parameter and path parameter (a fixed sample per field, so the
 * run is the same every time and stays short), by a signed-in member of staff who may use the
 * route. Every reply must be below 500, and the log must hold no stack and none of the values sent.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type Client, type TestApp } from "./helpers/build-app.ts";
import { DATABASE_KINDS } from "./helpers/test-database.ts";

type Schema = {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  example?: unknown;
  default?: unknown;
  minimum?: number;
  minLength?: number;
  minItems?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  additionalProperties?: Schema | boolean;
};
type Parameter = { in: "query" | "path"; name: string; schema?: Schema };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
};

/** Appears in every value sent; it must never reach the log. */
const MARK = "zq7fuzzmark";

const STRING_VALUES: unknown[] = [
  `a\u0000${MARK}`,
  `\ud800${MARK}`,
  `${MARK}\udfff`,
  `${MARK}${"x".repeat(70_000)}`,
  "9999-12-31",
  "2026-02-30",
  "0000-01-01",
  `'; drop table students; --${MARK}`,
  `<script>alert("${MARK}")</script>`,
  `=HYPERLINK("https://example.invalid/${MARK}")`,
  `../../${MARK}/etc/passwd`,
  `{{7*7}}\${7*7}${MARK}`,
  `e\u0301${MARK}`,
  "",
  12345,
  null,
  {},
  [],
  true,
];
const NUMBER_VALUES: unknown[] = [-1, 1.5, 1e308, 2 ** 53 + 1, "1", null, `${MARK}`, [], {}];
/** What a query or path parameter can be sent as (a query string carries text only). */
const URL_VALUES: string[] = [
  `a\u0000${MARK}`,
  `\ud800${MARK}`,
  `${MARK}${"x".repeat(5000)}`,
  "9999-12-31",
  "2026-02-30",
  "-1",
  "1e308",
  "99999999999999999999",
  `' or 1=1 --${MARK}`,
  `..%2f..%2f${MARK}`,
  "",
];

/** A deterministic choice of `n` of `values` for the field at `key` (always the NUL and surrogate ones). */
function sample<T>(values: T[], key: string, n: number): T[] {
  let h = 2166136261;
  for (const c of key) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  const rest = values.slice(2);
  const picked: T[] = values.slice(0, 2);
  for (let i = 0; i < n && rest.length > 0; i++) {
    h = Math.imul(h ^ (h >>> 13), 1274126177) >>> 0;
    picked.push(rest.splice(h % rest.length, 1)[0] as T);
  }
  return picked;
}

function example(schema: Schema | undefined, depth = 0): unknown {
  if (!schema || depth > 8) return null;
  if (schema.const !== undefined) return schema.const;
  if (schema.example !== undefined) return schema.example;
  if (schema.enum) return schema.enum[0];
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return example(options.find((o) => o.type !== "null") ?? options[0], depth + 1);
  if (schema.allOf) return example(schema.allOf[0], depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  switch (type) {
    case "string":
      if (schema.format === "date") return "2026-11-20";
      if (schema.format === "email") return "someone@example.com";
      if (schema.format === "uuid") return "00000000-0000-4000-8000-000000000000";
      if (schema.format === "date-time") return "2026-11-20T12:00:00.000Z";
      return "x".repeat(Math.max(1, schema.minLength ?? 1));
    case "integer":
    case "number":
      return Math.max(schema.minimum ?? 1, 1);
    case "boolean":
      return true;
    case "null":
      return null;
    case "array":
      return [example(schema.items, depth + 1)];
    default: {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(schema.properties ?? {})) out[k] = example(v, depth + 1);
      return out;
    }
  }
}

/** Paths to the leaves of a value (strings, numbers), as arrays of keys. */
function leaves(
  value: unknown,
  at: Array<string | number> = [],
): Array<{ path: Array<string | number>; kind: string }> {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...at, i]));
  if (value !== null && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...at, k]));
  return [{ path: at, kind: typeof value }];
}

function withLeaf(value: unknown, path: Array<string | number>, leaf: unknown): unknown {
  if (path.length === 0) return leaf;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  const [head, ...rest] = path as [string | number, ...Array<string | number>];
  copy[head] = withLeaf(copy[head], rest, leaf);
  return copy;
}

/** Percent-encoding that keeps a lone surrogate as the bytes a careless client sends (ED A0 80). */
function encode(value: string): string {
  return value
    .split(/([\ud800-\udfff])/)
    .map((part) => (/^[\ud800-\udfff]$/.test(part) ? "%ED%A0%80" : encodeURIComponent(part)))
    .join("");
}

type Case = { method: string; url: string; body?: string; contentType?: string; what: string };

function casesFor(
  method: string,
  template: string,
  op: Operation,
  pathValues: Record<string, string>,
  bodyLeafSample: number,
): Case[] {
  const params = op.parameters ?? [];
  const fillPath = (overrides: Record<string, string> = {}) =>
    template.replace(/\{(\w+)\}/g, (_, name: string) =>
      encode(overrides[name] ?? pathValues[name] ?? "00000000-0000-4000-8000-000000000000"),
    );
  const queryExample: Record<string, string> = {};
  for (const p of params.filter((p) => p.in === "query")) {
    const v = example(p.schema);
    if (v !== null && v !== undefined && typeof v !== "object") queryExample[p.name] = String(v);
  }
  const qs = (q: Record<string, string>) => {
    const s = Object.entries(q)
      .map(([k, v]) => `${encode(k)}=${encode(v)}`)
      .join("&");
    return s ? `?${s}` : "";
  };
  const json = op.requestBody?.content["application/json"];
  const bodyExample = json ? example(json.schema) : undefined;
  const bodyOf = (b: unknown) => (json ? { body: JSON.stringify(b), contentType: "application/json" } : {});
  const out: Case[] = [];
  const at = `${method} ${template}`;

  for (const p of params) {
    for (const v of sample(URL_VALUES, `${at} ${p.name}`, 4)) {
      const url =
        p.in === "path"
          ? `${fillPath({ [p.name]: v })}${qs(queryExample)}`
          : `${fillPath()}${qs({ ...queryExample, [p.name]: v })}`;
      out.push({
        method,
        url,
        ...bodyOf(bodyExample),
        what: `${at} ${p.in} ${p.name}=${JSON.stringify(v).slice(0, 40)}`,
      });
    }
  }
  const url = `${fillPath()}${qs(queryExample)}`;
  if (json) {
    out.push({ method, url, ...bodyOf(bodyExample), what: `${at} example body` });
    const all = leaves(bodyExample);
    const chosen = sample(all, at, bodyLeafSample);
    for (const leaf of chosen) {
      const values = leaf.kind === "number" ? NUMBER_VALUES : STRING_VALUES;
      for (const v of sample(values, `${at} ${leaf.path.join("/")}`, 3)) {
        out.push({
          method,
          url,
          ...bodyOf(withLeaf(bodyExample, leaf.path, v)),
          what: `${at} body /${leaf.path.join("/")}=${JSON.stringify(v)?.slice(0, 40)}`,
        });
      }
    }
    for (const raw of ["{", "[]", "null", `"${MARK}"`, `{"a":${"[".repeat(2000)}${"]".repeat(2000)}}`]) {
      out.push({ method, url, body: raw, contentType: "application/json", what: `${at} raw body ${raw.slice(0, 20)}` });
    }
    out.push({
      method,
      url,
      body: JSON.stringify({ [`k\u0000${MARK}`]: `\ud800${MARK}` }),
      contentType: "application/json",
      what: `${at} NUL key`,
    });
  } else if (op.requestBody) {
    const [type] = Object.keys(op.requestBody.content);
    for (const raw of [`a\u0000${MARK}`, `\ud800${MARK}`, `=cmd|' /C calc'!A0,${MARK}\n`]) {
      out.push({ method, url, body: raw, contentType: type ?? "text/plain", what: `${at} raw ${type}` });
    }
  }
  return out;
}

/** Routes that end the session or are not fuzzed as a whole: sign-out would sign the fuzzer out. */
const SKIPPED = new Set(["POST /api/auth/sign-out"]);
/** Who sends each route: district-wide settings and reports need the district administrator. */
type Sender = "admin" | "casemanager" | "anonymous";
function senderFor(template: string): Sender {
  if (template.startsWith("/api/auth/")) return "anonymous";
  return /^\/api\/(district|reports|compliance\/(dashboard|deadlines))/.test(template) ? "admin" : "casemanager";
}

async function pathValuesFrom(t: TestApp): Promise<Record<string, string>> {
  const studentId = t.ids?.students.get("Mateo Rivera") as string;
  const plan = await t.db
    .selectFrom("plans")
    .select("id")
    .where("student_id", "=", studentId)
    .executeTakeFirstOrThrow();
  const version = await t.db.selectFrom("plan_versions").select("id").where("plan_id", "=", plan.id).executeTakeFirst();
  const meeting = await t.db.selectFrom("plan_meetings").select("id").where("plan_id", "=", plan.id).executeTakeFirst();
  return {
    studentId,
    planId: plan.id,
    versionId: version?.id ?? "00000000-0000-4000-8000-000000000000",
    meetingId: meeting?.id ?? "00000000-0000-4000-8000-000000000000",
    letterId: "00000000-0000-4000-8000-000000000000",
    advocateId: t.ids?.people["advocate@advocacy.example"] as string,
    file: "feed.ics",
  };
}

async function send(client: Client, c: Case) {
  return client.inject({
    method: c.method as "GET",
    url: c.url,
    headers: {
      "x-csrf-token": client.csrf,
      ...(c.contentType ? { "content-type": c.contentType } : {}),
    },
    ...(c.body === undefined ? {} : { payload: c.body }),
  });
}

describe.each(DATABASE_KINDS)("bad input on %s", (kind) => {
  let t: TestApp;
  const lines: string[] = [];
  const clients: Record<Sender, Client> = {} as never;

  beforeAll(async () => {
    t = await buildTestApp(kind, {
      logStream: { write: (line: string) => void lines.push(line) },
      // Every malformed value should reach validation, not stop at the exports' rate limit.
      rateLimitPerMinute: 100_000,
    });
    clients.admin = await t.signIn("admin@maplevalley.example");
    clients.casemanager = await t.signIn("casemanager@maplevalley.example");
    clients.anonymous = await t.anonymous();
  }, 180_000);
  afterAll(async () => {
    await t?.close();
  });

  it("answers every malformed field of every operation with a 4xx, never a 500", async () => {
    const app: FastifyInstance = t.app;
    const doc = app.swagger() as { paths: Record<string, Record<string, Operation>> };
    const pathValues = await pathValuesFrom(t);
    const cases: Case[] = [];
    for (const [template, ops] of Object.entries(doc.paths)) {
      for (const [m, op] of Object.entries(ops)) {
        const method = m.toUpperCase();
        if (SKIPPED.has(`${method} ${template}`)) continue;
        cases.push(
          ...casesFor(method, template, op, pathValues, 6).map((c) => ({ ...c, sender: senderFor(template) })),
        );
      }
    }
    expect(cases.length).toBeGreaterThan(1000);
    const failures: string[] = [];
    const started = Date.now();
    for (const c of cases as Array<Case & { sender: Sender }>) {
      const res = await send(clients[c.sender], c);
      if (res.statusCode >= 500) failures.push(`${res.statusCode} ${c.what}: ${res.body.slice(0, 200)}`);
      if (res.statusCode === 401 && c.sender !== "anonymous") throw new Error(`signed out by ${c.what}`);
    }
    const seconds = (Date.now() - started) / 1000;
    console.info(`${cases.length} requests in ${seconds.toFixed(1)} s on ${kind}`);
    expect(failures).toEqual([]);

    // Nothing failed, so nothing was logged as an error: no stack, no value sent.
    const errors = lines.filter((l) => (JSON.parse(l) as { level: number }).level >= 50);
    expect(errors).toEqual([]);
    expect(lines.join("\n")).not.toContain(MARK);
  }, 240_000);

  it("a 500 in this test would have shown: the log holds the request lines it reads", () => {
    expect(lines.some((l) => l.includes('"msg":"incoming request"'))).toBe(true);
  });
});
