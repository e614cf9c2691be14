/**
 * The demo family's second child: Paloma Rivera, Mateo's younger sister, in first grade at
 * Northside. Her initial IEP was proposed after the team met two days ago and waits for her
 * mother's consent (34 CFR 300.300(b)), so the demo guardian has something to sign. The plan is
 * written and proposed through the same use cases the app uses, so its audit events, its status
 * and the message telling the family it waits for them are what the app would have made.
 * Every name is fictional.
 */
import { addDays } from "@lantern/core";
import type { Kysely } from "kysely";
import { clockOnDay } from "../src/clock.ts";
import type { Database } from "../src/db/schema.ts";
import { createUseCaseDeps } from "../src/deps.ts";
import { createPlan } from "../src/use-cases/plans/create-plan.ts";
import { proposePlan } from "../src/use-cases/plans/propose-plan.ts";
import type { DemoSeedStep } from "./demo.ts";
import { iepFor, loadStudent, team } from "./demo-plans.ts";

export const DEMO_SIBLING = { firstName: "Paloma", lastName: "Rivera" } as const;

export const demoFamilyStep: DemoSeedStep = {
  name: "family: a proposal waiting for the demo guardian",
  async run(db: Kysely<Database>, ids, today) {
    const year = Number(today.slice(0, 4));
    const guardianId = ids.people["parent.rivera@family.example"];
    const caseManagerId = ids.people["casemanager@maplevalley.example"];
    const row = await db
      .insertInto("students")
      .values({
        district_id: ids.districtId,
        school_id: ids.schools.northside,
        local_id: "MV1040",
        first_name: DEMO_SIBLING.firstName,
        last_name: DEMO_SIBLING.lastName,
        date_of_birth: `${year - 7}-${today.slice(5, 7) === "02" ? "03" : "02"}-14`,
        grade: "1",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    ids.students.set(`${DEMO_SIBLING.firstName} ${DEMO_SIBLING.lastName}`, row.id);
    await db
      .insertInto("guardianships")
      .values({ student_id: row.id, person_id: guardianId, relationship: "mother" })
      .execute();
    await db
      .insertInto("caseload_members")
      .values({ person_id: caseManagerId, student_id: row.id, role: "case-manager" })
      .execute();

    const deps = createUseCaseDeps(db, { clock: clockOnDay(today) });
    const actor = { personId: caseManagerId, basis: "case-manager", requestId: null };
    const s = await loadStudent(db, row.id);
    const meetingOn = addDays(today, -2);
    const doc = iepFor(s, await team(db, s, "casemanager@maplevalley.example", "Case manager"), meetingOn, "proposed");
    const content = {
      ...doc,
      meeting: { ...doc.meeting, type: "initial" },
      presentLevels: {
        ...doc.presentLevels,
        academic: "Paloma knows 12 of 26 letter sounds and is beginning to blend three-letter words with support.",
        impactOnGeneralCurriculum: "Slow letter-sound learning limits Paloma's access to first-grade reading in class.",
      },
    };
    const { planId } = await createPlan(deps, { studentId: row.id, type: "iep", content, actor });
    await proposePlan(deps, { studentId: row.id, planId, actor });
  },
};
