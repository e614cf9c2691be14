import { describe, expect, it } from "vitest";
import { ZPlanDocument } from "../plans/plan-document.ts";
import {
  aggregateFidelity,
  type FidelityRow,
  progressGoalsFromPlan,
  serviceVersionsFromPlans,
  ZWeekLog,
} from "./plan-enforcement.ts";

const STUDENT = "7d4a3c1e-5b2f-4e8a-9c1d-2f3e4a5b6c7d";

const iep = (times: number) =>
  ZPlanDocument.parse({
    type: "iep",
    goals: [
      {
        id: "goal-1",
        area: "Reading fluency",
        baseline: { value: 20, measuredOn: "2026-09-02" },
        target: { value: 60 },
        unit: "words correct per minute",
        byDate: "2027-06-01",
      },
      { id: "goal-2", area: "Self-advocacy" },
    ],
    services: [
      {
        id: "svc-speech",
        kind: "related-service",
        area: "speech-language-pathology",
        startDate: "2026-09-02",
        frequency: { times, per: "week" },
        minutesPerSession: 30,
        location: "Speech room",
        providerRole: "Speech-language pathologist",
      },
      { id: "svc-draft", kind: "related-service", area: "counseling" },
    ],
  });

describe("plan documents to enforcement inputs", () => {
  it("keeps complete IEP services, oldest version first, and skips incomplete ones", () => {
    const versions = serviceVersionsFromPlans([
      { label: "Amendment", effectiveFrom: "2026-10-19", document: iep(3) },
      { label: "IEP", effectiveFrom: "2026-09-02", document: iep(2) },
    ]);
    expect(versions.map((v) => [v.label, v.services.map((s) => `${s.id}:${s.frequency.times}`)])).toEqual([
      ["IEP", ["svc-speech:2"]],
      ["Amendment", ["svc-speech:3"]],
    ]);
  });

  it("reads only quantified goals", () => {
    expect(progressGoalsFromPlan(iep(2)).map((g) => g.goalId)).toEqual(["goal-1"]);
  });
});

describe("week log", () => {
  const entry = {
    studentId: STUDENT,
    serviceId: "svc-speech",
    minutes: 30,
    delivery: "individual",
    status: "delivered",
  };
  it("accepts a week of cells and rejects a date outside it or a week not starting on Monday", () => {
    expect(ZWeekLog.safeParse({ weekOf: "2026-10-19", entries: [{ ...entry, date: "2026-10-23" }] }).success).toBe(
      true,
    );
    const outside = ZWeekLog.safeParse({ weekOf: "2026-10-19", entries: [{ ...entry, date: "2026-10-26" }] });
    expect(outside.success ? [] : outside.error.issues.map((i) => i.path.join("/"))).toEqual(["entries/0/date"]);
    expect(ZWeekLog.safeParse({ weekOf: "2026-10-20", entries: [] }).success).toBe(false);
  });
});

describe("service fidelity", () => {
  const row = (over: Partial<FidelityRow>, required: number, delivered: number, owed: number): FidelityRow => ({
    studentId: STUDENT,
    districtId: "d1",
    schoolId: "s1",
    schoolName: "Northside",
    providerId: "p1",
    providerName: "Provider One",
    summary: {
      serviceId: "svc",
      required: { minutes: required, exactMinutes: required, segments: [], citation: "34 CFR 300.320(a)(7)" },
      delivered: { minutes: delivered, sessionIds: [] },
      madeUp: { minutes: 0, sessionIds: [] },
      missed: {
        "student-absent": { minutes: 0, sessionIds: [] },
        "provider-absent": { minutes: owed, sessionIds: [] },
        "school-closed": { minutes: 0, sessionIds: [] },
        "student-unavailable": { minutes: 0, sessionIds: [] },
        "disciplinary-removal": { minutes: 0, sessionIds: [] },
        "disability-related-absence": { minutes: 0, sessionIds: [] },
        total: owed,
      },
      compensatoryOwed: { minutes: owed, sessionIds: [], basis: "", owedReasons: [] },
      behindSchedule: { isBehind: delivered < 0.9 * required, ratio: null, threshold: 0.9 },
    },
    ...over,
  });
  const rows = [
    row({}, 100, 100, 0),
    row({ studentId: "other", providerId: "p2", providerName: "Provider Two" }, 200, 100, 60),
    row(
      { studentId: "third", schoolId: "s2", schoolName: "Southside", providerId: null, providerName: null },
      50,
      0,
      0,
    ),
  ];

  it("rolls up by provider, school and district", () => {
    expect(aggregateFidelity(rows, "provider").map((g) => [g.label, g.fidelity, g.servicesBehindSchedule])).toEqual([
      ["No sessions logged", 0, 1],
      ["Provider One", 1, 0],
      ["Provider Two", 0.5, 1],
    ]);
    expect(aggregateFidelity(rows, "school").map((g) => [g.label, g.students, g.requiredMinutes])).toEqual([
      ["Northside", 2, 300],
      ["Southside", 1, 50],
    ]);
    expect(aggregateFidelity(rows, "district")).toEqual([
      expect.objectContaining({ students: 3, services: 3, compensatoryOwedMinutes: 60, fidelity: 0.571 }),
    ]);
  });
});
