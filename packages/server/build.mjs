// Build the server for production: the `lantern` command (server, core, seeds) as one JavaScript
// bundle, each migration as its own file, and the embedded database's worker beside them, in
// packages/server/dist. Packages from node_modules stay imports (they are JavaScript already);
// @lantern/core, whose package points at its TypeScript source, is compiled into the bundle.
// Run by `npm run build` (and so by `npm start`) and before the server's tests.
import { copyFileSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "dist");

/**
 * Bare imports that Node resolves from the bundle's folder stay imports (one copy of each package,
 * shared with everything else that imports it); the workspace's own TypeScript packages, and
 * packages only they can resolve (core's own dependencies), are compiled into the bundle.
 */
const fromDist = createRequire(join(here, "dist", "lantern.js"));
const externalPackages = {
  name: "external-packages",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith("@lantern/") || args.path.startsWith("node:")) {
        return args.path.startsWith("node:") ? { path: args.path, external: true } : undefined;
      }
      try {
        fromDist.resolve(args.path);
        return { path: args.path, external: true };
      } catch (error) {
        // An ESM-only package without a "require" export still resolves for import: keep it external.
        if (error?.code === "ERR_PACKAGE_PATH_NOT_EXPORTED") return { path: args.path, external: true };
        return undefined;
      }
    });
  },
};

export async function buildServer() {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const common = {
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20.19",
    sourcemap: "linked",
    logLevel: "warning",
    plugins: [externalPackages],
  };
  await build({ ...common, entryPoints: [join(here, "src/cli/main.ts")], outfile: join(out, "lantern.js") });
  const migrations = readdirSync(join(here, "migrations")).filter((f) => /^\d{4}-[a-z0-9-]+\.ts$/.test(f));
  await build({
    ...common,
    entryPoints: migrations.map((f) => join(here, "migrations", f)),
    outdir: join(out, "migrations"),
    sourcemap: false,
  });
  copyFileSync(join(here, "src/db/pglite-worker.js"), join(out, "pglite-worker.js"));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  await buildServer();
  process.stdout.write(`Built packages/server/dist in ${Math.round(performance.now() - started)} ms\n`);
}
