/** The generator's plans: every plan of the district at a lifecycle stage, with its versions and content. */
import { ZPlanDocument } from "@lantern/core";
import {
  ACCOMMODATION_BANK,
  DISABILITY_BANK,
  GOAL_BANK,
  GUARDIAN_FIRST,
  IMPAIRMENT_BANK,
  LRE,
} from "./content-banks.ts";
import { isoAddDays } from "./dates.ts";
import type { PlanKind, SyntheticModel, SyntheticSchool, SyntheticStudent } from "./model.ts";
import { iepContent, section504Content } from "./plan-content.ts";
import { Rng, syntheticUuid } from "./random.ts";

/** How far along a plan is; the versions follow from it. */
export const PLAN_STAGES = ["in-effect", "amended", "renewal-draft", "draft", "proposed", "signed", "ended"] as const;
export type PlanStage = (typeof PLAN_STAGES)[number];

export type SyntheticGoal = {
  id: string;
  area: string;
  unit: string;
  direction: "increase" | "decrease";
  baseline: number;
  target: number;
  /** How quickly the student moves toward the target (1 = on the aim line). */
  pace: number;
};

export type SyntheticService = {
  id: string;
  kind: "special-education" | "related-service";
  area: string;
  timesPerWeek: number;
  minutes: number;
  delivery: "individual" | "group";
  providerId: string;
};

export type SyntheticVersion = {
  id: string;
  number: number;
  status: "draft" | "proposed" | "signed" | "in-effect" | "amended" | "ended";
  sealed: boolean;
  meetingDate: string;
  planStart: string;
  content: Record<string, unknown>;
};

export type SyntheticPlan = {
  id: string;
  student: SyntheticStudent;
  type: PlanKind;
  stage: PlanStage;
  status: SyntheticVersion["status"];
  effectiveFrom: string | null;
  effectiveTo: string | null;
  endedOn: string | null;
  versions: SyntheticVersion[];
  /** The version in effect (sessions and progress data are logged against it). */
  inEffect: SyntheticVersion | null;
  goals: SyntheticGoal[];
  services: SyntheticService[];
};

const planCache = new WeakMap<SyntheticModel, SyntheticPlan[]>();

/** Every plan of the district, deterministic from the model (memoised per model). */
export function buildPlans(model: SyntheticModel): SyntheticPlan[] {
  const cached = planCache.get(model);
  if (cached) return cached;
  const rng = new Rng(model.seed, "plans");
  const today = model.today;
  const plans: SyntheticPlan[] = [];
  let versionIndex = 0;
  for (const student of model.students) {
    for (const type of student.plans) {
      const school = model.schools[student.schoolIndex] as SyntheticSchool;
      const planIndex = plans.length;
      const r = rng.next();
      const stage: PlanStage =
        r < 0.6
          ? "in-effect"
          : r < 0.7
            ? "amended"
            : r < 0.77
              ? "renewal-draft"
              : r < 0.83
                ? "draft"
                : r < 0.88
                  ? "proposed"
                  : r < 0.93
                    ? "signed"
                    : "ended";
      // Start dates: most within the last year; one in 16 overdue for the annual review (past),
      // one in 16 due within 30 days (near) besides those drawn there, the rest far; new plans start soon.
      let start: string;
      if (stage === "draft" || stage === "proposed" || stage === "signed") start = isoAddDays(today, rng.int(3, 45));
      else if (stage === "ended") start = isoAddDays(today, -rng.int(400, 700));
      else if (planIndex % 16 === 0) start = isoAddDays(today, -(365 + rng.int(1, 60)));
      else if (planIndex % 16 === 1) start = isoAddDays(today, -(364 - rng.int(0, 30)));
      else start = isoAddDays(today, -rng.int(0, 364));
      const end = isoAddDays(start, 364);
      const guardianName = `${rng.pick(GUARDIAN_FIRST)} ${student.lastName}`;

      const goals: SyntheticGoal[] = [];
      const services: SyntheticService[] = [];
      if (type === "iep") {
        const goalCount = rng.int(1, 4);
        const used = new Set<number>();
        for (let g = 0; g < goalCount; g++) {
          let k = rng.int(0, GOAL_BANK.length - 1);
          while (used.has(k)) k = (k + 1) % GOAL_BANK.length;
          used.add(k);
          const bank = GOAL_BANK[k] as (typeof GOAL_BANK)[number];
          const baseline = rng.int(bank.base[0], bank.base[1]);
          const gain = rng.int(bank.gain[0], bank.gain[1]);
          goals.push({
            id: `goal-${g + 1}`,
            area: bank.area,
            unit: bank.unit,
            direction: bank.dir,
            baseline,
            target: bank.dir === "increase" ? baseline + gain : Math.max(0, baseline - gain),
            pace: 0.3 + rng.next() * 1.1,
          });
        }
        const sai = rng.chance(0.8) || student.providerId === null;
        const related = student.providerId ?? (school.providerIds[0] as string);
        const add = (
          kind: SyntheticService["kind"],
          area: string,
          times: number,
          minutes: number,
          providerId: string,
        ) =>
          services.push({
            id: `svc-${services.length + 1}`,
            kind,
            area,
            timesPerWeek: times,
            minutes,
            delivery: rng.chance(0.6) ? "group" : "individual",
            providerId,
          });
        if (sai)
          add(
            "special-education",
            "specialized-academic-instruction",
            rng.int(2, 4),
            rng.pick([30, 45, 60]),
            student.caseManagerId as string,
          );
        if (student.providerId) add("related-service", "speech-language-pathology", rng.int(1, 2), 30, related);
        if (rng.chance(0.12)) add("related-service", "occupational-therapy", 1, 30, related);
        if (rng.chance(0.12)) add("related-service", "counseling", 1, 30, related);
      }
      const accommodations = Array.from({ length: rng.int(2, 5) }, (_, i) => {
        const a = ACCOMMODATION_BANK[
          (rng.int(0, ACCOMMODATION_BANK.length - 1) + i) % ACCOMMODATION_BANK.length
        ] as (typeof ACCOMMODATION_BANK)[number];
        return { id: `acc-${i + 1}`, ...a };
      }).filter((a, i, all) => all.findIndex((b) => b.text === a.text) === i);
      const impairment = IMPAIRMENT_BANK[rng.int(0, IMPAIRMENT_BANK.length - 1)] as (typeof IMPAIRMENT_BANK)[number];
      const lre = rng.pick(LRE);
      const disability = rng.pick(DISABILITY_BANK);

      const contentFor = (planStart: string, meetingDate: string, sealed: boolean, amendment: boolean) =>
        type === "iep"
          ? iepContent({
              student,
              school,
              model,
              planStart,
              meetingDate,
              sealed,
              amendment,
              goals,
              services,
              accommodations,
              guardianName,
              lre,
              disability,
            })
          : section504Content({
              student,
              school,
              planStart,
              meetingDate,
              sealed,
              accommodations,
              guardianName,
              impairment,
            });
      const version = (
        number: number,
        status: SyntheticVersion["status"],
        sealed: boolean,
        planStart: string,
        meetingDate: string,
        amendment = false,
      ): SyntheticVersion => ({
        id: syntheticUuid(model.seed, "plan_versions", versionIndex++),
        number,
        status,
        sealed,
        meetingDate,
        planStart,
        // Stored as the API stores it: validated, defaults filled in.
        content: ZPlanDocument.parse(contentFor(planStart, meetingDate, sealed, amendment)) as Record<string, unknown>,
      });
      const meeting = isoAddDays(start, -1);
      let versions: SyntheticVersion[];
      let inEffect: SyntheticVersion | null = null;
      let status: SyntheticVersion["status"];
      let endedOn: string | null = null;
      switch (stage) {
        case "in-effect":
          versions = [version(1, "in-effect", true, start, meeting)];
          inEffect = versions[0] as SyntheticVersion;
          status = "in-effect";
          break;
        case "amended": {
          const amendedOn = isoAddDays(start, rng.int(30, 150));
          const v1 = version(1, "amended", true, start, meeting);
          const v2 = version(
            2,
            "in-effect",
            true,
            amendedOn < today ? amendedOn : today,
            amendedOn < today ? amendedOn : today,
            true,
          );
          versions = [v1, v2];
          inEffect = v2;
          status = "in-effect";
          break;
        }
        case "renewal-draft": {
          const v1 = version(1, "in-effect", true, start, meeting);
          const v2 = version(2, "draft", false, isoAddDays(start, 365), isoAddDays(start, 364));
          versions = [v1, v2];
          inEffect = v1;
          status = "in-effect";
          break;
        }
        case "draft":
        case "proposed":
        case "signed":
          versions = [version(1, stage, stage === "signed", start, meeting)];
          status = stage;
          break;
        case "ended":
          versions = [version(1, "ended", true, start, meeting)];
          endedOn = isoAddDays(start, rng.int(120, 300));
          status = "ended";
          break;
      }
      plans.push({
        id: syntheticUuid(model.seed, "plans", planIndex),
        student,
        type,
        stage,
        status,
        effectiveFrom: inEffect || stage === "signed" || stage === "ended" ? start : null,
        effectiveTo: inEffect || stage === "signed" ? end : stage === "ended" ? endedOn : null,
        endedOn,
        versions,
        inEffect,
        goals,
        services,
      });
    }
  }
  planCache.set(model, plans);
  return plans;
}
