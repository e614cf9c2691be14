/**
 * `lantern backup FILE` and `lantern restore FILE`.
 *
 * PostgreSQL: `pg_dump --format=custom` (a consistent snapshot; the server keeps running) and
 * `pg_restore` into an empty database, in one transaction, as MIGRATION_DATABASE_URL's role when
 * set (then the app's role is granted its rights again). The file is an ordinary pg_dump archive.
 *
 * The embedded database: the data folder as a gzipped tarball (PGlite's `dumpDataDir`, after a
 * checkpoint). While a server holds the folder, the backup is asked of that server through a
 * socket in the folder (`lantern.sock`, this user only) and taken between its queries; otherwise
 * the command opens the folder itself. Restore unpacks into an empty DATA_DIR.
 *
 * A restore refuses, with one line and exit 2, a file whose database has migrations this Lantern
 * does not know (a newer Lantern wrote it), a file of the other kind of database, and a target
 * that already holds a database.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { connect, createServer, type Server } from "node:net";
import { join, resolve } from "node:path";
import { sql } from "kysely";
import type { Config } from "../config.ts";
import { currentRole, grantAppRole } from "./app-role.ts";
import { lockHolderOf } from "./data-dir-lock.ts";
import { type OpenDatabase, openPglite, openPostgres } from "./database.ts";
import { knownMigrations } from "./migrate.ts";
import type { PGliteThread } from "./pglite-dialect.ts";

/** A problem with what the command was given: one line, exit 2. */
export class BackupInputError extends Error {
  override name = "BackupInputError";
}

/** Anything else that stopped a backup or a restore: one line, exit 1. */
export class BackupError extends Error {
  override name = "BackupError";
}

export const CONTROL_SOCKET = "lantern.sock";

type BackupConfig = Pick<Config, "DATABASE_URL" | "MIGRATION_DATABASE_URL" | "DATA_DIR">;

/** The URL whose role may read and create everything: the owner's when given. */
function ownerUrl(config: BackupConfig): string {
  return (config.MIGRATION_DATABASE_URL ?? config.DATABASE_URL) as string;
}

function run(command: string, args: string[]): Promise<{ stdout: Buffer; stderr: string }> {
  return new Promise((resolveRun, reject) => {
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    } catch (error) {
      reject(error);
      return;
    }
    const out: Buffer[] = [];
    let err = "";
    child.stdout?.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr?.on("data", (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "ENOENT"
          ? new BackupError(`${command} is not installed (install PostgreSQL's client tools, version 15 or newer)`)
          : error,
      ),
    );
    child.on("close", (code) => {
      if (code === 0) resolveRun({ stdout: Buffer.concat(out), stderr: err });
      else {
        const line = err.trim().split("\n").filter(Boolean).pop() ?? `exit ${code}`;
        reject(new BackupError(`${command} failed: ${line.replace(/^pg_(dump|restore): (error: )?/, "")}`));
      }
    });
  });
}

/** Write a backup of the configured database to `file`; returns its size in bytes. */
export async function backupDatabase(config: BackupConfig, file: string): Promise<{ kind: string; bytes: number }> {
  const target = resolve(file);
  if (config.DATABASE_URL) {
    await run("pg_dump", ["--format=custom", `--file=${target}`, `--dbname=${ownerUrl(config)}`]);
    return { kind: "postgres", bytes: statSync(target).size };
  }
  const dataDir = resolve(config.DATA_DIR);
  const holder = lockHolderOf(dataDir);
  if (holder) {
    const reply = await askServer(dataDir, { op: "backup", file: target });
    return { kind: "pglite", bytes: reply.bytes };
  }
  if (!existsSync(join(dataDir, "pglite"))) {
    throw new BackupInputError(`There is no embedded database in ${dataDir} (check DATA_DIR)`);
  }
  const open = await openPglite(dataDir);
  try {
    const bytes = await (open.pglite as PGliteThread).dump();
    writeFileSync(target, bytes);
    return { kind: "pglite", bytes: bytes.length };
  } finally {
    await open.close();
  }
}

/** The kind of database a backup file holds, from its first bytes. */
function kindOf(head: Buffer): "postgres" | "pglite" | null {
  if (head.subarray(0, 5).toString("latin1") === "PGDMP") return "postgres";
  if (head[0] === 0x1f && head[1] === 0x8b) return "pglite";
  return null;
}

/** Migrations in the backup that this Lantern does not have (a newer Lantern wrote the file). */
async function unknownMigrations(names: string[]): Promise<string[]> {
  const known = new Set(await knownMigrations());
  return names.filter((n) => !known.has(n));
}

function newerSchema(file: string, unknown: string[]): BackupInputError {
  return new BackupInputError(
    `${file} was written by a newer Lantern (its database has migration ${unknown[0]}${unknown.length > 1 ? ` and ${unknown.length - 1} more` : ""}, unknown here): upgrade Lantern, then restore`,
  );
}

/** Restore `file` into the configured database, which must be empty. */
export async function restoreDatabase(
  config: BackupConfig,
  file: string,
): Promise<{ kind: string; migrations: number }> {
  const source = resolve(file);
  let head: Buffer;
  try {
    head = readFileSync(source).subarray(0, 8);
  } catch {
    throw new BackupInputError(`Cannot read ${file}`);
  }
  const kind = kindOf(head);
  if (kind === null) throw new BackupInputError(`${file} is not a Lantern backup (lantern backup writes one)`);
  const wanted = config.DATABASE_URL ? "postgres" : "pglite";
  if (kind !== wanted) {
    throw new BackupInputError(
      kind === "postgres"
        ? `${file} is a PostgreSQL backup: set DATABASE_URL to the (empty) database to restore it into`
        : `${file} is a backup of the embedded database: restore it without DATABASE_URL, into an empty DATA_DIR`,
    );
  }
  return kind === "postgres" ? restorePostgres(config, source, file) : restorePglite(config, source, file);
}

async function restorePostgres(config: BackupConfig, source: string, file: string) {
  const url = ownerUrl(config);
  const listed = await run("pg_restore", ["--data-only", "--table=kysely_migration", "--file=-", source]);
  const names: string[] = [];
  let inCopy = false;
  for (const line of listed.stdout.toString("utf8").split("\n")) {
    if (line.startsWith("COPY ") && line.includes("kysely_migration ")) inCopy = true;
    else if (inCopy && line === "\\.") inCopy = false;
    else if (inCopy && line) names.push(line.split("\t")[0] as string);
  }
  const unknown = await unknownMigrations(names);
  if (unknown.length > 0) throw newerSchema(file, unknown);

  const owner = await openPostgres(url, 1);
  try {
    const tables = await sql<{ n: number }>`select count(*)::int as n from pg_tables
      where schemaname = 'public'`.execute(owner.db);
    if ((tables.rows[0]?.n ?? 0) > 0) {
      throw new BackupInputError(
        "The database in DATABASE_URL is not empty: restore into a new, empty database (createdb), then point Lantern at it",
      );
    }
    await run("pg_restore", [
      "--no-owner",
      "--no-acl",
      "--exit-on-error",
      "--single-transaction",
      `--dbname=${url}`,
      source,
    ]);
    if (config.MIGRATION_DATABASE_URL && config.DATABASE_URL) {
      const app = await openPostgres(config.DATABASE_URL, 1);
      try {
        const role = await currentRole(app.db);
        if (role !== (await currentRole(owner.db))) await grantAppRole(owner.db, role);
      } finally {
        await app.close();
      }
    }
  } finally {
    await owner.close();
  }
  return { kind: "postgres", migrations: names.length };
}

async function restorePglite(config: BackupConfig, source: string, file: string) {
  const dataDir = resolve(config.DATA_DIR);
  const path = join(dataDir, "pglite");
  if (existsSync(path) && readdirSync(path).length > 0) {
    throw new BackupInputError(
      `${dataDir} already holds a database: restore into an empty DATA_DIR (or move the old one aside)`,
    );
  }
  let open: OpenDatabase;
  try {
    open = await openPglite(dataDir, { load: readFileSync(source) });
  } catch (error) {
    rmSync(path, { recursive: true, force: true });
    throw error;
  }
  let names: string[] = [];
  try {
    const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(open.db);
    names = rows.rows.map((r) => r.name);
  } finally {
    await open.close();
  }
  const unknown = await unknownMigrations(names);
  if (unknown.length > 0) {
    rmSync(path, { recursive: true, force: true });
    throw newerSchema(file, unknown);
  }
  return { kind: "pglite", migrations: names.length };
}

type ControlRequest = { op: "backup"; file: string };
type ControlReply = { ok: true; bytes: number } | { ok: false; message: string };

/** Ask the server holding `dataDir` (through its socket) to do something for the command line. */
function askServer(dataDir: string, request: ControlRequest): Promise<{ bytes: number }> {
  return new Promise((resolveAsk, reject) => {
    const socket = connect(join(dataDir, CONTROL_SOCKET));
    let answer = "";
    socket.on("connect", () => socket.write(`${JSON.stringify(request)}\n`));
    socket.on("data", (chunk) => {
      answer += chunk.toString();
    });
    socket.on("error", () =>
      reject(
        new BackupError(
          `The server using ${dataDir} did not answer on ${CONTROL_SOCKET}; stop it and run the command again`,
        ),
      ),
    );
    socket.on("end", () => {
      try {
        const reply = JSON.parse(answer) as ControlReply;
        if (reply.ok) resolveAsk({ bytes: reply.bytes });
        else reject(new BackupError(reply.message));
      } catch {
        reject(new BackupError(`The server using ${dataDir} gave no answer`));
      }
    });
  });
}

/**
 * The running server's side: a socket in the data folder (this user only) on which the command
 * line asks for a backup, which the server takes between its queries.
 */
export async function startControlSocket(
  dataDir: string,
  thread: PGliteThread,
): Promise<{ close(): Promise<void> } | null> {
  const path = join(resolve(dataDir), CONTROL_SOCKET);
  // This process holds the folder's lock, so a socket file left there is a dead server's.
  rmSync(path, { force: true });
  const server: Server = createServer((socket) => {
    let request = "";
    socket.on("data", async (chunk) => {
      request += chunk.toString();
      if (!request.includes("\n")) return;
      let reply: ControlReply;
      try {
        const parsed = JSON.parse(request) as ControlRequest;
        if (parsed.op !== "backup" || typeof parsed.file !== "string") throw new Error("unknown request");
        const bytes = await thread.dump();
        writeFileSync(parsed.file, bytes);
        reply = { ok: true, bytes: bytes.length };
      } catch (error) {
        reply = { ok: false, message: `The backup failed: ${error instanceof Error ? error.message : String(error)}` };
      }
      socket.end(`${JSON.stringify(reply)}\n`);
    });
    socket.on("error", () => {});
  });
  const listening = await new Promise<boolean>((resolveListen) => {
    server.once("error", () => resolveListen(false));
    server.listen({ path, readableAll: false, writableAll: false }, () => resolveListen(true));
  });
  if (!listening) return null;
  server.unref();
  return {
    close: () =>
      new Promise<void>((resolveClose) => {
        server.close(() => {
          rmSync(path, { force: true });
          resolveClose();
        });
      }),
  };
}
