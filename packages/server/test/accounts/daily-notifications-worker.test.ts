/**
 * The daily notifications worker on PGlite and PostgreSQL: a pass runs each district's day once
 * (the day claimed in the database), and a later pass the same day claims nothing more.
 */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDailyNotifications } from "../../src/mail/daily-notifications-worker.ts";
import { buildTestApp, type TestApp } from "../helpers/build-app.ts";
import { DATABASE_KINDS, TEST_TODAY } from "../helpers/test-database.ts";

describe.each(DATABASE_KINDS)("daily notifications worker on %s", (kind) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTestApp(kind, { seed: false });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("claims each district's day once, however many passes run", async () => {
    const districts = [(await t.make.district()).id, (await t.make.district()).id];
    let passes = 0;
    let resolvePass: () => void = () => {};
    const passed = () => new Promise<void>((resolve) => (resolvePass = resolve));
    const first = passed();
    const worker = startDailyNotifications({ warn: () => {} }, t.app.deps, {
      firstDelayMs: 0,
      intervalMs: 50,
      onPass: () => {
        passes++;
        resolvePass();
      },
    });
    await first;
    await passed();
    await worker.stop();
    expect(passes).toBeGreaterThanOrEqual(2);
    const rows = await sql<{ district_id: string; day: string }>`
      select district_id, day::text as day from notification_digests order by district_id`.execute(t.db);
    expect(rows.rows).toEqual([...districts].sort().map((id) => ({ district_id: id, day: TEST_TODAY })));
  });
});
