/** Every resource's routes, registered in one place. */
import type { FastifyInstance } from "fastify";
import inboxRoutes from "./accounts/inbox.ts";
import mailOutboxRoutes from "./accounts/mail-outbox.ts";
import passwordRoutes from "./accounts/passwords.ts";
import peopleRoutes from "./accounts/people.ts";
import oidcRoutes from "./auth/oidc.ts";
import authRoutes from "./auth/routes.ts";
import secondFactorRoutes from "./auth/second-factor.ts";
import calendarFeedRoutes from "./compliance/calendar-feed.ts";
import complianceDashboardRoutes from "./compliance/dashboard.ts";
import planComplianceRoutes from "./compliance/plan-compliance.ts";
import complianceSettingsRoutes from "./compliance/settings.ts";
import enforcementRoutes from "./enforcement/routes.ts";
import goalBankRoutes from "./goal-bank/routes.ts";
import healthRoutes from "./health/routes.ts";
import navigatorRoutes from "./navigator/routes.ts";
import meetingPreparationRoutes from "./plans/meeting-preparation.ts";
import planRoutes from "./plans/routes.ts";
import complaintDraftRoutes from "./records/complaint-drafts.ts";
import recordsRoutes from "./records/routes.ts";
import rosterRoutes from "./roster/routes.ts";
import sharingRoutes from "./sharing/routes.ts";
import studentRoutes from "./students/routes.ts";

export async function registerRoutes(app: FastifyInstance): Promise<void> {
  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(secondFactorRoutes);
  await app.register(oidcRoutes);
  await app.register(studentRoutes);
  await app.register(planRoutes);
  await app.register(sharingRoutes);
  await app.register(navigatorRoutes);
  await app.register(enforcementRoutes);
  await app.register(planComplianceRoutes);
  await app.register(complianceDashboardRoutes);
  await app.register(complianceSettingsRoutes);
  await app.register(calendarFeedRoutes);
  await app.register(rosterRoutes);
  await app.register(recordsRoutes);
  await app.register(complaintDraftRoutes);
  await app.register(meetingPreparationRoutes);
  await app.register(goalBankRoutes);
  await app.register(mailOutboxRoutes);
  await app.register(peopleRoutes);
  await app.register(passwordRoutes);
  await app.register(inboxRoutes);
}
