/** The names of people's roles in Lantern (`roles.ts`). English; the web translates them under `label.role.<role>`. */
import type { Role } from "./roles.ts";

export const ROLE_LABELS: Record<Role, string> = {
  "district-admin": "District administrator",
  "school-admin": "School administrator",
  "case-manager": "Case manager",
  "section-504-coordinator": "Section 504 coordinator",
  teacher: "Teacher",
  "related-service-provider": "Related service provider",
  guardian: "Parent or guardian",
  advocate: "Advocate",
};
