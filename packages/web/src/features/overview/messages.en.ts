/** Strings for the administrators' overview (the compliance dashboards build on this page). */
export const messages = {
  "overview.title": "Overview",
  "overview.body": "A summary of plans, deadlines and services across your schools will appear here.",
} as const;
