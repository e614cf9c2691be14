/**
 * Every address in the app, in one place: the route table matches `patterns`, links are built
 * with `paths`, so a page and the links to it never disagree. Features import addresses from here
 * (never write "/students/…" themselves); a new page adds its pattern and its builder below.
 */

/** The address pattern of every page (`:name` is a parameter). */
export const patterns = {
  home: "/",
  signIn: "/sign-in",
  navigator: "/navigator",
  overview: "/overview",
  compliance: "/compliance",
  addStudent: "/students/new",
  student: "/students/:id",
  studentPlans: "/students/:id/plans",
  studentPlan: "/students/:id/plans/:planId",
  studentPlanEdit: "/students/:id/plans/:planId/edit",
  studentServices: "/students/:id/services",
  studentProgress: "/students/:id/progress",
  caseFile: "/students/:id/case-file",
  serviceWeek: "/services/week",
  serviceFidelity: "/reports/service-fidelity",
  progressBatch: "/progress/batch",
  compensatoryPolicy: "/settings/compensatory-policy",
  roster: "/settings/roster",
  accountSecurity: "/account/security",
  people: "/settings/people",
  auditTrail: "/settings/audit-trail",
  retention: "/settings/retention",
  setPassword: "/set-password",
  forgotPassword: "/forgot-password",
  inbox: "/inbox",
} as const;

export type PagePattern = (typeof patterns)[keyof typeof patterns];

/** The parameters of a matched address (`params.id` for "/students/:id"), as the router gives them. */
export type RouteParams = Readonly<Record<string, string | undefined>>;

/** What the route table gives every page. */
export type PageProps = { params: RouteParams };

/** `pattern` with its parameters filled in order, each encoded. */
function fill(pattern: PagePattern, ...values: string[]): string {
  let next = 0;
  return pattern.replace(/:\w+/g, () => encodeURIComponent(values[next++] ?? ""));
}

/** Links to every page. */
export const paths = {
  home: patterns.home,
  signIn: patterns.signIn,
  navigator: patterns.navigator,
  overview: patterns.overview,
  compliance: patterns.compliance,
  addStudent: patterns.addStudent,
  student: (id: string) => fill(patterns.student, id),
  studentPlans: (id: string) => fill(patterns.studentPlans, id),
  studentPlan: (id: string, planId: string) => fill(patterns.studentPlan, id, planId),
  studentPlanEdit: (id: string, planId: string) => fill(patterns.studentPlanEdit, id, planId),
  studentServices: (id: string) => fill(patterns.studentServices, id),
  studentProgress: (id: string) => fill(patterns.studentProgress, id),
  caseFile: (id: string) => fill(patterns.caseFile, id),
  serviceWeek: patterns.serviceWeek,
  serviceFidelity: patterns.serviceFidelity,
  progressBatch: patterns.progressBatch,
  compensatoryPolicy: patterns.compensatoryPolicy,
  roster: patterns.roster,
  accountSecurity: patterns.accountSecurity,
  people: patterns.people,
  auditTrail: patterns.auditTrail,
  retention: patterns.retention,
  setPassword: patterns.setPassword,
  forgotPassword: patterns.forgotPassword,
  inbox: patterns.inbox,
} as const;

/** Where to go after signing in: only same-app paths, never another site. */
export function safeNextPath(next: string | null | undefined): string {
  if (!next?.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return paths.home;
  return next;
}
