/**
 * Configuration from the environment, parsed and validated once at start.
 * A bad value stops the program with one line naming the variable.
 */
import { z } from "zod";
import type { OidcSettings } from "./oidc/oidc-client.ts";

const ZPort = z.coerce
  .number({ error: "must be a whole number between 1 and 65535" })
  .int("must be a whole number between 1 and 65535")
  .min(1, "must be a whole number between 1 and 65535")
  .max(65535, "must be a whole number between 1 and 65535");

const ZConfig = z.object({
  PORT: ZPort.default(3000),
  HOST: z.string().min(1, "must not be empty").default("127.0.0.1"),
  DATA_DIR: z.string().min(1, "must not be empty").default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a PostgreSQL URL starting with postgres:// or postgresql://")
    .optional(),
  /**
   * The role that owns the tables, used only to migrate (then to grant DATABASE_URL's role what
   * the app needs). When set, DATABASE_URL must name a role that owns nothing.
   */
  MIGRATION_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a PostgreSQL URL starting with postgres:// or postgresql://")
    .optional(),
  /**
   * Connections each server keeps to a PostgreSQL server. More than a few per database core only
   * queues the same work inside the database (see docs/performance.md); unused with PGlite.
   */
  DATABASE_POOL_SIZE: z.coerce
    .number({ error: "must be a whole number between 1 and 100" })
    .int("must be a whole number between 1 and 100")
    .min(1, "must be a whole number between 1 and 100")
    .max(100, "must be a whole number between 1 and 100")
    .default(10),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /**
   * Days before a deadline counts as "due soon" for a district that has not chosen its own window
   * in its compliance settings (each district can; this is the default they start from).
   */
  DUE_SOON_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /**
   * The mail server to send through (decision 0009): `smtp://user:password@host:587` (STARTTLS
   * when the server offers it) or `smtps://…:465`. Unset: mail waits in the outbox, where district
   * administrators can read it.
   */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, "must be an SMTP URL starting with smtp:// or smtps://")
    .optional(),
  /** The sender of every message: an address, or `Name <address>`. */
  MAIL_FROM: z
    .string()
    .regex(/^(?:[^<>@\r\n]*<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)$/, "must be an email address or Name <address>")
    .default("Lantern <lantern@localhost>"),
  /**
   * The address people reach Lantern at, for links in mail (`https://iep.district.example`).
   * Default: the address the server listens on.
   */
  PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, "must be an http:// or https:// address")
    .transform((v) => v.replace(/\/+$/, ""))
    .optional(),
  /**
   * Whose word to take for the client's address (X-Forwarded-For): no one by default, since any
   * client can write that header; `true` for every proxy (only when nothing else can reach the
   * app), a number of proxy hops, or the proxies' addresses and subnets separated by commas. The
   * address is what sign-in waits count by.
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .transform((value, ctx): boolean | number | string[] => {
      if (value === "false") return false;
      if (value === "true") return true;
      if (/^\d+$/.test(value)) {
        const hops = Number(value);
        if (hops >= 1 && hops <= 10) return hops;
      }
      const list = value.split(",").map((a) => a.trim());
      if (list.every((a) => /^[0-9a-fA-F.:]+(\/\d{1,3})?$/.test(a) && a.length > 1)) return list;
      ctx.addIssue({
        code: "custom",
        message: "must be false, true, a number of proxy hops (1-10), or proxy addresses separated by commas",
      });
      return z.NEVER;
    })
    .default(false),
  /**
   * Single sign-on for one district's staff with its OpenID provider: all five or none. The
   * issuer must be https (plain http only on this machine, for a local provider).
   */
  OIDC_ISSUER: z
    .url({ error: "must be the provider's issuer address, like https://login.example.org" })
    .refine(
      (v) => v.startsWith("https://") || /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?(\/|$)/.test(v),
      "must be an https:// address (http:// only for a provider on this machine)",
    )
    .optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_DISTRICT_ID: z.uuid({ error: "must be the district's id (a UUID)" }).optional(),
  OIDC_REDIRECT_URL: z
    .url({ error: "must be Lantern's address ending in /api/auth/oidc/callback" })
    .refine((v) => /^https?:\/\/[^?#]+\/api\/auth\/oidc\/callback$/.test(v), "must end in /api/auth/oidc/callback")
    .optional(),
  /** Set when the app runs behind HTTPS (adds the Secure cookie attribute). */
  COOKIE_SECURE: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
});

export type Config = z.infer<typeof ZConfig> & { databaseKind: "pglite" | "postgres"; oidc: OidcSettings | null };

const OIDC_VARIABLES = [
  "OIDC_ISSUER",
  "OIDC_CLIENT_ID",
  "OIDC_CLIENT_SECRET",
  "OIDC_DISTRICT_ID",
  "OIDC_REDIRECT_URL",
] as const;

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parse the environment; throws ConfigError with one line naming the first bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const picked = Object.fromEntries(
    Object.keys(ZConfig.shape)
      .map((k) => [k, env[k] === "" ? undefined : env[k]] as const)
      .filter(([, v]) => v !== undefined),
  );
  const result = ZConfig.safeParse(picked);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = String(issue?.path[0] ?? "environment");
    throw new ConfigError(`Invalid ${name}=${JSON.stringify(picked[name] ?? "")}: ${issue?.message ?? "invalid"}`);
  }
  if (result.data.MIGRATION_DATABASE_URL && !result.data.DATABASE_URL) {
    throw new ConfigError(
      "Invalid MIGRATION_DATABASE_URL: it is only used with DATABASE_URL (the app's own role on the same database)",
    );
  }
  const data = result.data;
  const oidcSet = OIDC_VARIABLES.filter((k) => data[k] !== undefined);
  if (oidcSet.length > 0 && oidcSet.length < OIDC_VARIABLES.length) {
    const missing = OIDC_VARIABLES.find((k) => data[k] === undefined);
    throw new ConfigError(`Invalid ${missing}="": single sign-on needs all of ${OIDC_VARIABLES.join(", ")}`);
  }
  const oidc: OidcSettings | null =
    data.OIDC_ISSUER &&
    data.OIDC_CLIENT_ID &&
    data.OIDC_CLIENT_SECRET &&
    data.OIDC_DISTRICT_ID &&
    data.OIDC_REDIRECT_URL
      ? {
          issuer: data.OIDC_ISSUER,
          clientId: data.OIDC_CLIENT_ID,
          clientSecret: data.OIDC_CLIENT_SECRET,
          districtId: data.OIDC_DISTRICT_ID,
          redirectUrl: data.OIDC_REDIRECT_URL,
        }
      : null;
  return { ...data, databaseKind: data.DATABASE_URL ? "postgres" : "pglite", oidc };
}
