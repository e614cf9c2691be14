/**
 * A PostgreSQL server for tests: TEST_DATABASE_URL when set, else the one on 127.0.0.1:5432 when
 * it answers, else a throwaway cluster started from the installed PostgreSQL binaries.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

export async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

function pgBinDir(): string {
  const base = "/usr/lib/postgresql";
  if (!existsSync(base))
    throw new Error("PostgreSQL is not installed (no /usr/lib/postgresql); run .ci/run or apt-get install postgresql");
  const versions = readdirSync(base).sort((a, b) => Number(b) - Number(a));
  return join(base, versions[0] as string, "bin");
}

export type TestPostgres = { url: string; stop(): void };

export async function ensurePostgres(): Promise<TestPostgres> {
  const fromEnv = process.env.TEST_DATABASE_URL;
  if (fromEnv) {
    if (!(await canConnect(fromEnv))) throw new Error(`TEST_DATABASE_URL does not answer: ${fromEnv}`);
    return { url: fromEnv, stop() {} };
  }
  const local = "postgres://postgres@127.0.0.1:5432/postgres";
  if (await canConnect(local)) return { url: local, stop() {} };

  const bin = pgBinDir();
  const root = mkdtempSync(join(tmpdir(), "lantern-pg-"));
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) => {
    const full = asRoot ? ["runuser", ["-u", "postgres", "--", join(bin, cmd), ...args]] : [join(bin, cmd), args];
    const result = spawnSync(full[0] as string, full[1] as string[], { stdio: "pipe" });
    if (result.status !== 0) throw new Error(`${cmd} failed: ${result.stderr.toString()}`);
  };
  writeFileSync(join(root, "pwfile"), "lantern\n");
  if (asRoot) execFileSync("chown", ["-R", "postgres:postgres", root]);
  run("initdb", [
    "-D",
    join(root, "data"),
    "-U",
    "postgres",
    "--pwfile",
    join(root, "pwfile"),
    "--auth-local=trust",
    "--auth-host=trust",
    "-E",
    "UTF8",
    "--locale=C.UTF-8",
  ]);
  run("pg_ctl", [
    "-D",
    join(root, "data"),
    "-l",
    join(root, "server.log"),
    "-w",
    "-t",
    "30",
    "start",
    "-o",
    `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${root} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`,
  ]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run("pg_ctl", ["-D", join(root, "data"), "-m", "fast", "-w", "stop"]);
      } catch {
        // already stopped
      }
    },
  };
}
