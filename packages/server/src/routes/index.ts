/** Every resource's routes, registered in one place. */
import type { FastifyInstance } from "fastify";
import authRoutes from "./auth/routes.ts";
import complianceRoutes from "./compliance/routes.ts";
import enforcementRoutes from "./enforcement/routes.ts";
import healthRoutes from "./health/routes.ts";
import navigatorRoutes from "./navigator/routes.ts";
import planRoutes from "./plans/routes.ts";
import rosterRoutes from "./roster/routes.ts";
import sharingRoutes from "./sharing/routes.ts";
import studentRoutes from "./students/routes.ts";

export async function registerRoutes(app: FastifyInstance): Promise<void> {
  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(studentRoutes);
  await app.register(planRoutes);
  await app.register(sharingRoutes);
  await app.register(navigatorRoutes);
  await app.register(enforcementRoutes);
  await app.register(complianceRoutes);
  await app.register(rosterRoutes);
}
