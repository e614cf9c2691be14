/**
 * Every repository, built on the database or on one transaction of it. Repositories are the only
 * code that receives Kysely; use cases receive this object (see use-cases/deps.ts) and open a
 * transaction with `repos.transaction`, which hands them the same repositories bound to it and an
 * audit trail written in it.
 */
import type { AuditLog } from "@lantern/core";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { createAccessRepository, createAuditLog } from "./access-repository.ts";
import { createAccountsRepository } from "./accounts-repository.ts";
import { createAmendmentRequestsRepository } from "./amendment-requests-repository.ts";
import { createAuditTrailRepository } from "./audit-trail-repository.ts";
import { createBoilerplateIndexStore } from "./boilerplate-index-store.ts";
import { createCalendarFeedsRepository } from "./calendar-feeds-repository.ts";
import { createCaseFileRepository } from "./case-file-repository.ts";
import { createCommunicationsRepository } from "./communications-repository.ts";
import { createComplaintDraftsRepository } from "./complaint-drafts-repository.ts";
import { createComplianceDashboardRepository } from "./compliance-dashboard-repository.ts";
import { createComplianceRepository } from "./compliance-repository.ts";
import { createDistrictsRepository } from "./districts-repository.ts";
import { createEnforcementPlanSource } from "./enforcement-plan-source.ts";
import { createEnforcementRepository } from "./enforcement-repository.ts";
import { createGoalPatternsRepository } from "./goal-patterns-repository.ts";
import { createInboxRepository } from "./inbox-repository.ts";
import { createLettersRepository } from "./letters-repository.ts";
import { createMailRepository } from "./mail-repository.ts";
import { createMeetingPreparationRepository } from "./meeting-preparation-repository.ts";
import { createNavigatorResultsRepository } from "./navigator-results-repository.ts";
import { createNotificationsRepository } from "./notifications-repository.ts";
import { createPeopleRepository } from "./people-repository.ts";
import { createPlanTranslationsRepository } from "./plan-translations-repository.ts";
import { createPlansRepository } from "./plans-repository.ts";
import { createRecordsRequestsRepository } from "./records-requests-repository.ts";
import { createRetentionRepository } from "./retention-repository.ts";
import { createRosterRepository } from "./roster-repository.ts";
import { createSecondFactorRepository } from "./second-factor-repository.ts";
import { createSessionRepository } from "./session-repository.ts";
import { createSharingRepository } from "./sharing-repository.ts";
import { createSingleSignOnRepository } from "./single-sign-on-repository.ts";
import { createStudentsRepository } from "./students-repository.ts";
import { createSystemRepository } from "./system-repository.ts";

export type RepositoryOptions = {
  /** The due-soon window of a district that has not chosen one (DUE_SOON_DAYS). */
  defaultDueSoonDays: number;
  /** Where links in mail point (PUBLIC_URL, or the server's own address). */
  publicUrl: () => string;
};

/** What a transaction hands its callback: the repositories and the audit trail, bound to it. */
export type TransactionScope = { repos: Repositories; audit: AuditLog };

function build(db: Kysely<Database>, root: Kysely<Database>, options: RepositoryOptions) {
  return {
    access: createAccessRepository(db),
    accounts: createAccountsRepository(db),
    auditTrail: createAuditTrailRepository(db),
    boilerplate: createBoilerplateIndexStore(db, root),
    calendarFeeds: createCalendarFeedsRepository(db),
    caseFile: createCaseFileRepository(db),
    communications: createCommunicationsRepository(db),
    complaintDrafts: createComplaintDraftsRepository(db),
    compliance: createComplianceRepository(db, { root, defaultDueSoonDays: options.defaultDueSoonDays }),
    dashboard: createComplianceDashboardRepository(db),
    districts: createDistrictsRepository(db),
    enforcement: createEnforcementRepository(db),
    enforcementPlans: createEnforcementPlanSource(db),
    goalPatterns: createGoalPatternsRepository(db),
    inbox: createInboxRepository(db),
    letters: createLettersRepository(db),
    mail: createMailRepository(db, options.publicUrl),
    meetingPreparation: createMeetingPreparationRepository(db),
    navigatorResults: createNavigatorResultsRepository(db),
    notifications: createNotificationsRepository(db),
    people: createPeopleRepository(db),
    plans: createPlansRepository(db),
    planTranslations: createPlanTranslationsRepository(db),
    recordsRequests: createRecordsRequestsRepository(db),
    retention: createRetentionRepository(db),
    amendmentRequests: createAmendmentRequestsRepository(db),
    roster: createRosterRepository(db),
    secondFactors: createSecondFactorRepository(db),
    sessions: createSessionRepository(db),
    sharing: createSharingRepository(db),
    singleSignOn: createSingleSignOnRepository(db),
    students: createStudentsRepository(db),
    system: createSystemRepository(db),
  };
}

export type Repositories = ReturnType<typeof build> & {
  /**
   * Run `fn` in one transaction: it commits when `fn` returns and rolls back when it throws.
   * Called inside a transaction, `fn` runs in that one.
   */
  transaction<T>(fn: (scope: TransactionScope) => Promise<T>): Promise<T>;
};

function bind(db: Kysely<Database>, root: Kysely<Database>, options: RepositoryOptions): Repositories {
  const repos: Repositories = {
    ...build(db, root, options),
    transaction: (fn) => {
      if (db.isTransaction) return fn({ repos, audit: createAuditLog(db) });
      return db.transaction().execute((trx) => fn({ repos: bind(trx, root, options), audit: createAuditLog(trx) }));
    },
  };
  return repos;
}

export function createRepositories(db: Kysely<Database>, options: RepositoryOptions): Repositories {
  return bind(db, db, options);
}
