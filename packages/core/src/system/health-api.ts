/** The health check: is the server up, which database it uses, and how many migrations it has run. */
import { z } from "zod";

export const ZHealth = z.object({
  status: z.enum(["ok", "degraded"]),
  database: z.enum(["pglite", "postgres"]),
  version: z.string(),
  migrations: z.number().int(),
});
export type Health = z.infer<typeof ZHealth>;
