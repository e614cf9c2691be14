import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./config.ts";

describe("parseConfig", () => {
  it("keeps ten PostgreSQL connections per server unless told otherwise", () => {
    expect(parseConfig({}).DATABASE_POOL_SIZE).toBe(10);
    expect(parseConfig({ DATABASE_POOL_SIZE: "4" }).DATABASE_POOL_SIZE).toBe(4);
    expect(parseConfig({ DATABASE_POOL_SIZE: "" }).DATABASE_POOL_SIZE).toBe(10);
  });

  it("names a bad pool size in one line", () => {
    for (const bad of ["0", "ten", "2.5", "101"]) {
      expect(() => parseConfig({ DATABASE_POOL_SIZE: bad })).toThrow(ConfigError);
      expect(() => parseConfig({ DATABASE_POOL_SIZE: bad })).toThrow(
        `Invalid DATABASE_POOL_SIZE=${JSON.stringify(bad)}: must be a whole number between 1 and 100`,
      );
    }
  });

  it("reads the owner's URL for migrations, only beside the app's DATABASE_URL", () => {
    const owner = "postgres://lantern:x@db/lantern";
    const app = "postgres://lantern_app:y@db/lantern";
    expect(parseConfig({ DATABASE_URL: app, MIGRATION_DATABASE_URL: owner }).MIGRATION_DATABASE_URL).toBe(owner);
    expect(parseConfig({ DATABASE_URL: app }).MIGRATION_DATABASE_URL).toBeUndefined();
    expect(() => parseConfig({ MIGRATION_DATABASE_URL: owner })).toThrow(
      "Invalid MIGRATION_DATABASE_URL: it is only used with DATABASE_URL",
    );
    expect(() => parseConfig({ DATABASE_URL: app, MIGRATION_DATABASE_URL: "mysql://x" })).toThrow(
      'Invalid MIGRATION_DATABASE_URL="mysql://x"',
    );
  });

  it("reads the mail settings: SMTP_URL (unset keeps mail in the outbox), MAIL_FROM and PUBLIC_URL", () => {
    const none = parseConfig({});
    expect(none.SMTP_URL).toBeUndefined();
    expect(none.MAIL_FROM).toBe("Lantern <lantern@localhost>");
    const set = parseConfig({
      SMTP_URL: "smtp://mailer:secret@mail.district.example:587",
      MAIL_FROM: "Maple Valley IEP <iep@district.example>",
      PUBLIC_URL: "https://iep.district.example/",
    });
    expect(set.SMTP_URL).toBe("smtp://mailer:secret@mail.district.example:587");
    expect(set.MAIL_FROM).toBe("Maple Valley IEP <iep@district.example>");
    expect(set.PUBLIC_URL).toBe("https://iep.district.example");
    expect(parseConfig({ MAIL_FROM: "iep@district.example" }).MAIL_FROM).toBe("iep@district.example");
    expect(() => parseConfig({ SMTP_URL: "mail.district.example" })).toThrow(/^Invalid SMTP_URL=.*smtp:\/\//);
    expect(() => parseConfig({ MAIL_FROM: "not an address" })).toThrow(/^Invalid MAIL_FROM=/);
    expect(() => parseConfig({ PUBLIC_URL: "iep.district.example" })).toThrow(/^Invalid PUBLIC_URL=/);
  });

  it("believes no proxy unless told, and names a bad TRUST_PROXY in one line", () => {
    expect(parseConfig({}).TRUST_PROXY).toBe(false);
    expect(parseConfig({ TRUST_PROXY: "true" }).TRUST_PROXY).toBe(true);
    expect(parseConfig({ TRUST_PROXY: "1" }).TRUST_PROXY).toBe(1);
    expect(parseConfig({ TRUST_PROXY: "10.0.0.1, 192.168.0.0/16" }).TRUST_PROXY).toEqual([
      "10.0.0.1",
      "192.168.0.0/16",
    ]);
    expect(() => parseConfig({ TRUST_PROXY: "yes" })).toThrow(/^Invalid TRUST_PROXY="yes": must be false, true/);
  });

  it("reads single sign-on settings only when all five are set, with an https issuer", () => {
    const oidc = {
      OIDC_ISSUER: "https://login.maplevalley.example",
      OIDC_CLIENT_ID: "lantern",
      OIDC_CLIENT_SECRET: "s3cret",
      OIDC_DISTRICT_ID: "6f1c1c3e-2b1a-4c59-9a57-3f3c3b1f2a10",
      OIDC_REDIRECT_URL: "https://lantern.maplevalley.example/api/auth/oidc/callback",
    };
    expect(parseConfig({}).oidc).toBeNull();
    expect(parseConfig(oidc).oidc).toEqual({
      issuer: oidc.OIDC_ISSUER,
      clientId: "lantern",
      clientSecret: "s3cret",
      districtId: oidc.OIDC_DISTRICT_ID,
      redirectUrl: oidc.OIDC_REDIRECT_URL,
    });
    expect(() => parseConfig({ ...oidc, OIDC_CLIENT_SECRET: "" })).toThrow(
      'Invalid OIDC_CLIENT_SECRET="": single sign-on needs all of',
    );
    expect(() => parseConfig({ ...oidc, OIDC_ISSUER: "http://login.maplevalley.example" })).toThrow(
      /Invalid OIDC_ISSUER=.*https:\/\//,
    );
    expect(parseConfig({ ...oidc, OIDC_ISSUER: "http://127.0.0.1:9000" }).oidc?.issuer).toBe("http://127.0.0.1:9000");
    expect(() => parseConfig({ ...oidc, OIDC_REDIRECT_URL: "https://lantern.example/callback" })).toThrow(
      "Invalid OIDC_REDIRECT_URL",
    );
  });
});
