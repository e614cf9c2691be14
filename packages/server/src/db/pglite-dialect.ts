/**
 * A Kysely dialect for PGlite (embedded PostgreSQL). PGlite has one connection, so queries and
 * transactions are serialized through a queue; everything else is Kysely's PostgreSQL dialect.
 * Statements marked by `prepared` run as named prepared statements through PGlite's protocol API
 * (parsed and planned once per database, then one bind-execute message per query), as `pg` runs
 * them on a PostgreSQL server.
 */
import { type PGlite, parse as pgliteResults, protocol } from "@electric-sql/pglite";
import {
  CompiledQuery,
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

const { serialize } = protocol;

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

class PGliteConnection implements DatabaseConnection {
  /** Statements prepared in this database session, with their parameters' type OIDs. */
  readonly #prepared = new Map<string, number[]>();

  constructor(private readonly client: PGlite) {}

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const name = preparedStatementName(compiledQuery.sql);
    if (name !== undefined) return this.#executePrepared<R>(name, compiledQuery);
    if (compiledQuery.parameters.length === 0 && compiledQuery.sql.trimEnd().slice(0, -1).includes(";")) {
      // Several statements (a migration): the simple-query protocol, as node-postgres does.
      const results = await this.client.exec(compiledQuery.sql, { rowMode: "object" });
      return { rows: (results[results.length - 1]?.rows ?? []) as R[] };
    }
    const result = await this.client.query<R>(compiledQuery.sql, compiledQuery.parameters as unknown[], {
      rowMode: "object",
    });
    const affected = result.affectedRows;
    return {
      rows: result.rows,
      ...(affected !== undefined ? { numAffectedRows: BigInt(affected) } : {}),
    };
  }

  /** Parse the statement once, then bind and execute it in one message, as PGlite's `query` does in five. */
  async #executePrepared<R>(name: string, compiledQuery: CompiledQuery, retry = true): Promise<QueryResult<R>> {
    const client = this.client;
    try {
      return await client._runExclusiveQuery(async () => {
        let types = this.#prepared.get(name);
        if (types === undefined) {
          const described = await client.execProtocol(
            concat([
              serialize.parse({ name, text: compiledQuery.sql }),
              serialize.describe({ type: "S", name }),
              serialize.sync(),
            ]),
          );
          types = pgliteResults.parseDescribeStatementResults(described.messages);
          this.#prepared.set(name, types);
        }
        // Parameters are serialized as PGlite's `query` serializes them, by their described type.
        const values = compiledQuery.parameters.map((value, i) => {
          if (value === null || value === undefined) return null;
          const serializer = client.serializers[types[i] ?? 0];
          return serializer ? serializer(value) : String(value);
        });
        const { messages } = await client.execProtocol(
          concat([
            serialize.bind({ statement: name, values }),
            serialize.describe({ type: "P" }),
            serialize.execute({}),
            serialize.sync(),
          ]),
        );
        const [result] = pgliteResults.parseResults(messages, client.parsers, { rowMode: "object" });
        const affected = result?.affectedRows;
        return {
          rows: (result?.rows ?? []) as R[],
          ...(affected !== undefined ? { numAffectedRows: BigInt(affected) } : {}),
        };
      });
    } catch (error) {
      // The session lost its prepared statements (DISCARD, DEALLOCATE): prepare again, once.
      if (retry && (error as { code?: unknown }).code === "26000") {
        this.#prepared.clear();
        return this.#executePrepared<R>(name, compiledQuery, false);
      }
      throw error;
    }
  }

  // biome-ignore lint/correctness/useYield: streaming is not supported by PGlite's query API.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error("Streaming queries are not supported on PGlite");
  }
}

class PGliteDriver implements Driver {
  private queue: Promise<void> = Promise.resolve();
  private readonly connection: PGliteConnection;

  constructor(private readonly client: PGlite) {
    this.connection = new PGliteConnection(client);
  }

  async init(): Promise<void> {
    await this.client.waitReady;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    let release!: () => void;
    const previous = this.queue;
    this.queue = new Promise<void>((resolve) => {
      release = resolve;
    });
    await previous;
    // PGlite runs each query synchronously on this thread, and a finished query hands the
    // connection to the next one within the same microtask drain: without a turn of the event
    // loop, a queue of queries keeps sockets from being accepted and read (the last connections
    // of a burst waited seconds for their first reply). Yield once per query or transaction.
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.releases.push(release);
    return this.connection;
  }

  private readonly releases: Array<() => void> = [];

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin"));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("commit"));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("rollback"));
  }

  async releaseConnection(): Promise<void> {
    this.releases.shift()?.();
  }

  async destroy(): Promise<void> {
    if (!this.client.closed) await this.client.close();
  }
}

export class PGliteDialect implements Dialect {
  constructor(private readonly client: PGlite) {}
  createAdapter(): DialectAdapter {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.client);
  }
  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }
  // biome-ignore lint/suspicious/noExplicitAny: Kysely's introspector takes any database.
  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }
}
