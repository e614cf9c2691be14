/** Every address in the app, in one place, so links and routes never disagree. */
export const paths = {
  home: "/",
  signIn: "/sign-in",
  navigator: "/navigator",
  overview: "/overview",
  compliance: "/compliance",
  student: (id: string) => `/students/${encodeURIComponent(id)}`,
  studentPlans: (id: string) => `/students/${encodeURIComponent(id)}/plans`,
  studentPlan: (id: string, planId: string) =>
    `/students/${encodeURIComponent(id)}/plans/${encodeURIComponent(planId)}`,
  studentServices: (id: string) => `/students/${encodeURIComponent(id)}/services`,
  studentProgress: (id: string) => `/students/${encodeURIComponent(id)}/progress`,
  serviceWeek: "/services/week",
  roster: "/settings/roster",
} as const;

/** Where to go after signing in: only same-app paths, never another site. */
export function safeNextPath(next: string | null | undefined): string {
  if (!next?.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return paths.home;
  return next;
}
