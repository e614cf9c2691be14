/**
 * Passwords from emailed links: an invitation or a reset link sets a password once, before it
 * expires and unless it was revoked; "forgot password" sends a reset link to an address with an
 * account and answers exactly the same whether there is one or not (no account enumeration).
 */
import { DomainError, passwordProblem } from "@lantern/core";
import { hash } from "@node-rs/argon2";
import { inTransaction, type UseCaseDeps } from "../deps.ts";
import { RESET_MINUTES, resetMail, setPasswordLink } from "./account-mail.ts";
import type { MailLinks } from "./manage-people.ts";

const LINK_NOT_VALID =
  "This link has expired or was already used. Ask for a new one with “Forgot your password?” on the sign-in page.";

/** Reset messages sent to one account per hour, at most (more requests are answered the same, silently). */
const MAX_RESETS_PER_HOUR = 3;

export const FORGOT_PASSWORD_REPLY =
  "If an account has this email address, we sent it a link to choose a new password. The link works for 60 minutes.";

export async function setPasswordWithToken(
  deps: UseCaseDeps,
  input: { token: string; password: string; requestId: string },
): Promise<{ email: string }> {
  const now = deps.clock.now();
  const link = await deps.repos.accounts.findToken(input.token);
  const person = link ? await deps.repos.accounts.byId(link.personId) : null;
  if (!link || !person || link.usedAt || link.revokedAt || link.expiresAt <= now || person.disabledAt) {
    throw new DomainError("invalid-input", LINK_NOT_VALID, { issues: [{ path: "/token", message: LINK_NOT_VALID }] });
  }
  const problem = passwordProblem(input.password, person);
  if (problem) throw new DomainError("invalid-input", problem, { issues: [{ path: "/password", message: problem }] });
  const passwordHash = await hash(input.password);
  await inTransaction(deps, async (tx) => {
    // Single use even when two requests race: only one update finds the link still open.
    if (!(await tx.repos.accounts.useToken(link.id, now))) {
      throw new DomainError("invalid-input", LINK_NOT_VALID, { issues: [{ path: "/token", message: LINK_NOT_VALID }] });
    }
    await tx.repos.accounts.setPassword(person.id, passwordHash);
    await tx.repos.accounts.revokeTokens(person.id, now);
    // A new password ends every session opened with the old one.
    const sessions = await tx.repos.accounts.endSessions(person.id);
    await tx.audit.append({
      action: "account.password-set",
      personId: person.id,
      subject: `person:${person.id}`,
      details: { via: link.kind, sessionsEnded: sessions },
      requestId: input.requestId,
    });
  });
  return { email: person.email };
}

export async function requestPasswordReset(
  deps: UseCaseDeps,
  input: { email: string; requestId: string },
  links: MailLinks,
): Promise<{ message: string }> {
  const person = await deps.repos.accounts.byEmail(input.email);
  if (person && !person.disabledAt) {
    const now = deps.clock.now();
    const recent = await deps.repos.accounts.countTokensSince(
      person.id,
      "password-reset",
      new Date(now.getTime() - 3_600_000),
    );
    if (recent < MAX_RESETS_PER_HOUR) {
      await inTransaction(deps, async (tx) => {
        const token = await tx.repos.accounts.createToken(person.id, "password-reset", null, {
          now,
          expiresAt: new Date(now.getTime() + RESET_MINUTES * 60_000),
        });
        await tx.repos.mail.enqueue({
          districtId: person.roles[0]?.districtId ?? null,
          kind: "password-reset",
          to: person.email,
          ...resetMail({ firstName: person.firstName, link: setPasswordLink(links.baseUrl, token) }),
        });
        await tx.audit.append({
          action: "account.password-reset-requested",
          personId: null,
          subject: `person:${person.id}`,
          requestId: input.requestId,
        });
      });
      links.queued();
    }
  }
  return { message: FORGOT_PASSWORD_REPLY };
}
