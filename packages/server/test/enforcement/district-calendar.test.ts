/**
 * Required service minutes follow the district's own school calendar once it sets one: days the
 * district marks as a break require no minutes (34 CFR 300.320(a)(7): frequency over school days).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type Client, type TestApp } from "../helpers/build-app.ts";
import { DATABASE_KINDS, TEST_TODAY } from "../helpers/test-database.ts";

type Minutes = { totals: { required: number } };

describe.each(DATABASE_KINDS)("service minutes on the district calendar on %s", (kind) => {
  let t: TestApp;
  let cm: Client;
  let admin: Client;
  beforeAll(async () => {
    t = await buildTestApp(kind);
    cm = await t.signIn("casemanager@maplevalley.example");
    admin = await t.signIn("admin@maplevalley.example");
  });
  afterAll(async () => {
    await t?.close();
  });

  it("requires fewer minutes when the district adds a long break", async () => {
    const mateo = t.ids?.students.get("Mateo Rivera") as string;
    const url = `/api/students/${mateo}/service-minutes?through=${TEST_TODAY}`;
    const before = (await cm.get(url)).json() as Minutes;
    expect(before.totals.required).toBeGreaterThan(0);

    const year = Number(TEST_TODAY.slice(0, 4));
    const saved = await admin.send("PUT", "/api/district/school-calendar", {
      years: [
        {
          label: `${year}-${String((year + 1) % 100).padStart(2, "0")}`,
          firstDay: `${year}-08-20`,
          lastDay: `${year + 1}-06-12`,
          breaks: [{ name: "Facilities closure", start: `${year}-09-01`, end: `${year}-11-20` }],
        },
        {
          label: `${year - 1}-${String(year % 100).padStart(2, "0")}`,
          firstDay: `${year - 1}-08-20`,
          lastDay: `${year}-06-12`,
        },
      ],
    });
    expect(saved.statusCode, saved.body).toBeLessThan(300);

    const after = (await cm.get(url)).json() as Minutes;
    expect(after.totals.required).toBeLessThan(before.totals.required);
  });
});
