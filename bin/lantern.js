#!/usr/bin/env node
// The `lantern` command: runs the TypeScript sources through tsx (Node 20 cannot strip types).
import { register } from "tsx/esm/api";

register();
const { main } = await import("../packages/server/src/cli/main.ts");
await main(process.argv.slice(2));
