import { describe, expect, it } from "vitest";
import { addressWaitSeconds, remainingWait, signInWaitSeconds } from "./sign-in-throttle.ts";

describe("sign-in waits", () => {
  it("lets two failures pass, then waits 10 seconds and doubles the wait up to 15 minutes", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 9].map(signInWaitSeconds)).toEqual([0, 0, 0, 10, 20, 40, 80, 640]);
    expect(signInWaitSeconds(40)).toBe(900);
  });

  it("slows an address only after many failures, and never by more than a minute", () => {
    expect(addressWaitSeconds(99)).toBe(0);
    expect(addressWaitSeconds(100)).toBe(1);
    expect(addressWaitSeconds(5000)).toBe(60);
  });

  it("counts what is left of a wait in whole seconds", () => {
    expect(remainingWait(8, 2.5)).toBe(6);
    expect(remainingWait(8, 9)).toBe(0);
  });
});
