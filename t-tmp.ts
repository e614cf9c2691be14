import { openPglite } from "./packages/server/src/db/database.ts";
import { migrateToLatest } from "./packages/server/src/db/migrate.ts";
import { seedDemo } from "./packages/server/seeds/demo.ts";
let t = Date.now();
const o = await openPglite(null);
await migrateToLatest(o.db);
await seedDemo(o.db, "2026-11-23");
const bytes = await o.pglite!.dump();
console.log("build+dump", Date.now() - t, bytes.length); t = Date.now();
await o.close();
for (let i = 0; i < 3; i++) {
  t = Date.now();
  const p = await openPglite(null, { load: bytes });
  const r = await p.db.selectFrom("students").select(p.db.fn.countAll().as("n")).executeTakeFirst();
  console.log("load", Date.now() - t, r);
  await p.close();
}
for (let i = 0; i < 2; i++) {
  t = Date.now();
  const p = await openPglite(null);
  console.log("plain open", Date.now() - t);
  await p.close();
}
