import { describe, expect, it } from "vitest";
import { checkIepMeetingNotice, checkMeetingNotice, isTransitionRequired } from "./meeting-notice.ts";
import { ZMeetingNotice } from "./plan-common.ts";
import { sampleIep } from "./plan-samples.ts";

const base = ZMeetingNotice.parse({
  sentOn: "2026-09-01",
  purpose: "Annual review",
  date: "2026-09-15",
  time: "14:00",
  location: "Room 3",
  attendees: ["Parent", "Teachers"],
  informsRightToBringOthers: true,
});

describe("meeting notice (34 CFR 300.322(b))", () => {
  it("accepts a complete notice for a young student", () => {
    expect(checkMeetingNotice(base, { dateOfBirth: "2016-01-01" })).toMatchObject({
      complete: true,
      transitionRequired: false,
    });
  });

  it("names missing contents with their paragraph", () => {
    const check = checkMeetingNotice({ ...base, time: null, informsRightToBringOthers: false, location: "" });
    expect(check.problems.map((p) => [p.key, p.citation])).toEqual([
      ["time", "34 CFR 300.322(b)(1)(i)"],
      ["location", "34 CFR 300.322(b)(1)(i)"],
      ["rightToBringOthers", "34 CFR 300.322(b)(1)(ii)"],
    ]);
    expect(check.problems[0]?.path).toBe("/meeting/notice/time");
  });

  it("requires the transition contents when the student turns 16 while the IEP is in effect", () => {
    // Turns 16 on 2027-05-01, inside the plan year starting 2026-09-15.
    const check = checkMeetingNotice(base, { dateOfBirth: "2011-05-01" });
    expect(check.transitionRequired).toBe(true);
    expect(check.problems.map((p) => p.citation)).toEqual(["34 CFR 300.322(b)(2)(i)(A)", "34 CFR 300.322(b)(2)(i)(B)"]);
    const withTransition = { ...base, transitionIsPurpose: true, studentWillBeInvited: true };
    expect(checkMeetingNotice(withTransition, { dateOfBirth: "2011-05-01" }).complete).toBe(true);
  });

  it("asks for the Part C coordinator only for a child coming from Part C", () => {
    expect(checkMeetingNotice(base, { fromPartC: true }).problems.map((p) => p.key)).toEqual(["partCCoordinator"]);
  });

  it("flags a missing notice", () => {
    expect(checkMeetingNotice(null).complete).toBe(false);
  });

  it("computes the age-16 rule from the plan end date", () => {
    expect(isTransitionRequired({ dateOfBirth: "2011-05-01", planEnd: "2027-04-30" })).toBe(false);
    expect(isTransitionRequired({ dateOfBirth: "2011-05-01", planEnd: "2027-05-01" })).toBe(true);
    expect(isTransitionRequired({ dateOfBirth: null, planEnd: "2027-05-01", transitionDiscussed: true })).toBe(true);
  });

  it("checks the notice stored on an IEP", () => {
    expect(checkIepMeetingNotice(sampleIep()).complete).toBe(true);
  });
});
