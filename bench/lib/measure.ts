/** Measuring helpers: figures with their references, a server child process, HTTP load. */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import autocannon from "autocannon";
import { BENCH_DIR } from "./database.ts";

export type Measured = { value: number; unit: string; label: string } | { na: string; label: string };

export type Figure = {
  group: string;
  name: string;
  value: number | null;
  unit: string;
  /** The physical reference measured in the same run. */
  reference: { name: string; value: number | null; unit: string } | null;
  /** value / reference.value (for "lower is better" figures, the slowdown). */
  ratio: number | null;
  target: string | null;
  met: boolean | null;
  note: string | null;
};

export function figure(f: Partial<Figure> & Pick<Figure, "group" | "name" | "unit">): Figure {
  const value = f.value ?? null;
  const ref = f.reference ?? null;
  const ratio =
    f.ratio !== undefined
      ? f.ratio
      : value !== null && ref?.value !== null && ref?.value !== undefined && ref.value !== 0
        ? value / ref.value
        : null;
  return {
    group: f.group,
    name: f.name,
    value,
    unit: f.unit,
    reference: ref,
    ratio,
    target: f.target ?? null,
    met: f.met ?? null,
    note: f.note ?? null,
  };
}

export function notAvailable(group: string, name: string, reason: string): Figure {
  return figure({ group, name, unit: "", note: `n/a (${reason})` });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

// ---------------------------------------------------------------------------------------------
// The server under test

export type BenchServer = { url: string; pid: number; child: ChildProcess; stop(): Promise<void> };

export async function startBenchServer(env: Record<string, string>): Promise<BenchServer> {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_NODE_FLAGS ? process.env.BENCH_NODE_FLAGS.split(" ") : []),
      "--import",
      "tsx",
      join(BENCH_DIR, "server.ts"),
    ],
    {
      env: { ...process.env, ...env, PORT: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const ready = await new Promise<{ url: string; pid: number }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the bench server did not start in 120 s: ${stderr}`)), 120_000);
    lines.on("line", (line) => {
      try {
        const parsed = JSON.parse(line) as { url?: string; pid?: number };
        if (parsed.url) {
          clearTimeout(timer);
          resolve({ url: parsed.url, pid: parsed.pid ?? child.pid ?? 0 });
        }
      } catch {
        // not the ready line
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the bench server exited (${code}): ${stderr}`));
    });
  });
  return {
    ...ready,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
        child.once("exit", () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill("SIGTERM");
      }),
  };
}

/** Resident set size of a process, in MB (Linux /proc). */
export function rssMb(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// HTTP

export type Session = { cookie: string; csrf: string };

function cookiesOf(response: Response, jar: Map<string, string>): void {
  for (const c of response.headers.getSetCookie()) {
    const [pair] = c.split(";");
    const eq = pair?.indexOf("=") ?? -1;
    if (pair && eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
}

export async function signIn(url: string, email: string, password: string): Promise<Session> {
  const jar = new Map<string, string>();
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const first = await fetch(`${url}/api/auth/session`);
  cookiesOf(first, jar);
  const { csrfToken } = (await first.json()) as { csrfToken: string };
  const res = await fetch(`${url}/api/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: header(), "x-csrf-token": csrfToken },
    body: JSON.stringify({ email, password }),
  });
  cookiesOf(res, jar);
  if (res.status !== 200) throw new Error(`sign-in as ${email} failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { csrfToken: string };
  return { cookie: header(), csrf: body.csrfToken };
}

/** One timed GET; throws on a non-2xx answer. */
export async function timedGet(url: string, session?: Session): Promise<{ ms: number; body: unknown }> {
  const started = performance.now();
  const res = await fetch(url, { headers: session ? { cookie: session.cookie } : {} });
  const text = await res.text();
  const ms = performance.now() - started;
  if (res.status >= 300) throw new Error(`GET ${url} answered ${res.status}: ${text.slice(0, 200)}`);
  return { ms, body: text.startsWith("{") || text.startsWith("[") ? JSON.parse(text) : text };
}

export type LoadResult = {
  rps: number;
  p99: number;
  p50: number;
  non2xx: number;
  errors: number;
  requests: number;
  /** With several trials: each trial's figures (the fields above are their medians and sums). */
  trials?: Array<{ rps: number; p99: number; p50: number }>;
};

type LoadOptions = { connections: number; seconds: number; warmupSeconds?: number; trials?: number; cookie?: string };

/**
 * autocannon with `connections` connections for `seconds`, cycling through `paths`. With
 * `warmupSeconds`, the same load runs that long first and is not counted: the first seconds of a
 * route measure the JIT compiler, each pooled connection preparing its statements and cold
 * caches, not the route. With `trials`, the load runs that many times and the figures are the
 * medians (a single run's p99 moves by ±10 ms on shared cores), each trial kept beside them.
 */
export async function load(base: string, paths: string[], options: LoadOptions): Promise<LoadResult> {
  if (options.warmupSeconds) await loadOnce(base, paths, { ...options, seconds: options.warmupSeconds });
  const trials = Math.max(1, options.trials ?? 1);
  const runs: LoadResult[] = [];
  for (let t = 0; t < trials; t++) runs.push(await loadOnce(base, paths, options));
  if (trials === 1) return runs[0] as LoadResult;
  return {
    rps: median(runs.map((r) => r.rps)),
    p99: median(runs.map((r) => r.p99)),
    p50: median(runs.map((r) => r.p50)),
    non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
    errors: runs.reduce((n, r) => n + r.errors, 0),
    requests: runs.reduce((n, r) => n + r.requests, 0),
    trials: runs.map(({ rps, p99, p50 }) => ({ rps, p99, p50 })),
  };
}

async function loadOnce(base: string, paths: string[], options: LoadOptions): Promise<LoadResult> {
  let i = 0;
  const result = await autocannon({
    url: base,
    connections: options.connections,
    duration: options.seconds,
    headers: options.cookie ? { cookie: options.cookie } : {},
    requests: [
      {
        method: "GET",
        setupRequest: (req: { path: string }) => {
          req.path = paths[i++ % paths.length] as string;
          return req;
        },
      },
    ],
  });
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    p50: result.latency.p50,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    requests: result.requests.total,
  };
}
