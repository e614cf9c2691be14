import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app.ts";
import { createTestDatabase, type TestDatabase } from "./helpers/test-database.ts";

describe("serving the web app", () => {
  let database: TestDatabase;
  let app: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    database = await createTestDatabase("pglite", { seed: false });
    const root = mkdtempSync(join(tmpdir(), "lantern-web-"));
    writeFileSync(join(root, "index.html"), "<!doctype html><title>Lantern</title>");
    mkdirSync(join(root, "assets"));
    writeFileSync(join(root, "assets", "app.js"), "console.log(1)");
    app = await buildApp({ db: database.db, databaseKind: "pglite", logLevel: "silent", webRoot: root });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("serves files, the page for client-side routes, and JSON 404s under /api", async () => {
    expect((await app.inject({ method: "GET", url: "/assets/app.js" })).body).toBe("console.log(1)");
    const page = await app.inject({ method: "GET", url: "/students/123" });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toContain("text/html");
    expect(page.body).toContain("<title>Lantern</title>");
    const api = await app.inject({ method: "GET", url: "/api/unknown" });
    expect(api.statusCode).toBe(404);
    expect(api.json().error).toBe("Not Found");
  });
});
