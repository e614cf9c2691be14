/** Build packages/server/dist (see build.mjs). */
export function buildServer(): Promise<void>;
