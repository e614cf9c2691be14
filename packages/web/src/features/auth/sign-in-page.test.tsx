import type { SessionResponse, SignInLockedBody } from "@lantern/core";
import { fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "../../app/app.tsx";
import { paths } from "../../app/paths.ts";
import { validateSignIn } from "./sign-in-page.tsx";

/** Lazy pages load on first use; on a busy machine that can take more than the default 1 s. */
const wait = { timeout: 10_000 };

afterEach(() => {
  vi.unstubAllGlobals();
});

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

describe("the sign-in page", () => {
  it.each([
    [900, "Too many tries. Wait 15 minutes, then try again."],
    [10, "Too many tries. Wait 10 seconds, then try again."],
  ])("says how long the wait is, as the server's 429 gives it (%i s)", async (retryAfterSeconds, expected) => {
    const signedOut = { user: null, csrfToken: "t" } satisfies SessionResponse;
    const locked = {
      error: "Too Many Requests",
      message: "Too many sign-in attempts. Wait 15 minutes and try again.",
      details: { retryAfterSeconds },
    } satisfies SignInLockedBody;
    vi.stubGlobal("fetch", async (input: RequestInfo | URL) => {
      const path = new URL(String(input), "http://localhost").pathname;
      const [status, body] = path === "/api/auth/sign-in" ? [429, locked] : [200, signedOut];
      return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
    });
    window.history.replaceState(null, "", paths.signIn);
    render(<App />);
    fireEvent.change(await screen.findByLabelText("Email address", {}, wait), {
      target: { value: "casemanager@maplevalley.example" },
    });
    fireEvent.change(screen.getByLabelText("Password"), { target: { value: "not-it" } });
    fireEvent.click(screen.getByRole("button", { name: "Sign in" }));
    const alert = await screen.findByText(/Too many tries/, {}, wait);
    expect(alert.textContent).toBe(expected);
  });

  it("asks for the code after single sign-on, taking the pending sign-in out of the address", async () => {
    const signedOut = { user: null, csrfToken: "t" } satisfies SessionResponse;
    vi.stubGlobal(
      "fetch",
      async () =>
        new Response(JSON.stringify(signedOut), { status: 200, headers: { "content-type": "application/json" } }),
    );
    window.history.replaceState(null, "", `${paths.signIn}#step=verify&pending=a-pending-sign-in`);
    render(<App />);
    expect(await screen.findByRole("heading", { level: 2, name: "Enter your code" }, wait)).toBeTruthy();
    expect(window.location.hash).toBe("");
    expect(window.location.pathname).toBe(paths.signIn);
  });
});
