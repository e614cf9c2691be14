/** Addresses of the enforcement pages. */
export const enforcementPaths = {
  serviceWeek: "/services/week",
  serviceFidelity: "/reports/service-fidelity",
  progressBatch: "/progress/batch",
  policy: "/settings/compensatory-policy",
  studentServices: (id: string) => `/students/${encodeURIComponent(id)}/services`,
  studentProgress: (id: string) => `/students/${encodeURIComponent(id)}/progress`,
} as const;
