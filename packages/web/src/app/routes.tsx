/**
 * The route table. Each page is its own chunk (React.lazy), so the first screen only loads the app
 * frame. To add a page: add its address to `paths.ts`, write `features/<feature>/<name>-page.tsx`
 * with a default export (or, when the page shows parts of several features, `pages/<name>-page.tsx`
 * here in app/, which passes one feature's parts to another's page), then add one entry below. `access` decides who may open it:
 * - "public": anyone;
 * - "signed-in": people who are signed in (others are sent to sign-in and brought back);
 * - "signed-out": only visitors who are not signed in (signed-in people go home).
 */
import {
  type Actor,
  decideDashboardScope,
  districtSettingsRole,
  peopleAdminScope,
  reportScopeFor,
  type SessionUser,
  studentIntakeGrants,
} from "@lantern/core";
import { Suspense, useRef } from "react";
import { Redirect, Route, Switch, useLocation, useSearch } from "wouter";
import { t } from "../i18n/t.ts";
import { lazyPage, type PreloadablePage } from "./lazy-page.ts";
import { NotForYouPage } from "./not-for-you-page.tsx";
import { markNavigated } from "./page.tsx";
import { type PagePattern, type PageProps, paths, patterns, type RouteParams, safeNextPath } from "./paths.ts";
import { useSession } from "./session.tsx";

export type AppRoute = {
  path: PagePattern;
  access: "public" | "signed-in" | "signed-out";
  page: PreloadablePage<PageProps>;
  /**
   * Who a signed-in page is for, decided by core's access policies (the server asks the same).
   * Anyone else reads a plain "this page is for …" message with a link home, and the page is never
   * loaded, so it makes no request the person may not make. Without it: everyone signed in.
   */
  audience?: Audience;
};

/** The people a page is for: who they are, in words (`forWhom`), and the policy's test. */
export type Audience = {
  forWhom: "staff" | "administrators" | "district-administrators" | "intake";
  may(actor: Actor): boolean;
};

const FAMILY_ROLES: ReadonlySet<string> = new Set(["guardian", "advocate"]);

/** Any school or district staff role (not a guardian or an advocate). */
const STAFF: Audience = { forWhom: "staff", may: (actor) => actor.roles.some((r) => !FAMILY_ROLES.has(r.role)) };
/** The compliance dashboards: district, school or caseload (core's dashboard scope). */
const DASHBOARD: Audience = { forWhom: "staff", may: (actor) => decideDashboardScope(actor).allowed };
/** District and school reports (core's report scope). */
const REPORTS: Audience = { forWhom: "administrators", may: (actor) => reportScopeFor(actor) !== null };
/** Managing people's accounts (core's people policy). */
const PEOPLE: Audience = { forWhom: "administrators", may: (actor) => peopleAdminScope(actor) !== null };
/** What the district's administrators maintain: the roster, the audit trail, retention. */
const DISTRICT_ADMIN: Audience = {
  forWhom: "district-administrators",
  may: (actor) => districtSettingsRole(actor, "change") !== null,
};
/** The district's settings, which staff may read. */
const SETTINGS_READERS: Audience = {
  forWhom: "staff",
  may: (actor) => districtSettingsRole(actor, "read") !== null,
};
/** Adding a student (core's student intake policy). */
const INTAKE: Audience = { forWhom: "intake", may: (actor) => studentIntakeGrants(actor).length > 0 };

/** Whether the signed-in `user` is someone `audience` names (true when the page has no audience). */
export function isForUser(audience: Audience | undefined, user: SessionUser): boolean {
  return audience === undefined || audience.may({ personId: user.id, roles: user.roles });
}

const LandingPage = lazyPage(() => import("../features/landing/landing-page.tsx"));
const HomePage = lazyPage(() => import("./pages/home-page.tsx"));

export const routes: readonly AppRoute[] = [
  { path: patterns.signIn, access: "signed-out", page: lazyPage(() => import("../features/auth/sign-in-page.tsx")) },
  {
    path: patterns.addStudent,
    access: "signed-in",
    audience: INTAKE,
    page: lazyPage(() => import("../features/students/add-student-page.tsx")),
  },
  { path: patterns.student, access: "signed-in", page: lazyPage(() => import("./pages/student-page.tsx")) },
  {
    path: patterns.overview,
    access: "signed-in",
    audience: STAFF,
    page: lazyPage(() => import("../features/overview/overview-page.tsx")),
  },
  {
    path: patterns.compliance,
    access: "signed-in",
    audience: DASHBOARD,
    page: lazyPage(() => import("./pages/compliance-page.tsx")),
  },
  {
    path: patterns.navigator,
    access: "public",
    page: lazyPage(() => import("../features/navigator/navigator-page.tsx")),
  },
  {
    path: patterns.studentServices,
    access: "signed-in",
    page: lazyPage(() => import("../features/enforcement/service-minutes-page.tsx")),
  },
  {
    path: patterns.studentProgress,
    access: "signed-in",
    page: lazyPage(() => import("../features/enforcement/progress-page.tsx")),
  },
  {
    path: patterns.serviceFidelity,
    access: "signed-in",
    audience: REPORTS,
    page: lazyPage(() => import("../features/enforcement/service-fidelity-page.tsx")),
  },
  {
    path: patterns.compensatoryPolicy,
    access: "signed-in",
    audience: SETTINGS_READERS,
    page: lazyPage(() => import("../features/enforcement/policy-page.tsx")),
  },
  {
    path: patterns.progressBatch,
    access: "signed-in",
    audience: STAFF,
    page: lazyPage(() => import("../features/enforcement/progress-batch-page.tsx")),
  },
  {
    path: patterns.serviceWeek,
    access: "signed-in",
    audience: STAFF,
    page: lazyPage(() => import("../features/enforcement/service-week-page.tsx")),
  },
  {
    path: patterns.studentPlans,
    access: "signed-in",
    page: lazyPage(() => import("../features/plans/plans-page.tsx")),
  },
  { path: patterns.studentPlan, access: "signed-in", page: lazyPage(() => import("../features/plans/plan-page.tsx")) },
  { path: patterns.studentPlanEdit, access: "signed-in", page: lazyPage(() => import("./pages/plan-editor-page.tsx")) },
  {
    path: patterns.caseFile,
    access: "signed-in",
    page: lazyPage(() => import("../features/records/case-file-page.tsx")),
  },
  {
    path: patterns.accountSecurity,
    access: "signed-in",
    page: lazyPage(() => import("../features/auth/second-factor-page.tsx")),
  },
  {
    path: patterns.roster,
    access: "signed-in",
    audience: DISTRICT_ADMIN,
    page: lazyPage(() => import("../features/roster/roster-page.tsx")),
  },
  {
    path: patterns.people,
    access: "signed-in",
    audience: PEOPLE,
    page: lazyPage(() => import("../features/accounts/people-page.tsx")),
  },
  {
    path: patterns.auditTrail,
    access: "signed-in",
    audience: DISTRICT_ADMIN,
    page: lazyPage(() => import("../features/audit/audit-trail-page.tsx")),
  },
  {
    path: patterns.retention,
    access: "signed-in",
    audience: DISTRICT_ADMIN,
    page: lazyPage(() => import("../features/retention/retention-page.tsx")),
  },
  {
    path: patterns.setPassword,
    access: "public",
    page: lazyPage(() => import("../features/accounts/set-password-page.tsx")),
  },
  {
    path: patterns.forgotPassword,
    access: "signed-out",
    page: lazyPage(() => import("../features/accounts/forgot-password-page.tsx")),
  },
  { path: patterns.inbox, access: "signed-in", page: lazyPage(() => import("../features/accounts/inbox-page.tsx")) },
  // A page that shows one feature: lazyPage(() => import("../features/<feature>/<name>-page.tsx")).
  // A page that composes several features: write it in app/pages/ and lazy-load it from there.
];

const NotFoundPage = lazyPage(() => import("./not-found-page.tsx"));

/** Does `pattern` ("/students/:id/plans") match `pathname`? */
function matches(pattern: string, pathname: string): boolean {
  const want = pattern.split("/");
  const have = pathname.replace(/\/+$/, "").split("/");
  if (pattern === "/") return pathname === "/";
  return want.length === have.length && want.every((part, i) => part.startsWith(":") || part === have[i]);
}

/**
 * Fetch the chunk of the page at `pathname` (at start-up, while the session loads); settles when
 * it is in, or failed. "/" is the home page for people signed in and the landing page for
 * visitors: both are fetched.
 */
export function preloadPageFor(pathname: string): Promise<void> {
  const pages =
    pathname === paths.home
      ? [HomePage, LandingPage]
      : [routes.find((r) => matches(r.path, pathname))?.page ?? NotFoundPage];
  return Promise.all(pages.map((p) => p.preload())).then(
    () => {},
    () => {},
  );
}
export function Loading() {
  return (
    <p className="loading" role="status">
      {t("app.loading")}
    </p>
  );
}

function Guarded({ route, params }: { route: AppRoute; params: RouteParams }) {
  const session = useSession();
  const [location] = useLocation();
  const search = useSearch();
  if (session.status === "loading") return <Loading />;
  if (route.access === "signed-in" && !session.user) {
    const next = `${location}${search ? `?${search}` : ""}`;
    const ended = session.status === "ready" && session.ended ? "&ended=1" : "";
    return <Redirect to={`${paths.signIn}?next=${encodeURIComponent(next)}${ended}`} replace />;
  }
  if (route.access === "signed-out" && session.user) {
    return <Redirect to={safeNextPath(new URLSearchParams(search).get("next"))} replace />;
  }
  if (session.user && !isForUser(route.audience, session.user)) {
    return <NotForYouPage forWhom={route.audience?.forWhom ?? "staff"} user={session.user} />;
  }
  const PageComponent = route.page;
  return <PageComponent params={params} />;
}

/** "/" is the landing page for visitors and the role's home page for people signed in. */
function Home() {
  const session = useSession();
  if (session.status === "loading") return <Loading />;
  return session.user ? <HomePage /> : <LandingPage />;
}

export function AppRoutes() {
  const [location] = useLocation();
  const first = useRef(location);
  if (location !== first.current) markNavigated();
  return (
    <Suspense fallback={<Loading />}>
      {/* keyed by address: a new page mounts fresh, so its heading takes focus */}
      <Switch key={location}>
        <Route path={paths.home}>
          <Home />
        </Route>
        {routes.map((route) => (
          <Route key={route.path} path={route.path}>
            {(params: RouteParams) => <Guarded route={route} params={params} />}
          </Route>
        ))}
        <Route>
          <NotFoundPage />
        </Route>
      </Switch>
    </Suspense>
  );
}
