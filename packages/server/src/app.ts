/**
 * Build the HTTP application: plugins (auth, access path), routes, OpenAPI docs, the web app's
 * static files, and the one error handler. Nothing here reads the environment: the caller passes
 * the parsed configuration and an open database.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import helmet from "@fastify/helmet";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { Clock } from "@lantern/core";
import Fastify, { type FastifyInstance, type FastifyRequest } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import type { Kysely } from "kysely";
import type { DatabaseKind } from "./db/database.ts";
import type { Database } from "./db/schema.ts";
import { createUseCaseDeps } from "./deps.ts";
import { registerErrorHandler } from "./error-handler.ts";
import { errorForLog } from "./log-errors.ts";
import { logUrl } from "./log-url.ts";
import { createOidcClient, type OidcSettings } from "./oidc/oidc-client.ts";
import accessPlugin from "./plugins/access.ts";
import authPlugin from "./plugins/auth.ts";
import { registerRateLimits } from "./plugins/rate-limits.ts";
import { registerRoutes } from "./routes/index.ts";
import { registerTextBoundary } from "./text-boundary.ts";
import { VERSION } from "./version.ts";

const WEB_DIST = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "web", "dist");

export type AppOptions = {
  db: Kysely<Database>;
  databaseKind: DatabaseKind;
  /** Where "now" and "today" come from (default the system clock; tests pass a fixed one). */
  clock?: Clock;
  /** The due-soon window of a district that has not chosen one (DUE_SOON_DAYS, default 30). */
  dueSoonDays?: number;
  logLevel?: string;
  secureCookies?: boolean;
  /** Serve the built web app (default: when packages/web/dist exists). */
  serveWeb?: boolean;
  /** Where the built web app is (default packages/web/dist). */
  webRoot?: string;
  /** Whose X-Forwarded-For to believe (TRUST_PROXY): no one unless told. */
  trustProxy?: boolean | number | string[];
  /** Requests a minute one person (or address) may make of each limited route (default 30). */
  rateLimitPerMinute?: number;
  /** Largest accepted request body, in bytes. */
  bodyLimit?: number;
  /**
   * Where links in mail point (PUBLIC_URL, or the address the server listens on): read when a
   * message is written, so a server may learn its port after it is built.
   */
  publicUrl?: () => string;
  /** Whether a mail server is set (SMTP_URL): without one, mail waits in the outbox. */
  mailSending?: boolean;
  /** Called after a change queues mail, so the worker sends it without waiting for its next pass. */
  onMailQueued?: () => void;
  /** The district's OpenID provider for staff single sign-on (OIDC_*), when configured. */
  oidc?: OidcSettings | null;
  /** Where log lines go (default standard output); tests read them. */
  logStream?: { write(line: string): void };
};

function createDeps(options: AppOptions) {
  return {
    ...createUseCaseDeps(options.db, {
      clock: options.clock,
      dueSoonDays: options.dueSoonDays,
      publicUrl: options.publicUrl,
    }),
    databaseKind: options.databaseKind,
    version: VERSION,
    mail: {
      publicUrl: options.publicUrl ?? (() => "http://localhost:3000"),
      queued: options.onMailQueued ?? (() => {}),
      sending: options.mailSending ?? false,
    },
  };
}

export type AppDeps = ReturnType<typeof createDeps>;

declare module "fastify" {
  interface FastifyInstance {
    deps: AppDeps;
    /** Every route registered, for the authorization matrix test and diagnostics. */
    routeList: Array<{ method: string; url: string }>;
  }
}

/** TRUST_PROXY as Fastify takes it: a number of hops is "the first n hops from this server". */
function trustProxyOption(
  value: AppOptions["trustProxy"],
): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof value === "number") return (_address, hop) => hop < value;
  return value ?? false;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: options.logLevel ?? "info",
      ...(options.logStream ? { stream: options.logStream } : {}),
      redact: ["req.headers.cookie", 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
      serializers: {
        // No field values from database errors (a failing row, a key): see log-errors.ts.
        err: (err: Error) => ({ stack: "", ...errorForLog(err) }),
        // No query strings (a searched name) or feed secrets in the log: see log-url.ts.
        req: (request: FastifyRequest) => ({
          method: request.method,
          url: logUrl(request.url),
          remoteAddress: request.ip,
        }),
      },
    },
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    trustProxy: trustProxyOption(options.trustProxy),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate("deps", createDeps(options));
  app.decorate("routeList", []);
  app.decorate("oidc", options.oidc ? createOidcClient(options.oidc) : null);
  app.addHook("onRoute", (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) if (method !== "HEAD") app.routeList.push({ method, url: route.url });
  });
  const webRoot = options.webRoot ?? WEB_DIST;
  const serveWeb = options.serveWeb ?? existsSync(join(webRoot, "index.html"));
  registerErrorHandler(app, { spaFallback: serveWeb });
  registerTextBoundary(app);
  await registerSecurityHeaders(app, { secure: options.secureCookies ?? false });

  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Lantern API",
        version: VERSION,
        description:
          "IEP and Section 504 plans: navigator, plan workspace, compliance and enforcement. Every read of a student's record is written to the record of access (34 CFR 300.614). Changes need the x-csrf-token header.",
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: "/api/docs",
    // Its page needs its own inline script and styles (hashed by the plugin); still no framing.
    staticCSP: true,
    transformStaticCSP: (header) =>
      header.replace("frame-ancestors 'self'", "frame-ancestors 'none'").replace(" upgrade-insecure-requests;", ""),
  });

  await app.register(authPlugin, {
    sessions: app.deps.repos.sessions,
    secureCookies: options.secureCookies ?? false,
    audit: app.deps.audit,
  });
  await app.register(accessPlugin, { access: app.deps.repos.access, audit: app.deps.audit });
  await registerRateLimits(app, { perMinute: options.rateLimitPerMinute });
  await registerRoutes(app);

  if (serveWeb) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: ["index.html"] });
  }
  return app;
}

/**
 * Headers on every reply: a Content-Security-Policy that allows only this site's own scripts,
 * styles, images and API (no framing by any site), nosniff, no referrer to other sites; HSTS
 * behind HTTPS. Every API reply (JSON, CSV, PDF, errors) is `Cache-Control: no-store`: student
 * data never stays in a browser's or a proxy's cache.
 */
async function registerSecurityHeaders(app: FastifyInstance, options: { secure: boolean }): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:", "blob:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(options.secure ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: "deny" },
    referrerPolicy: { policy: "same-origin" },
    strictTransportSecurity: options.secure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
  app.addHook("onSend", async (request, reply) => {
    const api = request.routeOptions.url?.startsWith("/api/") || request.url.startsWith("/api/");
    if (!api) return;
    const current = reply.getHeader("cache-control");
    if (typeof current !== "string" || !current.includes("no-store")) reply.header("cache-control", "no-store");
  });
}
