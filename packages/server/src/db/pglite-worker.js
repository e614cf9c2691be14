// @ts-check
/**
 * The embedded database's own thread. PGlite runs PostgreSQL as WebAssembly, synchronously, on
 * the thread that owns it; in this worker it uses the machine's second core while the server's
 * thread parses requests and writes replies. `PGliteDialect` (pglite-dialect.ts) is the only
 * caller: one message per query, several in flight.
 *
 * Plain JavaScript: a worker is loaded by Node itself, with no TypeScript loader, in every way the
 * server runs (the `lantern` command, the tests, the benchmarks).
 *
 * In:  workerData { path: string | null, load?: Uint8Array (a backup to unpack first) }, then { id, connection, op, sql, params, name? } with op
 *      "query" | "exec" | "prepared" | "begin" | "commit" | "rollback" | "dump" | "close"
 * Out: { ready: true, arrayTypes } or { ready: false, message }, then { id, ok: true, result },
 *      { id, ok: true, raw } (a prepared statement's backend messages, for the caller to parse),
 *      { id, ok: true, bytes } (a backup: the data folder as a gzipped tarball) or
 *      { id, ok: false, error } where `error` keeps PostgreSQL's fields (code, detail, constraint…).
 */
import { parentPort, workerData } from "node:worker_threads";
import { PGlite, parse as pgliteResults, protocol, types } from "@electric-sql/pglite";

const INT8 = 20;
const { serialize } = protocol;
const port = /** @type {import("node:worker_threads").MessagePort} */ (parentPort);

/** @param {Uint8Array[]} parts */
function concat(parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** @type {PGlite} */
let client;
try {
  client = await PGlite.create({
    ...(workerData.path ? { dataDir: workerData.path } : {}),
    ...(workerData.load ? { loadDataDir: new Blob([workerData.load]) } : {}),
    // Dates stay "YYYY-MM-DD" strings and 64-bit integers become numbers, as with `pg`.
    parsers: { [INT8]: (/** @type {string} */ v) => Number(v), [types.DATE]: (/** @type {string} */ v) => v },
  });
  // Array types, so that the server's thread can parse array columns as PGlite does.
  const arrays = await client.query(`select b.oid, b.typarray from pg_catalog.pg_type a
    join pg_catalog.pg_type b on b.oid = a.typelem where a.typcategory = 'A' group by b.oid, b.typarray`);
  port.postMessage({ ready: true, arrayTypes: arrays.rows.map((r) => [r.oid, r.typarray]) });
} catch (error) {
  port.postMessage({ ready: false, message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
}

/** Statements prepared in this database session, with their parameters' type OIDs. */
const prepared = new Map();

/**
 * Parse a named statement once, then bind and execute it in one message (PGlite's `query` sends
 * five). Parameters are serialized as `query` serializes them, by their described type.
 * @param {string} name @param {string} text @param {unknown[]} params
 */
function runPrepared(name, text, params) {
  return client._runExclusiveQuery(async () => {
    let paramTypes = prepared.get(name);
    if (paramTypes === undefined) {
      const described = await client.execProtocol(
        concat([serialize.parse({ name, text }), serialize.describe({ type: "S", name }), serialize.sync()]),
      );
      paramTypes = pgliteResults.parseDescribeStatementResults(described.messages);
      prepared.set(name, paramTypes);
    }
    const values = params.map((value, i) => {
      if (value === null || value === undefined) return null;
      const serializer = client.serializers[paramTypes[i] ?? 0];
      return serializer ? serializer(value) : String(value);
    });
    // The answer goes back as PostgreSQL's own bytes: the server's thread, mostly idle while
    // this one runs queries, turns them into rows (pglite-dialect.ts).
    /** @type {Uint8Array[]} */
    const chunks = [];
    await client.execProtocolRawStream(
      concat([
        serialize.bind({ statement: name, values }),
        serialize.describe({ type: "P" }),
        serialize.execute({}),
        serialize.sync(),
      ]),
      { onRawData: (chunk) => chunks.push(chunk.slice()) },
    );
    const raw = concat(chunks);
    const error = errorIn(raw);
    if (error) throw error;
    return { raw };
  });
}

/**
 * The error among raw backend messages, if any: each message is a type byte and a 32-bit length
 * (itself included); an error is rare, so the messages are parsed only when one is there.
 * @param {Uint8Array} raw
 */
function errorIn(raw) {
  let hasError = false;
  for (let i = 0; i + 5 <= raw.length; ) {
    if (raw[i] === 0x45) {
      hasError = true;
      break;
    }
    i += 1 + ((raw[i + 1] << 24) | (raw[i + 2] << 16) | (raw[i + 3] << 8) | raw[i + 4]);
  }
  if (!hasError) return null;
  /** @type {any} */
  let found = null;
  new protocol.Parser().parse(raw, (message) => {
    if (message.name === "error" && found === null) found = message;
  });
  return found;
}

/** @param {any} message */
async function run(message) {
  switch (message.op) {
    case "query":
    case "begin":
    case "commit":
    case "rollback": {
      const result = await client.query(message.sql, message.params ?? [], { rowMode: "object" });
      return { rows: result.rows, affectedRows: result.affectedRows };
    }
    case "exec": {
      // Several statements (a migration): the simple-query protocol, as node-postgres does.
      const results = await client.exec(message.sql, { rowMode: "object" });
      return { rows: results[results.length - 1]?.rows ?? [] };
    }
    case "prepared":
      try {
        return await runPrepared(message.name, message.sql, message.params);
      } catch (error) {
        // The session lost its prepared statements (DISCARD, DEALLOCATE): prepare again, once.
        if (/** @type {{ code?: unknown }} */ (error).code !== "26000") throw error;
        prepared.clear();
        return await runPrepared(message.name, message.sql, message.params);
      }
    case "dump": {
      // A backup: the data files written out first, then the folder as a gzipped tarball.
      await client.query("checkpoint");
      const file = await client.dumpDataDir("gzip");
      return { bytes: new Uint8Array(await file.arrayBuffer()) };
    }
    case "close":
      if (!client.closed) await client.close();
      return null;
    default:
      throw new Error(`unknown operation ${message.op}`);
  }
}

/** PostgreSQL's error fields survive the trip between threads; an Error's own properties do not. */
const ERROR_FIELDS = [
  "code",
  "severity",
  "detail",
  "hint",
  "position",
  "where",
  "schema",
  "table",
  "column",
  "dataType",
  "constraint",
];

/**
 * Messages run one at a time, in the order they came, each as soon as the previous one is done
 * (the server's thread does not wait for one answer before sending the next query). PGlite has one
 * session, so while a connection's transaction is open only that connection's messages run; the
 * others wait here, in order, until it commits or rolls back.
 * @type {any[]}
 */
const queue = [];
/** The connection whose transaction is open, or null. */
let inTransaction = null;
let running = false;

function take() {
  if (inTransaction === null) return queue.shift();
  const index = queue.findIndex((m) => m.connection === inTransaction);
  return index < 0 ? undefined : queue.splice(index, 1)[0];
}

async function pump() {
  if (running) return;
  running = true;
  for (let message = take(); message !== undefined; message = take()) {
    try {
      const result = await run(message);
      if (message.op === "begin") inTransaction = message.connection;
      if (result && "raw" in result)
        port.postMessage({ id: message.id, ok: true, raw: result.raw }, [result.raw.buffer]);
      else if (result && "bytes" in result)
        port.postMessage({ id: message.id, ok: true, bytes: result.bytes }, [result.bytes.buffer]);
      else port.postMessage({ id: message.id, ok: true, result });
    } catch (error) {
      const e = /** @type {Record<string, unknown>} */ (error instanceof Error ? error : { message: String(error) });
      /** @type {Record<string, unknown>} */
      const fields = { name: e.name, message: e.message };
      for (const field of ERROR_FIELDS) if (e[field] !== undefined) fields[field] = e[field];
      port.postMessage({ id: message.id, ok: false, error: fields });
    }
    // A commit or rollback ends the transaction even when it fails (PostgreSQL leaves none open).
    if (message.op === "commit" || message.op === "rollback") inTransaction = null;
    if (message.op === "close") {
      port.close();
      return;
    }
  }
  running = false;
}

port.on("message", (/** @type {any} */ message) => {
  queue.push(message);
  void pump();
});
