// Fails the build when the JavaScript a first visit downloads (the entry script and the chunks
// index.html preloads) exceeds the budget, gzipped. Feature pages are lazy chunks and do not count.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const BUDGET_KB = 250;
const dist = join(import.meta.dirname, "..", "dist");
const html = await readFile(join(dist, "index.html"), "utf8");
const files = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/?([^"]+\.js)"/g)].map(
  (match) => match[1],
);
if (files.length === 0) {
  console.error("check-bundle-size: no script found in dist/index.html");
  process.exit(1);
}
let total = 0;
for (const file of files) total += gzipSync(await readFile(join(dist, file))).length;
const kb = total / 1024;
console.log(`Initial JavaScript: ${kb.toFixed(1)} KB gzip in ${files.length} file(s) (budget ${BUDGET_KB} KB)`);
if (kb > BUDGET_KB) {
  console.error(`check-bundle-size: over budget by ${(kb - BUDGET_KB).toFixed(1)} KB; lazy-load more with React.lazy`);
  process.exit(1);
}
