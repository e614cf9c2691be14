import { describe, expect, it } from "vitest";
import { buildMeetingNoticeDocument, meetingNoticeDocumentFor } from "./meeting-notice-document.ts";
import { ZMeetingNotice } from "./plan-common.ts";
import { sampleIep } from "./plan-samples.ts";

const notice = ZMeetingNotice.parse({
  sentOn: "2026-09-01",
  purpose: "Annual review of the IEP",
  date: "2026-09-15",
  time: "15:30",
  location: "Room 3, Lantern Valley Elementary",
  attendees: ["special-education-teacher", "Ms. Rivera-Demo, general education teacher"],
  informsRightToBringOthers: true,
});

const young = {
  planType: "iep" as const,
  notice,
  studentName: "Ana Example-Demo",
  callName: "Ana",
  grade: "4",
  school: "Lantern Valley Elementary",
  district: "Lantern Valley Unified",
  guardians: ["Rosa Example-Demo"],
  dateOfBirth: "2016-03-01",
};

const keys = (doc: ReturnType<typeof buildMeetingNoticeDocument>) => doc.sections.map((s) => s.key);

describe("meeting notice document (34 CFR 300.322(b))", () => {
  it("states purpose, time, location and who will attend, each with its paragraph", () => {
    const doc = buildMeetingNoticeDocument(young);
    expect(doc.title).toBe("Notice of IEP team meeting");
    expect(doc.citation).toBe("34 CFR 300.322(b)");
    expect(doc.to).toBe("Rosa Example-Demo");
    expect(doc.sentOn).toBe("September 1, 2026");
    const byKey = Object.fromEntries(doc.sections.map((s) => [s.key, s]));
    expect(byKey.purpose?.paragraphs).toEqual(["Annual review of the IEP"]);
    expect(byKey.time?.paragraphs).toEqual(["September 15, 2026 at 3:30 PM"]);
    expect(byKey.location?.paragraphs).toEqual(["Room 3, Lantern Valley Elementary"]);
    expect(byKey.attendees?.items).toEqual(["Special education teacher", "Ms. Rivera-Demo, general education teacher"]);
    for (const key of ["purpose", "time", "location", "attendees"] as const)
      expect(byKey[key]?.citation).toBe("34 CFR 300.322(b)(1)(i)");
  });

  it("always tells the parent they may bring others with knowledge or special expertise", () => {
    const doc = buildMeetingNoticeDocument({ ...young, notice: { ...notice, informsRightToBringOthers: false } });
    const bring = doc.sections.find((s) => s.key === "rightToBringOthers");
    expect(bring?.citation).toBe("34 CFR 300.322(b)(1)(ii); 300.321(a)(6)");
    expect(bring?.paragraphs[0]).toContain("knowledge or special expertise about Ana");
  });

  it("leaves out transition and Part C for a young child who did not come from Part C", () => {
    const doc = buildMeetingNoticeDocument(young);
    expect(doc.transitionRequired).toBe(false);
    expect(keys(doc)).toEqual(["purpose", "time", "location", "attendees", "rightToBringOthers", "cannotAttend"]);
  });

  it("explains the Part C coordinator's role for a child coming from early intervention", () => {
    const doc = buildMeetingNoticeDocument({ ...young, fromPartC: true });
    const partC = doc.sections.find((s) => s.key === "partCCoordinator");
    expect(partC?.citation).toBe("34 CFR 300.322(b)(1)(iii)");
    expect(partC?.paragraphs[0]).toContain("Part C service coordinator");
  });

  it("for a student who turns 16 while the IEP is in effect: transition is a purpose, the student and agencies are invited", () => {
    const doc = buildMeetingNoticeDocument({
      ...young,
      dateOfBirth: "2011-05-01",
      notice: { ...notice, agenciesInvited: ["State vocational rehabilitation agency"] },
    });
    expect(doc.transitionRequired).toBe(true);
    const t = doc.sections.find((s) => s.key === "transition");
    expect(t?.citation).toBe("34 CFR 300.322(b)(2)");
    expect(t?.paragraphs).toEqual([
      "A purpose of this meeting is to consider postsecondary goals and transition services for Ana.",
      "Ana is invited to the meeting.",
      "These agencies are invited to send a representative:",
    ]);
    expect(t?.items).toEqual(["State vocational rehabilitation agency"]);
  });

  it("uses the state's younger transition age", () => {
    // Turns 14 on 2027-05-01, inside the plan year starting 2026-09-15.
    expect(buildMeetingNoticeDocument({ ...young, dateOfBirth: "2013-05-01" }).transitionRequired).toBe(false);
    expect(
      buildMeetingNoticeDocument({ ...young, dateOfBirth: "2013-05-01", transitionAge: 14 }).transitionRequired,
    ).toBe(true);
  });

  it("tells the parent how to change the time or take part by phone or video", () => {
    const last = buildMeetingNoticeDocument(young).sections.at(-1);
    expect(last?.key).toBe("cannotAttend");
    expect(last?.citation).toBe("34 CFR 300.322(a)(2); 300.322(c); 300.328");
  });

  it("for a Section 504 plan cites 104.36 and has no IDEA-only parts", () => {
    const doc = buildMeetingNoticeDocument({
      ...young,
      planType: "section-504",
      dateOfBirth: "2009-01-01",
      fromPartC: true,
    });
    expect(doc.title).toBe("Notice of Section 504 meeting");
    expect(doc.citation).toBe("34 CFR 104.36");
    expect(keys(doc)).not.toContain("transition");
    expect(keys(doc)).not.toContain("partCCoordinator");
    expect(doc.sections.every((s) => s.citation === null || s.citation === "34 CFR 104.36")).toBe(true);
  });

  it("takes the student, guardians and transition facts from a plan", () => {
    const iep = sampleIep();
    const doc = meetingNoticeDocumentFor(iep, notice);
    expect(doc.to).toBe(iep.student.guardians.map((g) => g.name).join(" and "));
    expect(doc.about).toContain(`${iep.student.firstName} ${iep.student.lastName}`);
  });

  it("writes the time as people read it", () => {
    const at = (time: string) =>
      buildMeetingNoticeDocument({ ...young, notice: { ...notice, time } }).sections.find((s) => s.key === "time")
        ?.paragraphs[0];
    expect(at("15:30")).toBe("September 15, 2026 at 3:30 PM");
    expect(at("09:05")).toBe("September 15, 2026 at 9:05 AM");
    expect(at("12:00")).toBe("September 15, 2026 at 12:00 PM");
  });
});
