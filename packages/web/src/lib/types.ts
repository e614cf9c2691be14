/** Shapes of the API responses the app shell uses. Feature-specific shapes live in `features/<feature>/api.ts`. */
import type { Role } from "@lantern/core";

export type { Role };

export type SessionRole = {
  role: Role;
  districtId: string;
  schoolId?: string | null;
  studentIds?: string[];
};

export type SessionUser = {
  id: string;
  name: string;
  email: string;
  roles: SessionRole[];
  homeRole: Role;
};

export type SessionResponse = { user: SessionUser | null; csrfToken: string };

export type HealthResponse = { status: "ok"; database: "pglite" | "postgres"; version: string };
