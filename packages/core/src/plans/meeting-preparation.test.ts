import { describe, expect, it } from "vitest";
import { audioRecordingNotice, draftItems } from "./meeting-preparation.ts";
import { sampleIep } from "./plan-samples.ts";

describe("meeting preparation", () => {
  it("lists a draft's goals, services and accommodations in the plan's own words", () => {
    const items = draftItems(sampleIep());
    expect(items.map((i) => `${i.kind}:${i.id}`)).toEqual([
      "goal:goal-1",
      "goal:goal-2",
      "service:svc-1",
      "service:svc-2",
      "accommodation:acc-1",
      "accommodation:acc-2",
    ]);
    expect(items[0]).toMatchObject({ title: "Goal 1: Reading fluency" });
    expect(items[0]?.text).toContain("130 words correct per minute");
    expect(items[3]?.text).toBe("2 × 30 minutes per week. Where: Speech room. By: Speech-language pathologist");
  });

  it("writes California's recording notice, due 24 hours before the meeting (Ed. Code 56341.1(g)(1))", () => {
    const base = {
      state: "CA",
      meetingAt: "2026-12-01T17:00:00.000Z",
      parentName: "Ana Rivera",
      studentName: "Sofia Okafor",
      meetingWhen: "December 1, 2026 at 9:00 AM",
      location: "Room B",
    };
    const onTime = audioRecordingNotice({ ...base, givenAt: "2026-11-30T17:00:00.000Z" });
    expect(onTime).toMatchObject({
      dueBy: "2026-11-30T17:00:00.000Z",
      onTime: true,
      citation: "Cal. Ed. Code 56341.1(g)(1)",
    });
    expect(onTime?.text).toContain("I, Ana Rivera, give notice that I will audio-record");
    expect(audioRecordingNotice({ ...base, givenAt: "2026-11-30T17:00:01.000Z" })?.onTime).toBe(false);
    expect(audioRecordingNotice({ ...base, state: "TX", givenAt: "2026-11-01T00:00:00.000Z" })).toBeNull();
  });
});
