/**
 * The route table. Each feature page is its own chunk (React.lazy), so the first screen only
 * loads the app frame. To add a page: write `features/<feature>/<name>-page.tsx` with a default
 * export, then add one entry below. `access` decides who may open it:
 * - "public": anyone;
 * - "signed-in": people who are signed in (others are sent to sign-in and brought back);
 * - "signed-out": only visitors who are not signed in (signed-in people go home).
 */
import { Suspense, useRef } from "react";
import { Redirect, Route, Switch, useLocation, useSearch } from "wouter";
import { t } from "../i18n/t.ts";
import { lazyPage, type PreloadablePage } from "./lazy-page.ts";
import { markNavigated } from "./page.tsx";
import { paths, safeNextPath } from "./paths.ts";
import { useSession } from "./session.tsx";

export type RouteParams = Readonly<Record<string, string | undefined>>;

export type AppRoute = {
  path: string;
  access: "public" | "signed-in" | "signed-out";
  page: PreloadablePage<{ params: RouteParams }>;
};

const LandingPage = lazyPage(() => import("../features/landing/landing-page.tsx"));
const HomePage = lazyPage(() => import("../features/home/home-page.tsx"));

export const routes: readonly AppRoute[] = [
  { path: paths.signIn, access: "signed-out", page: lazyPage(() => import("../features/auth/sign-in-page.tsx")) },
  {
    path: "/students/:id",
    access: "signed-in",
    page: lazyPage(() => import("../features/students/student-page.tsx")),
  },
  { path: paths.overview, access: "signed-in", page: lazyPage(() => import("../features/overview/overview-page.tsx")) },
  {
    path: paths.compliance,
    access: "signed-in",
    page: lazyPage(() => import("../features/compliance/compliance-page.tsx")),
  },
  { path: paths.navigator, access: "public", page: lazyPage(() => import("../features/navigator/navigator-page.tsx")) },
  {
    path: "/students/:id/services",
    access: "signed-in",
    page: lazyPage(() => import("../features/enforcement/service-minutes-page.tsx")),
  },
  {
    path: "/students/:id/progress",
    access: "signed-in",
    page: lazyPage(() => import("../features/enforcement/progress-page.tsx")),
  },
  {
    path: "/reports/service-fidelity",
    access: "signed-in",
    page: lazyPage(() => import("../features/enforcement/service-fidelity-page.tsx")),
  },
  {
    path: "/settings/compensatory-policy",
    access: "signed-in",
    page: lazyPage(() => import("../features/enforcement/policy-page.tsx")),
  },
  {
    path: "/progress/batch",
    access: "signed-in",
    page: lazyPage(() => import("../features/enforcement/progress-batch-page.tsx")),
  },
  {
    path: "/services/week",
    access: "signed-in",
    page: lazyPage(() => import("../features/enforcement/service-week-page.tsx")),
  },
  {
    path: "/students/:id/plans",
    access: "signed-in",
    page: lazyPage(() => import("../features/plans/plans-page.tsx")),
  },
  {
    path: "/students/:id/plans/:planId",
    access: "signed-in",
    page: lazyPage(() => import("../features/plans/plan-page.tsx")),
  },
  {
    path: "/students/:id/plans/:planId/edit",
    access: "signed-in",
    page: lazyPage(() => import("../features/plans/plan-editor-page.tsx")),
  },
  { path: paths.roster, access: "signed-in", page: lazyPage(() => import("../features/roster/roster-page.tsx")) },
  // Feature pages are added here, e.g.:
  // { path: "/<address>/:id", access: "signed-in", page: lazyPage(() => import("../features/<feature>/<name>-page.tsx")) },
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
    return <Redirect to={`${paths.signIn}?next=${encodeURIComponent(next)}`} replace />;
  }
  if (route.access === "signed-out" && session.user) {
    return <Redirect to={safeNextPath(new URLSearchParams(search).get("next"))} replace />;
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
