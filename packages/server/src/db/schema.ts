/**
 * The database as Kysely sees it: every table, one type. A migration that adds or changes a table
 * changes its type here too. Generated columns (defaults) are typed as Generated so inserts may
 * omit them; JSON columns read as their parsed value and are written as JSON text.
 */
import type {
  Letter,
  LetterKind,
  LetterRequest,
  NavigatorFacts,
  NavigatorResult,
  PlanAccommodationSignature,
} from "@lantern/core";
import type { ColumnType, Generated } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T = unknown> = ColumnType<T, string, string>;
/** A `date` column: both drivers give "YYYY-MM-DD" (see database.ts). */
type DateColumn = ColumnType<string, string, string>;

export type AppMetaTable = { key: string; value: Json; updated_at: Generated<Date> };

export type DistrictsTable = {
  id: Generated<string>;
  name: string;
  state: string;
  time_zone: Generated<string>;
  settings: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_at: Timestamp;
};

export type SchoolsTable = {
  id: Generated<string>;
  district_id: string;
  name: string;
  /** The school's code in the district's SIS (migration 0008); unique within the district. */
  code: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
};

export type PeopleTable = {
  id: Generated<string>;
  first_name: string;
  last_name: string;
  email: string;
  password_hash: string | null;
  preferred_language: Generated<string>;
  created_at: Timestamp;
  disabled_at: Date | null;
  /** Notifications by email as well as in the app (migration 0041). */
  email_notifications: Generated<boolean>;
  /** A related-service provider's discipline: a core service area code, or null (migration 0119). */
  discipline: Generated<string | null>;
};

export type RoleAssignmentsTable = {
  id: Generated<string>;
  person_id: string;
  role: string;
  district_id: string;
  school_id: string | null;
  created_at: Timestamp;
};

export type StudentsTable = {
  id: Generated<string>;
  district_id: string;
  school_id: string;
  local_id: string | null;
  first_name: string;
  last_name: string;
  date_of_birth: string;
  grade: string;
  created_at: Timestamp;
};

export type GuardianshipsTable = {
  student_id: string;
  person_id: string;
  relationship: Generated<string>;
  created_at: Timestamp;
  /** The guardian's preferred language, a code such as "es"; null: not recorded (migration 0101). */
  language: ColumnType<string | null, string | null | undefined, string | null>;
  /** The guardian needs an interpreter at meetings (migration 0101). */
  interpreter_needed: Generated<boolean>;
};

export type AdvocateLinksTable = {
  student_id: string;
  advocate_id: string;
  linked_by: string;
  created_at: Timestamp;
  revoked_at: Date | null;
};

export type CaseloadMembersTable = { person_id: string; student_id: string; role: string; created_at: Timestamp };
export type ClassesTable = { id: Generated<string>; school_id: string; name: string; teacher_id: string };
export type ClassEnrollmentsTable = { class_id: string; student_id: string };

export type SessionsTable = {
  id: string;
  person_id: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  /** Minutes without activity after which the session ends (migration 0016). */
  idle_minutes: Generated<number>;
  /** How the session was signed in (migration 0075): password, password+totp, oidc, oidc+totp. */
  sign_in_method: Generated<string>;
};

/** A person's authenticator-app secret (migration 0075); usable once confirmed with a first code. */
export type SecondFactorsTable = {
  person_id: string;
  secret: string;
  confirmed_at: Timestamp | null;
  /** The last TOTP time step accepted: a code of that step or an earlier one is refused. */
  last_used_step: number | null;
  created_at: Generated<Timestamp>;
};

/** A started single sign-on (migration 0076): the state's SHA-256, the PKCE verifier and the nonce. */
export type SingleSignOnStartsTable = {
  id: string;
  code_verifier: string;
  nonce: string;
  expires_at: Timestamp;
};

export type RecoveryCodesTable = {
  id: Generated<number>;
  person_id: string;
  code_hash: string;
  used_at: Timestamp | null;
};

/** Password (or single sign-on) accepted, second factor still to come: the token's SHA-256. */
export type PendingSignInsTable = {
  id: string;
  person_id: string;
  purpose: "verify" | "enrol";
  method: "password" | "oidc";
  expires_at: Timestamp;
  created_at: Generated<Timestamp>;
};

export type LoginAttemptsTable = { key: string; attempted_at: Timestamp };

export type RecordOfAccessTable = {
  id: Generated<number>;
  accessed_at: Timestamp;
  person_id: string;
  student_id: string;
  record: string;
  action: string;
  purpose: string;
  basis: string;
  request_id: string | null;
};

export type AuditEventsTable = {
  id: Generated<number>;
  occurred_at: Timestamp;
  action: string;
  person_id: string | null;
  student_id: string | null;
  subject: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, never>;
  request_id: string | null;
};

/** Enforcement (migration 0004): sessions logged against plan services, progress data, district policy. */
export type ServiceSessionsTable = {
  id: Generated<string>;
  district_id: string;
  school_id: string;
  student_id: string;
  service_id: string;
  session_date: ColumnType<string, string, string>;
  slot: Generated<number>;
  minutes: number;
  delivery: string;
  status: string;
  note: string | null;
  provider_id: string;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type ProgressDataPointsTable = {
  id: Generated<string>;
  district_id: string;
  school_id: string;
  student_id: string;
  goal_id: string;
  point_date: ColumnType<string, string, string>;
  value: number;
  note: string | null;
  recorded_by: string;
  created_at: Timestamp;
};

export type CompensatoryPoliciesTable = {
  district_id: string;
  owed_reasons: ColumnType<string[], string[] | undefined, string[]>;
  behind_schedule_threshold: ColumnType<number, number | undefined, number>;
  updated_by: string | null;
  updated_at: Timestamp;
};

/** Kysely's own record of the migrations run (health reports how many). */
export type KyselyMigrationTable = { name: string; timestamp: string };

export type Database = {
  kysely_migration: KyselyMigrationTable;
  app_meta: AppMetaTable;
  districts: DistrictsTable;
  schools: SchoolsTable;
  people: PeopleTable;
  role_assignments: RoleAssignmentsTable;
  students: StudentsTable;
  guardianships: GuardianshipsTable;
  advocate_links: AdvocateLinksTable;
  caseload_members: CaseloadMembersTable;
  classes: ClassesTable;
  class_enrollments: ClassEnrollmentsTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  second_factors: SecondFactorsTable;
  recovery_codes: RecoveryCodesTable;
  pending_sign_ins: PendingSignInsTable;
  single_sign_on_starts: SingleSignOnStartsTable;
  record_of_access: RecordOfAccessTable;
  audit_events: AuditEventsTable;
  plans: PlansTable;
  plan_versions: PlanVersionsTable;
  plan_meetings: PlanMeetingsTable;
  plan_signatures: PlanSignaturesTable;
  plan_signature_scans: PlanSignatureScansTable;
  service_sessions: ServiceSessionsTable;
  progress_data_points: ProgressDataPointsTable;
  compensatory_policies: CompensatoryPoliciesTable;
  navigator_results: NavigatorResultsTable;
  family_letters: FamilyLettersTable;
  records_requests: RecordsRequestsTable;
  records_request_events: RecordsRequestEventsTable;
  amendment_requests: AmendmentRequestsTable;
  plan_translations: PlanTranslationsTable;
  amendment_request_events: AmendmentRequestEventsTable;
  communications: CommunicationsTable;
  complaint_drafts: ComplaintDraftsTable;
  meeting_preparations: MeetingPreparationsTable;
  shared_drafts: SharedDraftsTable;
  draft_comments: DraftCommentsTable;
  district_calendars: DistrictCalendarsTable;
  compliance_settings: ComplianceSettingsTable;
  plan_compliance: PlanComplianceTable;
  plan_findings: PlanFindingsTable;
  plan_deadlines: PlanDeadlinesTable;
  compliance_revisions: ComplianceRevisionsTable;
  compliance_snapshots: ComplianceSnapshotsTable;
  compliance_queue: ComplianceQueueTable;
  calendar_feeds: CalendarFeedsTable;
  boilerplate_revisions: BoilerplateRevisionsTable;
  goal_patterns: GoalPatternsTable;
  mail_outbox: MailOutboxTable;
  account_tokens: AccountTokensTable;
  pending_guardian_links: PendingGuardianLinksTable;
  notifications: NotificationsTable;
  retention_schedules: RetentionSchedulesTable;
  destruction_offers: DestructionOffersTable;
  destruction_requests: DestructionRequestsTable;
  notification_digests: NotificationDigestsTable;
  service_behind_notices: ServiceBehindNoticesTable;
};

/** Plans (migration 0002): plans, their versions (sealed once signed), meetings and signatures. */
export type PlansTable = {
  id: Generated<string>;
  student_id: string;
  district_id: string;
  school_id: string;
  type: string;
  status: Generated<string>;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  current_version_id: string | null;
  in_effect_version_id: string | null;
  effective_from: DateColumn | null;
  effective_to: DateColumn | null;
  ended_on: DateColumn | null;
  ended_reason: string | null;
  ended_citation: string | null;
};

export type PlanVersionsTable = {
  id: Generated<string>;
  plan_id: string;
  number: number;
  parent_version_id: string | null;
  content: Json;
  status: Generated<string>;
  revision: Generated<number>;
  sealed_at: Timestamp | null;
  content_sha256: string | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  updated_by: string | null;
};

export type PlanMeetingsTable = {
  id: Generated<string>;
  plan_id: string;
  version_id: string;
  scheduled_at: ColumnType<Date, Date | string, Date | string>;
  location: Generated<string>;
  purpose: Generated<string>;
  meeting_type: string | null;
  notice_sent_on: DateColumn | null;
  notice: Json | null;
  attendees: Json;
  excusals: Json;
  attendance: Json;
  attendance_recorded_at: Timestamp | null;
  notes: Generated<string>;
  parent_contact_attempts: Json;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type PlanSignaturesTable = {
  id: Generated<string>;
  version_id: string;
  attendee_id: string;
  role: string;
  method: string;
  signature_text: Generated<string>;
  drawing: string | null;
  meaning: Generated<string>;
  signer_person_id: string;
  signed_at: Timestamp;
  consent_choice: string | null;
  consent_exclusions: Json;
  /** Migration 0030: an attested legal name, the signer's sign-in method, and for paper who entered it and the date on the page. */
  legal_name: string | null;
  sign_in_method: string | null;
  entered_by: string | null;
  paper_signed_on: DateColumn | null;
};

/** The scanned page of a signature given on paper (migration 0030); append-only. */
export type PlanSignatureScansTable = {
  signature_id: string;
  content_type: string;
  byte_size: number;
  sha256: string;
  file_name: string;
  data: ColumnType<Uint8Array, Uint8Array, never>;
  uploaded_by: string;
  uploaded_at: Generated<Timestamp>;
};

/** Saved navigator results (migration 0006): append-only rows per student. */
export type NavigatorResultsTable = {
  id: Generated<string>;
  student_id: string;
  saved_by: string;
  saved_at: ColumnType<Date, Date | string | undefined, never>;
  recommendation: string;
  likely: string | null;
  facts: ColumnType<NavigatorFacts, string, never>;
  result: ColumnType<NavigatorResult, string, never>;
};

/** Letters a family saved to the child's record (migration 0015): append-only rows per student. */
export type FamilyLettersTable = {
  id: Generated<string>;
  student_id: string;
  saved_by: string;
  saved_at: ColumnType<Date, Date | string | undefined, never>;
  kind: LetterKind;
  letter_date: ColumnType<string, string, never>;
  subject: string;
  request: ColumnType<LetterRequest, string, never>;
  letter: ColumnType<Letter, string, never>;
};

/** Compliance (migrations 0003, 0007, 0009, 0011): stored results per plan, district settings and calendars. */
export type DistrictCalendarsTable = {
  district_id: string;
  calendar: Json<unknown>;
  updated_by: string | null;
  updated_at: Timestamp;
};

export type ComplianceSettingsTable = {
  district_id: string;
  due_soon_days: Generated<number>;
  section504_reevaluation_years: Generated<number>;
  boilerplate_min_students: Generated<number>;
  updated_by: string | null;
  updated_at: Timestamp;
};

export type PlanComplianceTable = {
  plan_id: string;
  version_id: string | null;
  district_id: string;
  school_id: string;
  student_id: string;
  plan_type: string;
  plan_status: string;
  plan_updated_at: Timestamp;
  version_updated_at: Date | null;
  computed_for: DateColumn;
  recheck_on: DateColumn | null;
  computed_at: Timestamp;
  error_count: number;
  warning_count: number;
  info_count: number;
  accommodation_signature: Json<PlanAccommodationSignature | null>;
  /** Findings counted by `code|severity` (migration 0011), for dashboards. */
  finding_counts: Json<Record<string, number>>;
};

export type PlanFindingsTable = {
  id: Generated<number>;
  plan_id: string;
  district_id: string;
  school_id: string;
  student_id: string;
  code: string;
  severity: string;
  citation: string;
  message: string;
  place: string;
  fix: string;
};

export type PlanDeadlinesTable = {
  id: Generated<number>;
  plan_id: string;
  district_id: string;
  school_id: string;
  student_id: string;
  kind: string;
  code: string;
  citation: string;
  label: string;
  due_date: DateColumn;
  start_date: DateColumn | null;
  met_on: DateColumn | null;
  basis: string;
  notes: ColumnType<string[], string | undefined, string>;
};

export type ComplianceRevisionsTable = {
  district_id: string;
  revision: ColumnType<number, number | undefined, number>;
};

/** One row per district (school_id null) or school and day: a dashboard's headline counts, for trends. */
export type ComplianceSnapshotsTable = {
  district_id: string;
  school_id: string | null;
  day: DateColumn;
  plans: number;
  plans_with_errors: number;
  overdue: number;
  due_soon: number;
};

/** Plans whose stored results are out of date; the database's triggers fill it (migrations 0009, 0013). */
export type ComplianceQueueTable = {
  plan_id: string;
  district_id: string;
  school_id: string;
  student_id: string;
  queued_at: Timestamp;
};

export type CalendarFeedsTable = {
  id: Generated<string>;
  person_id: string;
  token_sha256: string;
  created_at: Timestamp;
  revoked_at: Date | null;
};

export type BoilerplateRevisionsTable = {
  school_id: string;
  revision: ColumnType<number, number | undefined, number>;
};

/** Records requests and their history (migration 0060): append-only. */
export type RecordsRequestsTable = {
  id: Generated<string>;
  student_id: string;
  channel: string;
  received_on: DateColumn;
  requester: string;
  requested_by: string | null;
  scope: Generated<string>;
  created_by: string;
  created_at: Timestamp;
};

export type RecordsRequestEventsTable = {
  id: Generated<string>;
  request_id: string;
  kind: string;
  occurred_on: DateColumn;
  person_id: string;
  note: Generated<string>;
  created_at: Timestamp;
};

/** A district's own measurable goal patterns (migration 0025); removed ones are kept, marked. */
export type GoalPatternsTable = {
  id: Generated<string>;
  district_id: string;
  area: string;
  title: string;
  skill: string;
  unit: string;
  direction: "increase" | "decrease";
  criterion: string;
  measurement_method: string;
  created_by: string;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  removed_by: string | null;
  removed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
};

/** A file sent with a message (an ICS invitation): text content, as nodemailer takes it. */
export type MailAttachment = { filename: string; contentType: string; content: string };

/** The mail outbox (migration 0040; decision 0009): a row per message, until it is sent. */
export type MailOutboxTable = {
  id: Generated<string>;
  district_id: string | null;
  kind: string;
  to_address: string;
  subject: string;
  text_body: string;
  attachments: ColumnType<MailAttachment[], string | undefined, string>;
  created_at: Timestamp;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  last_error: string | null;
  sent_at: Date | null;
};

/** One-time links to set a password (migration 0041): only the token's SHA-256 is kept. */
export type AccountTokensTable = {
  id: string;
  person_id: string;
  kind: "invitation" | "password-reset";
  created_by: string | null;
  created_at: Timestamp;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
};

/** A guardian link waiting for the person's acceptance (migration 0041). */
export type PendingGuardianLinksTable = {
  id: Generated<string>;
  student_id: string;
  person_id: string;
  district_id: string;
  relationship: Generated<string>;
  created_by: string | null;
  created_at: Timestamp;
  decided_at: Date | null;
  accepted: boolean | null;
};

/** A person's in-app inbox (migration 0041). */
export type NotificationsTable = {
  id: Generated<string>;
  person_id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  created_at: Timestamp;
  read_at: Date | null;
};

/** The day a district's daily digest went out (migration 0097): one row per district and day. */
export type NotificationDigestsTable = { district_id: string; day: string; sent_at: Generated<Date> };

/** Services already reported as behind schedule (migration 0097), forgotten when they catch up. */
export type ServiceBehindNoticesTable = { student_id: string; service_id: string; since: string };

/** The communication log (migration 0061): append-only. */
export type CommunicationsTable = {
  id: Generated<string>;
  student_id: string;
  occurred_on: DateColumn;
  mode: string;
  with_whom: string;
  summary: string;
  logged_by: string;
  logged_at: Timestamp;
};

/** Retention and destruction (migration 0085; 34 CFR 300.624). */
export type RetentionSchedulesTable = {
  district_id: string;
  record_type: string;
  years: number;
  updated_by: string | null;
  updated_at: Generated<Date>;
};

export type DestructionOffersTable = {
  id: Generated<string>;
  district_id: string;
  student_id: string;
  record_type: string;
  before: DateColumn;
  noticed_at: Generated<Date>;
  noticed_by: string;
  destroyed_at: Date | null;
  destroyed_by: string | null;
  destroyed_count: number | null;
};

export type DestructionRequestsTable = {
  id: Generated<string>;
  district_id: string;
  student_id: string;
  requested_by: string;
  requested_at: Generated<Date>;
  record_types: ColumnType<string[], string[], string[]>;
  reason: Generated<string>;
  status: Generated<string>;
  status_note: Generated<string>;
  decided_by: string | null;
  decided_at: Date | null;
};

/** A family's state complaint drafts (migration 0095): the family's own, never staff's. */
export type ComplaintDraftsTable = {
  id: Generated<string>;
  student_id: string;
  created_by: string;
  evidence: Json;
  text: Json;
  revision: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  updated_by: string;
};

/** The family's concerns and questions for a meeting, and its recording notice (migration 0096). */
export type MeetingPreparationsTable = {
  meeting_id: string;
  student_id: string;
  concerns: Generated<string>;
  questions: Generated<string>;
  will_audio_record: Generated<boolean>;
  recording_notice_given_at: Date | null;
  recording_notice: string | null;
  updated_by: string;
  updated_at: Timestamp;
};

/** A frozen copy of a draft shared with the family before a meeting (migration 0096): append-only. */
export type SharedDraftsTable = {
  id: Generated<string>;
  student_id: string;
  meeting_id: string;
  plan_id: string;
  version_id: string;
  version_number: number;
  items: Json;
  shared_by: string;
  shared_at: Timestamp;
};

/** Comments on a shared draft's items, and the team's answers (migration 0096): append-only. */
export type DraftCommentsTable = {
  id: Generated<string>;
  share_id: string;
  student_id: string;
  item_kind: string;
  item_id: string;
  answers_id: string | null;
  body: string;
  written_by: string;
  written_at: Timestamp;
};

/** Requests to amend a record (migration 0100): append-only. */
export type AmendmentRequestsTable = {
  id: Generated<string>;
  student_id: string;
  requested_on: DateColumn;
  requested_by: string;
  record: string;
  problem: string;
  explanation: string;
  proposed: string;
  created_at: Timestamp;
};

/** A request's history after it was made (migration 0100): append-only. */
export type AmendmentRequestEventsTable = {
  id: Generated<string>;
  request_id: string;
  kind: string;
  occurred_on: DateColumn;
  person_id: string;
  text: Generated<string>;
  decide_by: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
};

/** Human translations of a plan's free-text fields (migration 0121): append-only; the latest per field and language counts. */
export type PlanTranslationsTable = {
  id: Generated<string>;
  plan_id: string;
  version_id: string;
  field: string;
  language: string;
  text: string;
  source_text: string;
  translated_by: string;
  translated_by_name: string;
  translated_at: Timestamp;
};
