#!/usr/bin/env node
// The `lantern` command: the compiled server (`npm run build` writes packages/server/dist; `npm
// start` builds first). Production runs JavaScript only, never the TypeScript compiler.
import { existsSync } from "node:fs";

const compiled = new URL("../packages/server/dist/lantern.js", import.meta.url);
if (!existsSync(compiled)) {
  process.stderr.write("lantern: the server is not built yet: run npm run build (npm start builds it too)\n");
  process.exit(1);
}
const { main } = await import(compiled.href);
await main(process.argv.slice(2));
