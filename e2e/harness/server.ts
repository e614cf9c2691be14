import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const REPO_ROOT = join(import.meta.dirname, "..", "..");
export const WEB_INDEX = join(REPO_ROOT, "packages", "web", "dist", "index.html");

export type RunningLantern = {
  url: string;
  /** "in-process" (startServer), "spawned" (the CLI) or "external" (E2E_BASE_URL). */
  mode: string;
  database: string;
  close(): Promise<void>;
};

/** A port nobody is listening on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Single sign-on for the demo district with an OpenID provider on this machine (OIDC_*). */
export type LanternSingleSignOn = { issuer: string; clientId: string; clientSecret: string };

/**
 * Starts the real server on a free port, on a fresh temporary PGlite data directory (or on
 * E2E_DATABASE_URL when set), with the demo district seeded. Builds nothing: the web app must
 * already be built (`npm run build:web`).
 *
 * E2E_BASE_URL=http://… skips starting anything and drives that server instead.
 * E2E_SERVER=spawn starts the `lantern start` CLI in a child process instead of in this process.
 *
 * With `oidc`, a journey starts a server of its own, always in this process on a fresh temporary
 * PGlite directory (whatever E2E_* says), on `port` (so the provider can know the callback address
 * first), with single sign-on for the demo district: a first start seeds the district, whose id
 * the second start gets as OIDC_DISTRICT_ID.
 */
export async function startLantern(
  options: { port?: number; oidc?: LanternSingleSignOn } = {},
): Promise<RunningLantern> {
  const external = process.env.E2E_BASE_URL;
  if (external && !options.oidc)
    return { url: external.replace(/\/$/, ""), mode: "external", database: "external", close: async () => {} };

  if (!existsSync(WEB_INDEX)) {
    throw new Error(`The web app is not built (${WEB_INDEX} is missing). Run \`npm run build:web\` first.`);
  }

  const port = options.port ?? (await freePort());
  const databaseUrl = options.oidc ? undefined : process.env.E2E_DATABASE_URL;
  const dataDir = databaseUrl ? undefined : await mkdtemp(join(tmpdir(), "lantern-e2e-"));
  const env: Record<string, string> = {
    PORT: String(port),
    HOST: "127.0.0.1",
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? "warn",
  };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else if (dataDir) env.DATA_DIR = dataDir;
  const database = databaseUrl ? "postgres (E2E_DATABASE_URL)" : "pglite (temporary data directory)";
  const cleanUp = async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  };

  try {
    if (process.env.E2E_SERVER === "spawn" && !options.oidc) {
      const spawned = await spawnCli(env);
      return {
        ...spawned,
        database,
        close: async () => {
          await spawned.close();
          await cleanUp();
        },
      };
    }
    const { startServer } = await import("@lantern/server");
    // Only what we pass: the server must not pick up the developer's DATABASE_URL by accident.
    const base = { ...env, NODE_ENV: process.env.NODE_ENV };
    if (options.oidc) {
      const seeding = await startServer({ env: { ...base, PORT: String(await freePort()) } });
      const district = await seeding.database.db
        .selectFrom("districts")
        .select("id")
        .where("name", "=", "Maple Valley Unified School District")
        .executeTakeFirstOrThrow();
      await seeding.close();
      Object.assign(base, {
        OIDC_ISSUER: options.oidc.issuer,
        OIDC_CLIENT_ID: options.oidc.clientId,
        OIDC_CLIENT_SECRET: options.oidc.clientSecret,
        OIDC_DISTRICT_ID: district.id,
        OIDC_REDIRECT_URL: `http://127.0.0.1:${port}/api/auth/oidc/callback`,
      });
    }
    const running = await startServer({ env: base });
    return {
      url: running.url,
      mode: "in-process",
      database,
      close: async () => {
        await running.close();
        await cleanUp();
      },
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

async function spawnCli(env: Record<string, string>): Promise<{ url: string; mode: string; close(): Promise<void> }> {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child: ChildProcess = spawn(process.execPath, [join(REPO_ROOT, "bin", "lantern.js"), "start"], {
    cwd: REPO_ROOT,
    env: { ...inherited, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The server did not start within 120 s:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Lantern is running at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1].replace(/\/$/, ""));
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited with code ${code} before it was ready:\n${output}`));
    });
  });
  return {
    url,
    mode: "spawned",
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
      }),
  };
}
