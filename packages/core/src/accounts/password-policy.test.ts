import { describe, expect, it } from "vitest";
import { COMMON_PASSWORDS, MIN_PASSWORD_LENGTH, passwordProblem } from "./password-policy.ts";

describe("password rules after NIST SP 800-63B 5.1.1.2", () => {
  it("asks for a minimum length and nothing about the kinds of characters", () => {
    expect(passwordProblem("short pass")).toMatch(`at least ${MIN_PASSWORD_LENGTH}`);
    expect(passwordProblem("correct horse battery staple")).toBeNull();
    expect(passwordProblem("alllowercaseletters")).toBeNull();
    expect(passwordProblem("🌲🌲 trees and rivers 🌲🌲")).toBeNull();
  });

  it("refuses every password on the common list, whatever its case or spacing", () => {
    for (const p of COMMON_PASSWORDS) expect(passwordProblem(p), p).not.toBeNull();
    expect(passwordProblem("Password 1234")).toMatch(/too common/);
    expect(passwordProblem("LANTERN-DEMO")).toMatch(/too common/);
  });

  it("refuses a password made of the person's name or email", () => {
    const who = { email: "jordan.whitfield@test.example", firstName: "Jordan", lastName: "Whitfield" };
    expect(passwordProblem("jordan.whitfield@test.example", who)).toMatch(/name or email/);
    expect(passwordProblem("jordan.whitfield", who)).toMatch(/name or email/);
    expect(passwordProblem("jordan whitfield plants tomatoes", who)).toBeNull();
  });
});
