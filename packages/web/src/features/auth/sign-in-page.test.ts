import { describe, expect, it } from "vitest";
import { validateSignIn } from "./sign-in-page.tsx";

describe("validateSignIn", () => {
  it("asks for both fields when they are empty", () => {
    expect(validateSignIn("", "")).toEqual({
      email: "Enter your email address.",
      password: "Enter your password.",
    });
  });

  it("explains what an email address looks like", () => {
    expect(validateSignIn("dana", "secret").email).toMatch(/@/);
  });

  it("accepts a plausible address and a password", () => {
    expect(validateSignIn(" casemanager@maplevalley.example ", "lantern-demo")).toEqual({});
  });
});
