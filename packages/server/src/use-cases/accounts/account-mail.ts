/**
 * The messages about an account, in plain words, with the one-time link. The link carries the
 * token after `#`, so it never reaches a server log or another site's Referer header.
 */
import { formatDateTime, ROLE_LABELS, type Role } from "@lantern/core";

/** How long each kind of link works. */
export const INVITATION_DAYS = 7;
export const RESET_MINUTES = 60;

export function setPasswordLink(baseUrl: string, token: string): string {
  return `${baseUrl}/set-password#token=${token}`;
}

export function invitationMail(input: {
  firstName: string;
  districtName: string;
  role: Role;
  invitedBy: string | null;
  link: string;
  expiresAt: Date;
  timeZone: string;
}): { subject: string; text: string } {
  const who = input.invitedBy ? `${input.invitedBy} invited you` : "You are invited";
  return {
    subject: `Your Lantern account at ${input.districtName}`,
    text: [
      `Hello ${input.firstName},`,
      "",
      `${who} to Lantern, the system ${input.districtName} uses for IEPs and Section 504 plans, as: ${ROLE_LABELS[input.role]}.`,
      "",
      "Choose your password here:",
      input.link,
      "",
      `The link works once, until ${formatDateTime(input.expiresAt, "en", input.timeZone)}. If it has expired, ask ${input.districtName} for a new one.`,
      "If you did not expect this message, you can ignore it.",
    ].join("\n"),
  };
}

export function resetMail(input: { firstName: string; link: string }): { subject: string; text: string } {
  return {
    subject: "Reset your Lantern password",
    text: [
      `Hello ${input.firstName},`,
      "",
      "Someone asked to reset the password of your Lantern account. To choose a new password, open:",
      input.link,
      "",
      `The link works once, for ${RESET_MINUTES} minutes. If you did not ask, ignore this message: your password stays as it is.`,
    ].join("\n"),
  };
}
