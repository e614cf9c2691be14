/**
 * Start Lantern: parse the configuration once, open and migrate the database, seed the demo
 * district on first start, and listen. Problems stop the start with one clear line.
 */
import type { FastifyInstance } from "fastify";
import { isSeeded, seedDemo } from "../seeds/demo.ts";
import { buildApp } from "./app.ts";
import { todayIso } from "./clock.ts";
import { type Config, parseConfig } from "./config.ts";
import { migrateForApp } from "./db/app-role.ts";
import { sealAudit } from "./db/audit-chain.ts";
import { startControlSocket } from "./db/backup.ts";
import { type OpenDatabase, openDatabase } from "./db/database.ts";
import { startDailyNotifications } from "./mail/daily-notifications-worker.ts";
import { smtpTransport, startMailWorker } from "./mail/mail-worker.ts";
import { createMailRepository } from "./repositories/mail-repository.ts";

export class StartError extends Error {
  override name = "StartError";
}

export type RunningServer = {
  url: string;
  config: Config;
  app: FastifyInstance;
  database: OpenDatabase;
  seededNow: boolean;
  close(): Promise<void>;
};

export async function startServer(options: {
  env: Record<string, string | undefined>;
  seed?: boolean;
}): Promise<RunningServer> {
  const config = parseConfig(options.env);
  const database = await openDatabase(config);
  try {
    const { exposed } = await migrateForApp(config, database);
    let seededNow = false;
    if (options.seed !== false && !(await isSeeded(database.db))) {
      seededNow = (await seedDemo(database.db, todayIso())) !== null;
    }
    let listening = config.PUBLIC_URL ?? "";
    let worker: ReturnType<typeof startMailWorker> | null = null;
    const app = await buildApp({
      publicUrl: () => listening,
      onMailQueued: () => worker?.poke(),
      mailSending: config.SMTP_URL !== undefined,
      db: database.db,
      databaseKind: database.kind,
      logLevel: config.LOG_LEVEL,
      secureCookies: config.COOKIE_SECURE,
      trustProxy: config.TRUST_PROXY,
      dueSoonDays: config.DUE_SOON_DAYS,
      oidc: config.oidc,
    });
    try {
      await app.listen({ port: config.PORT, host: config.HOST });
    } catch (error) {
      await app.close();
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EADDRINUSE")
        throw new StartError(`Port ${config.PORT} on ${config.HOST} is already in use (set PORT)`);
      if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND")
        throw new StartError(`Cannot listen on HOST=${config.HOST}`);
      throw error;
    }
    if (exposed) {
      app.log.warn(
        `The app's database role can erase the audit trails (${exposed}): run it as a role that owns nothing, with MIGRATION_DATABASE_URL for migrations (docs/deployment.md)`,
      );
    }
    const sealer = startAuditSealer(app, database);
    // Deadline digests and services behind schedule: once a day per district, in its time zone.
    const daily = startDailyNotifications(app.log, app.deps, { onPass: () => worker?.poke() });
    // The embedded database: `lantern backup` asks this server for a consistent copy.
    const control =
      database.kind === "pglite" && database.pglite ? await startControlSocket(config.DATA_DIR, database.pglite) : null;
    const address = app.server.address();
    const port = typeof address === "object" && address ? address.port : config.PORT;
    const host = config.HOST.includes(":") ? `[${config.HOST}]` : config.HOST;
    const url = `http://${host}:${port}`;
    if (!listening) listening = url;
    // Without SMTP_URL mail stays in the outbox (administrators read it in the app).
    worker = config.SMTP_URL
      ? startMailWorker(
          app.log,
          createMailRepository(database.db),
          smtpTransport({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM }),
          {
            from: config.MAIL_FROM,
          },
        )
      : null;
    return {
      url,
      config,
      app,
      database,
      seededNow,
      async close() {
        await control?.close();
        await daily.stop();
        await worker?.stop();
        await sealer.stop();
        await app.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
}

/** How often the server seals new rows of the audit trails (migration 0014). */
export const AUDIT_SEAL_INTERVAL_MS = 1000;
/**
 * Most rows sealed by one call: about 35 ms of the embedded database's thread (bench:seal), so a
 * backlog (after a restore, or rows written while no server ran) is sealed in short steps between
 * requests rather than in one long pause. A busy district writes a few thousand rows a second.
 */
export const AUDIT_SEAL_MAX_ROWS = 5000;

/**
 * Seal the audit trails every second: a row is sealed one to two calls after it is committed
 * (see migration 0014). A failure is logged and retried at the next call.
 */
export function startAuditSealer(
  app: Pick<FastifyInstance, "log">,
  database: Pick<OpenDatabase, "db">,
  intervalMs = AUDIT_SEAL_INTERVAL_MS,
): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const timer = setInterval(() => {
    running = running.then(() =>
      stopped
        ? 0
        : sealAudit(database.db, AUDIT_SEAL_MAX_ROWS).catch((err) =>
            app.log.warn({ err }, "sealing the audit trails failed"),
          ),
    );
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
