/** Shapes of the API responses the app shell uses. Feature-specific shapes live in `features/<feature>/api.ts`. */
import type { Role, SessionResponse, SessionUser } from "@lantern/core";

/** Derived from core's schemas, which the server validates its responses with. */
export type { Role, SessionResponse, SessionUser };
