export { buildApp } from "./app.ts";
export { parseConfig } from "./config.ts";
export { openDatabase, openPglite, openPostgres } from "./db/database.ts";
export { migrateToLatest } from "./db/migrate.ts";
export { startServer } from "./server.ts";
