/**
 * A Kysely dialect for PGlite (embedded PostgreSQL); everything but the driver is Kysely's
 * PostgreSQL dialect.
 *
 * PGlite runs in its own worker thread (`pglite-worker.js`), so the database and the server's own
 * work use two cores. Each query goes to the thread as a message. PGlite has one session: the
 * thread runs queries in order, and holds other connections' queries while a transaction is
 * open. Statements marked by `prepared` run as named prepared statements (parsed and planned once
 * per database, then one bind-execute message per query), as `pg` runs them on a PostgreSQL
 * server; their answers come back as PostgreSQL's bytes and are parsed here.
 */
import { Worker } from "node:worker_threads";
import { type messages as backendMessages, parse as pgliteResults, protocol, types } from "@electric-sql/pglite";
import {
  type CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryCompiler,
  type QueryResult,
} from "kysely";
import { preparedStatementName } from "./prepared-statements.ts";

type WorkerResult = { rows: unknown[]; affectedRows?: number };
type WorkerReply =
  | { id: number; ok: true; result: WorkerResult | null }
  | { id: number; ok: true; raw: Uint8Array }
  | { id: number; ok: true; bytes: Uint8Array }
  | { id: number; ok: false; error: Record<string, unknown> & { message: string } };

/** An error from the database thread, with PostgreSQL's fields (`code`, `detail`, `constraint`…). */
class EmbeddedDatabaseError extends Error {
  override name = "DatabaseError";
  constructor(fields: Record<string, unknown> & { message: string }) {
    super(fields.message);
    for (const [key, value] of Object.entries(fields))
      if (key !== "message" && key !== "name") Object.assign(this, { [key]: value });
  }
}

type Parsers = Record<number, (value: string, typeId?: number) => unknown>;

/**
 * The parsers PGlite applies to a result's columns, as the database thread configures them
 * (pglite-worker.js): PGlite's own, dates as "YYYY-MM-DD" strings and int8 as numbers (as `pg`
 * returns them), and one array parser per array type the database has.
 */
function resultParsers(arrayTypes: Array<[number, number]>): Parsers {
  const parsers: Parsers = {
    ...(types.parsers as Parsers),
    [types.INT8]: (v: string) => Number(v),
    [types.DATE]: (v: string) => v,
  };
  for (const [oid, typarray] of arrayTypes) {
    parsers[typarray] = (v: string) => types.arrayParser(v, parsers[oid] as types.Parser, typarray);
  }
  return parsers;
}

/** The rows of one statement's raw backend messages. */
function rowsOf(raw: Uint8Array, parsers: Parsers): WorkerResult {
  const messages: backendMessages.BackendMessage[] = [];
  new protocol.Parser().parse(raw, (message) => messages.push(message));
  const [result] = pgliteResults.parseResults(messages, parsers as never, { rowMode: "object" });
  return {
    rows: result?.rows ?? [],
    ...(result?.affectedRows !== undefined ? { affectedRows: result.affectedRows } : {}),
  };
}

/** The PGlite worker thread: one database, which runs one message at a time. */
export class PGliteThread {
  readonly #worker: Worker;
  readonly #pending = new Map<
    number,
    { resolve: (r: WorkerResult | Uint8Array | null) => void; reject: (e: Error) => void }
  >();
  #next = 1;
  #stopped: Error | null = null;

  readonly #parsers: Parsers;

  private constructor(worker: Worker, arrayTypes: Array<[number, number]>) {
    this.#worker = worker;
    this.#parsers = resultParsers(arrayTypes);
    // An idle database does not keep the process alive (as PGlite on the main thread did not).
    worker.unref();
    worker.on("message", (reply: WorkerReply) => {
      const call = this.#pending.get(reply.id);
      if (!call) return;
      this.#pending.delete(reply.id);
      if (this.#pending.size === 0) worker.unref();
      if (!reply.ok) call.reject(new EmbeddedDatabaseError(reply.error));
      else if ("bytes" in reply) call.resolve(reply.bytes);
      else if ("raw" in reply) {
        try {
          call.resolve(rowsOf(reply.raw, this.#parsers));
        } catch (error) {
          call.reject(error as Error);
        }
      } else call.resolve(reply.result);
    });
    const stop = (error: Error) => {
      this.#stopped ??= error;
      for (const call of this.#pending.values()) call.reject(this.#stopped);
      this.#pending.clear();
    };
    worker.on("error", (error) => stop(new Error(`The embedded database stopped: ${error.message}`)));
    worker.on("exit", () => stop(new Error("The embedded database is closed")));
  }

  /**
   * Start the thread and open the database in `path` (null = in memory); with `load`, a data
   * folder's gzipped tarball (a backup) is unpacked into it first.
   */
  static async start(path: string | null, options: { load?: Uint8Array } = {}): Promise<PGliteThread> {
    const worker = new Worker(new URL("./pglite-worker.js", import.meta.url), {
      workerData: { path, ...(options.load ? { load: options.load } : {}) },
    });
    const arrayTypes = await new Promise<Array<[number, number]>>((resolve, reject) => {
      const fail = (error: Error) => reject(error);
      worker.once("error", fail);
      worker.once("exit", (code) => reject(new Error(`the database thread exited (${code})`)));
      worker.once("message", (message: { ready: boolean; message?: string; arrayTypes?: Array<[number, number]> }) => {
        worker.off("error", fail);
        worker.removeAllListeners("exit");
        if (message.ready) resolve(message.arrayTypes ?? []);
        else reject(new Error(message.message ?? "the database did not open"));
      });
    });
    return new PGliteThread(worker, arrayTypes);
  }

  call(message: {
    op: "query" | "exec" | "prepared" | "begin" | "commit" | "rollback" | "close";
    connection?: number;
    sql?: string;
    name?: string;
    params?: readonly unknown[];
  }): Promise<WorkerResult | null> {
    return this.#send(message) as Promise<WorkerResult | null>;
  }

  /**
   * The whole database as a gzipped tarball of its data folder (PGlite's `dumpDataDir`, after a
   * checkpoint). It runs between queries, when no transaction is open, so it is consistent.
   */
  dump(): Promise<Uint8Array> {
    return this.#send({ op: "dump" }) as Promise<Uint8Array>;
  }

  #send(message: Record<string, unknown>): Promise<WorkerResult | Uint8Array | null> {
    if (this.#stopped) return Promise.reject(this.#stopped);
    const id = this.#next++;
    return new Promise<WorkerResult | Uint8Array | null>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      if (this.#pending.size === 1) this.#worker.ref();
      this.#worker.postMessage({ id, ...message });
    });
  }

  get closed(): boolean {
    return this.#stopped !== null;
  }

  /** Close the database (it writes what it holds) and end the thread. */
  async close(): Promise<void> {
    if (this.#stopped) return;
    await this.call({ op: "close" });
    await this.#worker.terminate();
  }
}

class PGliteConnection implements DatabaseConnection {
  constructor(
    private readonly thread: PGliteThread,
    readonly id: number,
  ) {}

  /** Open, commit or roll back this connection's transaction (the thread holds the others meanwhile). */
  async transaction(op: "begin" | "commit" | "rollback"): Promise<void> {
    await this.thread.call({ op, connection: this.id, sql: op });
  }

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const { sql, parameters } = compiledQuery;
    const name = preparedStatementName(sql);
    const op =
      name !== undefined
        ? "prepared"
        : parameters.length === 0 && sql.trimEnd().slice(0, -1).includes(";")
          ? "exec"
          : "query";
    const result = await this.thread.call({
      op,
      connection: this.id,
      sql,
      params: parameters,
      ...(name !== undefined ? { name } : {}),
    });
    const affected = result?.affectedRows;
    return {
      rows: (result?.rows ?? []) as R[],
      ...(affected !== undefined ? { numAffectedRows: BigInt(affected) } : {}),
    };
  }

  // biome-ignore lint/correctness/useYield: streaming is not supported by PGlite's query API.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error("Streaming queries are not supported on PGlite");
  }
}

/**
 * Each acquired connection is a name for the one database session: queries are sent at once and
 * the database thread runs them in order; a transaction's `begin` makes the thread run only that
 * connection's queries until its `commit` or `rollback`.
 */
class PGliteDriver implements Driver {
  #next = 1;

  constructor(private readonly thread: PGliteThread) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new PGliteConnection(this.thread, this.#next++);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as PGliteConnection).transaction("begin");
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as PGliteConnection).transaction("commit");
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as PGliteConnection).transaction("rollback");
  }

  async releaseConnection(): Promise<void> {}

  async destroy(): Promise<void> {
    await this.thread.close();
  }
}

export class PGliteDialect implements Dialect {
  constructor(private readonly thread: PGliteThread) {}
  createAdapter(): DialectAdapter {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.thread);
  }
  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }
  // biome-ignore lint/suspicious/noExplicitAny: Kysely's introspector takes any database.
  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }
}
