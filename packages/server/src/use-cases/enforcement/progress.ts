/**
 * Progress toward each goal of the plan in effect: aim line, trend, four-point hint and the
 * plain-language statement for the family (34 CFR 300.320(a)(3)(ii)); staff record data points
 * for a goal of the plan in effect, one at a time or in a batch.
 */
import {
  analyzeProgress,
  assertDateWindow,
  DomainError,
  type ErrorIssue,
  type IsoDate,
  type ProgressEntry,
  type StudentProgress,
} from "@lantern/core";
import { renderProgressReportPdf } from "../../pdf/enforcement-pdf.ts";
import type { StoredPoint, StudentPlace } from "../../repositories/enforcement-repository.ts";
import { type Actor, auditAs, inTransaction, todayFor, type UseCaseDeps } from "../deps.ts";

export async function readProgress(
  deps: UseCaseDeps,
  input: { studentId: string; asOf?: IsoDate | undefined },
): Promise<StudentProgress> {
  const [plan, points] = await Promise.all([
    deps.repos.enforcementPlans.forStudent(input.studentId),
    deps.repos.enforcement.listPoints(input.studentId),
  ]);
  const byGoal = new Map<string, StoredPoint[]>();
  for (const p of points) {
    if (input.asOf && p.date > input.asOf) continue;
    const list = byGoal.get(p.goalId);
    if (list) list.push(p);
    else byGoal.set(p.goalId, [p]);
  }
  return {
    studentId: input.studentId,
    planId: plan.current?.planId ?? null,
    reportDates: plan.current?.reportDates ?? [],
    goals: plan.goals.map((goal) => {
      const data = byGoal.get(goal.goalId) ?? [];
      return { goal, analysis: analyzeProgress(goal, data, input.asOf ? { asOf: input.asOf } : {}), points: data };
    }),
  };
}

/** The progress report for the family as a PDF (34 CFR 300.320(a)(3)(ii)). */
export async function printProgressReport(
  deps: UseCaseDeps,
  input: { place: StudentPlace; asOf?: IsoDate | undefined; lang?: "en" | "es" | undefined },
): Promise<Buffer> {
  const today = await todayFor(deps, input.place.districtId);
  assertDateWindow(today, { ahead: { asOf: input.asOf } });
  const asOf = input.asOf ?? today;
  const progress = await readProgress(deps, { studentId: input.place.studentId, asOf });
  const name =
    (await deps.repos.students.name(input.place.studentId)) ?? (input.lang === "es" ? "Estudiante" : "Student");
  return renderProgressReportPdf(name, progress, asOf, input.lang);
}

export async function recordProgressData(
  deps: UseCaseDeps,
  input: {
    places: Map<string, StudentPlace>;
    entries: ProgressEntry[];
    actor: Actor;
    /** Where the entries are in the request body ("/entries" for a batch, "" for one point). */
    pathBase: string;
    subject: (studentId: string) => string;
  },
): Promise<StoredPoint[]> {
  const plans = await deps.repos.enforcementPlans.forStudents([...input.places.keys()]);
  const issues: ErrorIssue[] = [];
  input.entries.forEach((e, i) => {
    const ids = new Set(plans.get(e.studentId)?.current?.goalIds ?? []);
    if (!ids.has(e.goalId))
      issues.push({ path: `${input.pathBase}/${i}/goalId`, message: "Not a goal of the plan in effect" });
  });
  if (issues.length > 0) {
    throw new DomainError("invalid-input", "Data points must name a goal of the plan in effect", { issues });
  }
  return inTransaction(deps, async (tx) => {
    const saved = await tx.repos.enforcement.insertPoints(
      input.entries.map((e) => ({
        place: input.places.get(e.studentId) as StudentPlace,
        goalId: e.goalId,
        point: { date: e.date, value: e.value, ...(e.note !== undefined ? { note: e.note } : {}) },
      })),
      input.actor.personId,
    );
    const audit = auditAs(tx.audit, input.actor);
    for (const studentId of input.places.keys()) {
      await audit({
        action: "progress.recorded",
        studentId,
        subject: input.subject(studentId),
        details: { points: input.entries.filter((e) => e.studentId === studentId).length },
      });
    }
    return saved;
  });
}

/** Record one data point for a goal of the student's plan in effect. */
export async function recordProgressPoint(
  deps: UseCaseDeps,
  input: { place: StudentPlace; entry: ProgressEntry; actor: Actor },
): Promise<StoredPoint> {
  const [saved] = await recordProgressData(deps, {
    places: new Map([[input.place.studentId, input.place]]),
    entries: [input.entry],
    actor: input.actor,
    pathBase: "",
    subject: () => `goal:${input.entry.goalId}`,
  });
  if (!saved) throw new Error("data point not saved");
  return saved;
}
