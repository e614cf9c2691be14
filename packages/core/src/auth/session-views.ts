/** Sign-in and session shapes, shared by the server and the web app. */
import { z } from "zod";
import { ZRole } from "../access/roles.ts";

export const ZSignInRequest = z.object({
  email: z.email({ error: "Enter an email address like name@example.org" }).max(254),
  password: z.string().min(1, "Enter your password").max(200),
});

export const ZSessionUser = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  roles: z.array(z.object({ role: ZRole, districtId: z.string(), schoolId: z.string().nullable() })),
  homeRole: ZRole.nullable(),
});
export type SessionUser = z.infer<typeof ZSessionUser>;

export const ZSessionResponse = z.object({ user: ZSessionUser.nullable(), csrfToken: z.string() });
export type SessionResponse = z.infer<typeof ZSessionResponse>;
