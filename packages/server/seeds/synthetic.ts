/** The synthetic district for scale tests and benchmarks (built by `lantern seed --synthetic`). */
import type { Kysely } from "kysely";
import type { Database } from "../src/db/schema.ts";

export type SyntheticOptions = { students: number; seed: number; today: string; progress: boolean };

export async function seedSynthetic(_db: Kysely<Database>, _options: SyntheticOptions): Promise<void> {
  throw new Error("The synthetic district generator is not available yet");
}
