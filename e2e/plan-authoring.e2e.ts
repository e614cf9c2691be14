/**
 * From a blank page to a proposed plan, in the app alone. A student is added to the roster in the
 * test; the case manager starts an IEP (and, in the second journey, a Section 504 plan) and fills
 * every section in the editor by keyboard; the plan's JSON, as the app exports it, passes the
 * same checks as `lantern check` with no errors; the plan is proposed. axe at each step.
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { checkExported, isoDaysFrom, PlanEditor } from "./harness/plan-editor.ts";
import { DEMO_ACCOUNTS, type Journey, type JourneyContext } from "./harness/types.ts";

const ROSTER_HEADER =
  "sis_id,first_name,last_name,date_of_birth,grade,school,case_manager_email,guardian1_first_name,guardian1_last_name,guardian1_email,guardian1_relationship";

/** A district administrator adds one student to the roster (the way a district loads students). */
async function addStudent(
  ctx: JourneyContext,
  row: { sisId: string; first: string; last: string; born: string; grade: string; school: string },
): Promise<string> {
  const { page, signIn, step } = ctx;
  step(`add ${row.first} ${row.last} to the roster`);
  await signIn(page, DEMO_ACCOUNTS.districtAdmin);
  const csv = [
    ROSTER_HEADER,
    `${row.sisId},${row.first},${row.last},${row.born},${row.grade},${row.school},casemanager@maplevalley.example,Lucia,${row.last},lucia.${row.last.toLowerCase()}@family.example,mother`,
  ].join("\n");
  const csrf = (await ctx.context.cookies()).find((c) => c.name === "lantern_csrf")?.value ?? "";
  const res = await page.request.post("/api/district/roster", {
    data: csv,
    headers: { "content-type": "text/csv", "x-csrf-token": csrf },
  });
  assert.equal(res.status(), 200, await res.text());
  await ctx.context.clearCookies();
  await signIn(page, DEMO_ACCOUNTS.caseManager);
  const found = (await (await page.request.get(`/api/students?q=${row.last}`)).json()) as {
    items: Array<{ id: string; firstName: string }>;
  };
  const student = found.items.find((s) => s.firstName === row.first);
  assert.ok(student, "the new student is on the case manager's caseload");
  return student.id;
}

/** Start a plan of this kind from the student's plans page, by keyboard; the editor opens. */
async function startPlan(ctx: JourneyContext, studentId: string, name: string, kind: string): Promise<string> {
  const { page, heading, tabTo, axe, step } = ctx;
  step(`start the ${kind}`);
  await page.goto(`/students/${studentId}/plans`);
  await heading(page, `Plans for ${name}`);
  await page.getByText("No plans yet.").waitFor();
  await axe(page, "no plans yet");
  const type = page.getByLabel("Kind of plan");
  await tabTo(page, type, { maxPresses: 80 });
  await page.keyboard.type(kind.startsWith("IEP") ? "IEP" : "Section");
  await tabTo(page, page.getByRole("button", { name: "Start the draft" }));
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/plans\/[^/]+\/edit$/);
  const planId = page.url().split("/plans/")[1]?.split("/")[0] ?? "";
  assert.ok(planId);
  return planId;
}

/** Save, export and check: no errors; the rest is returned for the record of the journey. */
async function expectNoErrors(page: Page, studentId: string, planId: string, today: string): Promise<unknown> {
  const { errors, document } = await checkExported(page, studentId, planId, today);
  assert.deepEqual(errors, [], "the exported plan passes the checks with no errors");
  return document;
}

async function propose(ctx: JourneyContext, studentId: string, planId: string, title: string): Promise<void> {
  const { page, heading, tabTo, axe, step } = ctx;
  step("back to the plan and propose it");
  await page.goto(`/students/${studentId}/plans/${planId}`);
  await heading(page, title);
  await axe(page, "complete draft");
  await tabTo(page, page.getByRole("button", { name: "Propose the plan to the family" }), { maxPresses: 150 });
  await page.keyboard.press("Enter");
  await page.getByTestId("plan-status").getByText("Proposed — waiting for the family's signature").first().waitFor();
  await axe(page, "proposed plan");
}

export const journeys: Journey[] = [
  {
    name: "a case manager writes a complete IEP for a new student in the editor by keyboard, and proposes it",
    async run(ctx) {
      const { page, axe, step } = ctx;
      const now = new Date();
      const day = (n: number) => isoDaysFrom(now, n);
      const today = day(0);
      const born = `${now.getUTCFullYear() - 16}-03-15`;
      const sisId = `E2E${Date.now().toString().slice(-6)}`;
      const studentId = await addStudent(ctx, {
        sisId,
        first: "Rosa",
        last: "Okafor",
        born,
        grade: "11",
        school: "Lakeview High School",
      });
      const planId = await startPlan(ctx, studentId, "Rosa Okafor", "IEP");
      await ctx.heading(page, "Edit IEP for Rosa Okafor");
      await axe(page, "empty IEP draft");
      const e = new PlanEditor(page);

      step("student: languages and the family");
      await e.text("student.preferredName", "Rosa");
      await e.text("student.primaryLanguage", "English");
      await e.radio("student.englishLearner", "No");
      await e.add("student.guardians");
      await e.text("student.guardians.0.name", "Lucia Okafor");
      await e.text("student.guardians.0.relationship", "Mother");
      await e.text("student.guardians.0.language", "English");
      await e.radio("student.guardians.0.interpreterNeeded", "No");
      await e.text("student.guardians.0.phone", "555-0142");
      await e.text("student.guardians.0.email", "lucia.okafor@family.example");

      step("disability category");
      await e.select("primaryDisability", "Specific learning disability");
      await e.check("secondaryDisabilities", "Speech or language impairment");

      step("meeting and its notice");
      await e.date("meeting.date", day(7));
      await e.select("meeting.type", "First plan");
      await e.text("meeting.location", "Room 12, Lakeview High School");
      await e.radio("meeting.parentParticipation", "In person");
      await e.text("meeting.parentConcerns", "Rosa's mother wants her to read her textbooks on her own.");
      await e.text("meeting.notes", "First IEP meeting after the evaluation.");
      await e.date("meeting.notice.sentOn", today);
      await e.text(
        "meeting.notice.purpose",
        "Review the evaluation and write Rosa's first IEP, with her transition plan.",
      );
      await e.date("meeting.notice.date", day(7));
      await e.time("meeting.notice.time", "15:30");
      await e.text("meeting.notice.location", "Room 12, Lakeview High School");
      await e.add("meeting.notice.attendees");
      await e.text("meeting.notice.attendees.0", "Special education teacher");
      await e.add("meeting.notice.attendees");
      await e.text("meeting.notice.attendees.1", "General education teacher");
      await e.check("meeting.notice.informsRightToBringOthers");
      await e.radio("meeting.notice.informsPartCCoordinator", "No");
      await e.check("meeting.notice.transitionIsPurpose");
      await e.check("meeting.notice.studentWillBeInvited");
      await e.text("meeting.notice.language", "English");
      await e.radio("meeting.notice.timeAgreedWithParent", "Yes");
      await e.radio("meeting.notice.otherWaysToTakePartOffered", "Yes");
      await e.add("meeting.parentContactAttempts");
      await e.date("meeting.parentContactAttempts.0.date", day(-2));
      await e.select("meeting.parentContactAttempts.0.method", "Phone call");
      await e.text("meeting.parentContactAttempts.0.result", "Agreed on the date and time with Rosa's mother.");
      await axe(page, "IEP editor: meeting");

      step("the team");
      const team: Array<[string, string, string]> = [
        ["Lucia Okafor", "Parent or guardian", "Mother"],
        ["Rosa Okafor", "Student", "Student"],
        ["Dana Whitfield", "General education teacher", "English teacher"],
        ["Sam Ortega", "Special education teacher", "Resource specialist"],
        ["Priya Nair", "District representative", "Assistant principal"],
      ];
      for (const [i, [name, role, title]] of team.entries()) {
        await e.add("attendees");
        await e.text(`attendees.${i}.name`, name);
        await e.select(`attendees.${i}.role`, role);
        await e.text(`attendees.${i}.title`, title);
      }
      await e.radio("attendees.3.interpretsEvaluationResults", "Yes");

      step("key dates");
      await e.date("dates.referral", day(-60));
      await e.date("dates.assessmentPlanSentOn", day(-57));
      await e.date("dates.initialConsentToEvaluate", day(-45));
      await e.date("dates.eligibilityDetermination", day(-5));
      await e.date("dates.planStart", day(14));
      await e.date("dates.planEnd", day(14 + 364));
      await e.date("dates.nextAnnualReview", day(7 + 364));
      await e.date("dates.lastEvaluation", day(-5));
      await e.date("dates.nextReevaluation", day(-5 + 3 * 365 - 2));
      await e.add("evaluationHistory");
      await e.date("evaluationHistory.0.date", day(-5));
      await e.select("evaluationHistory.0.kind", "First evaluation");
      await axe(page, "IEP editor: team and dates");

      step("present levels, strengths and needs");
      await e.text("presentLevels.academic", "Rosa reads 11th-grade text at 92 words correct per minute.");
      await e.text("presentLevels.functional", "Rosa organizes her work with reminders and asks for help.");
      await e.text(
        "presentLevels.impactOnGeneralCurriculum",
        "Slow decoding keeps Rosa from finishing reading in her content classes.",
      );
      await e.text(
        "presentLevels.evaluationSummary",
        "The evaluation found a specific learning disability in reading.",
      );
      await e.add("presentLevels.strengths");
      await e.text("presentLevels.strengths.0", "Strong listening comprehension");
      await e.add("presentLevels.strengths");
      await e.text("presentLevels.strengths.1", "Persistent and well liked by classmates");
      await e.add("presentLevels.needs");
      await e.text("presentLevels.needs.0.area", "Reading fluency");
      await e.text("presentLevels.needs.0.description", "Reads grade-level text slowly and with errors.");
      await e.add("presentLevels.needs");
      await e.text("presentLevels.needs.1.area", "Written expression");
      await e.text("presentLevels.needs.1.description", "Needs help planning multi-paragraph writing.");

      step("measurable goals, linked to needs");
      const goals = [
        {
          area: "Reading fluency",
          domain: "Academic (reading, writing, math and other school subjects)",
          statement: "By the goal date, Rosa will read grade-level text at 130 words correct per minute.",
          baseline: [92, "92 words correct per minute"],
          target: [130, "130 words correct per minute"],
          unit: "words correct per minute",
          criterion: "in 3 of 4 weekly probes",
          method: "Curriculum-based measurement probes",
          need: "Reading fluency: Reads grade-level text slowly and with errors.",
        },
        {
          area: "Written expression",
          domain: "Academic (reading, writing, math and other school subjects)",
          statement: "By the goal date, Rosa will write a five-paragraph essay scoring 3 of 4 on the district rubric.",
          baseline: [1, "1 of 4 on the rubric"],
          target: [3, "3 of 4 on the rubric"],
          unit: "rubric points",
          criterion: "on 2 consecutive essays",
          method: "District writing rubric",
          need: "Written expression: Needs help planning multi-paragraph writing.",
        },
      ] as const;
      for (const [i, g] of goals.entries()) {
        await e.add("goals");
        await e.text(`goals.${i}.area`, g.area);
        await e.radio(`goals.${i}.domain`, g.domain);
        await e.text(`goals.${i}.statement`, g.statement);
        await e.number(`goals.${i}.baseline.value`, g.baseline[0]);
        await e.text(`goals.${i}.baseline.description`, g.baseline[1]);
        await e.date(`goals.${i}.baseline.measuredOn`, day(-10));
        await e.number(`goals.${i}.target.value`, g.target[0]);
        await e.text(`goals.${i}.target.description`, g.target[1]);
        await e.text(`goals.${i}.unit`, g.unit);
        await e.radio(`goals.${i}.direction`, "Go up (more is better)");
        await e.text(`goals.${i}.criterion`, g.criterion);
        await e.text(`goals.${i}.measurementMethod`, g.method);
        await e.date(`goals.${i}.byDate`, day(14 + 360));
        await e.check(`goals.${i}.needIds`, g.need);
      }
      await e.add("goals.0.shortTermObjectives");
      await e.text("goals.0.shortTermObjectives.0.text", "Rosa will read at 110 words correct per minute.");
      await e.text("goals.0.shortTermObjectives.0.criterion", "in 3 of 4 weekly probes");
      await e.date("goals.0.shortTermObjectives.0.byDate", day(14 + 180));
      await axe(page, "IEP editor: present levels and goals");

      step("how progress is measured and reported");
      await e.text("progressReporting.howMeasured", "Weekly reading probes and writing samples scored on the rubric.");
      await e.select("progressReporting.schedule.kind", "With each report card");
      await e.text("progressReporting.format", "Written progress report sent home with the report card");

      step("services, linked to goals and needs");
      const services = [
        ["Special education", "Specialized academic instruction", "Reading and writing instruction", 3, 45],
        ["Related service", "Speech-language pathology", "Language for writing", 1, 30],
      ] as const;
      for (const [i, [kind, area, description, times, minutes]] of services.entries()) {
        await e.add("services");
        await e.select(`services.${i}.kind`, kind);
        await e.select(`services.${i}.area`, area);
        await e.text(`services.${i}.description`, description);
        await e.date(`services.${i}.startDate`, day(14));
        await e.date(`services.${i}.endDate`, day(14 + 364));
        await e.number(`services.${i}.frequency.times`, times);
        await e.select(`services.${i}.frequency.per`, "Per week");
        await e.number(`services.${i}.minutesPerSession`, minutes);
        await e.radio(`services.${i}.delivery`, i === 0 ? "Group" : "Individual");
        await e.text(`services.${i}.location`, i === 0 ? "Resource room" : "Speech room");
        await e.text(
          `services.${i}.providerRole`,
          i === 0 ? "Special education teacher" : "Speech-language pathologist",
        );
        const goal = goals[i] ?? goals[0];
        await e.check(`services.${i}.goalIds`, `${goal.area}: ${goal.statement}`);
        await e.check(`services.${i}.needIds`, goal.need);
      }
      await e.add("programModifications");
      await e.select("programModifications.0.kind", "Support for school staff");
      await e.text("programModifications.0.description", "Training for Rosa's teachers on reading supports.");
      await e.text("programModifications.0.providedBy", "Reading specialist");
      await e.text("programModifications.0.when", "Once in the fall semester");
      await e.check("programModifications.0.goalIds", `${goals[0].area}: ${goals[0].statement}`);

      step("accommodations, linked to needs; tests");
      await e.add("accommodations");
      await e.select("accommodations.0.category", "On tests");
      await e.text("accommodations.0.text", "Extra time (1.5x) on tests");
      await e.text("accommodations.0.providedBy", "All teachers");
      await e.text("accommodations.0.when", "On tests longer than 15 minutes");
      await e.check("accommodations.0.needIds", goals[0].need);
      await e.add("accommodations");
      await e.select("accommodations.1.category", "In class (how the student is taught)");
      await e.text("accommodations.1.text", "Audio versions of textbooks");
      await e.text("accommodations.1.providedBy", "General education teachers");
      await e.text("accommodations.1.when", "In all content classes");
      await e.check("accommodations.1.needIds", goals[0].need);
      for (const [i, name] of ["State test in English language arts", "State test in mathematics"].entries()) {
        await e.add("assessments");
        await e.text(`assessments.${i}.name`, name);
        await e.select(`assessments.${i}.scope`, "State test");
        await e.select(`assessments.${i}.participation`, "Regular test with accommodations");
        await e.check(`assessments.${i}.accommodationIds`, "Extra time (1.5x) on tests");
      }
      await axe(page, "IEP editor: services and accommodations");

      step("placement and the least restrictive environment");
      await e.select("placement.settingCode", "General education class 80% or more of the day");
      await e.number("placement.percentInGeneralEducation", 85);
      await e.text(
        "placement.nonParticipationExplanation",
        "Rosa is out of general education for reading instruction in the resource room, 135 minutes a week.",
      );
      await e.text("placement.school", "Lakeview High School");
      await e.radio("placement.isSchoolOfResidence", "Yes");
      await e.text("placement.optionsConsidered", "Full-time general education without support was considered.");
      await e.text("placement.harmfulEffectsConsidered", "Time out of class is kept short so Rosa misses little.");

      step("special factors and extended school year");
      for (const factor of [
        "behavior",
        "limitedEnglishProficiency",
        "braille",
        "communication",
        "assistiveTechnology",
      ]) {
        await e.check(`specialFactors.${factor}.considered`);
        await e.radio(`specialFactors.${factor}.applies`, factor === "assistiveTechnology" ? "Yes" : "No");
        await e.text(
          `specialFactors.${factor}.notes`,
          factor === "assistiveTechnology" ? "Text-to-speech on her laptop." : "Not a need for Rosa.",
        );
      }
      await e.select("extendedSchoolYear.decision", "Not needed");
      await e.text("extendedSchoolYear.rationale", "Rosa keeps her skills over breaks.");
      await axe(page, "IEP editor: placement and factors");

      step("the transition plan (Rosa is 16) and transfer of rights");
      await e.radio("transition.studentInvited", "Yes");
      await e.text("transition.studentPreferences", "Rosa likes biology and wants to work with animals.");
      await e.text("transition.courseOfStudy", "College preparatory courses with biology electives.");
      await e.add("transition.assessments");
      await e.text("transition.assessments.0.name", "Career interest inventory");
      await e.date("transition.assessments.0.date", day(-20));
      await e.text("transition.assessments.0.summary", "Strong interest in science and caring for animals.");
      await e.radio("transition.outsideAgenciesLikelyResponsible", "No");
      const postsecondary = [
        ["Education or training", "After high school, Rosa will study veterinary technology at a community college."],
        ["Work", "After her studies, Rosa will work as a veterinary technician."],
        ["Living on their own", "After high school, Rosa will manage her own schedule and budget."],
      ] as const;
      for (const [i, [area, text]] of postsecondary.entries()) {
        await e.add("transition.postsecondaryGoals");
        await e.select(`transition.postsecondaryGoals.${i}.area`, area);
        await e.text(`transition.postsecondaryGoals.${i}.text`, text);
      }
      await e.add("transition.transitionServices");
      await e.select("transition.transitionServices.0.area", "Instruction");
      await e.text("transition.transitionServices.0.description", "College application and study skills class.");
      await e.text("transition.transitionServices.0.providedBy", "School counselor");
      await e.check("transition.transitionServices.0.postsecondaryGoalIds", postsecondary[0][1]);
      await e.add("transition.transitionServices");
      await e.select("transition.transitionServices.1.area", "Community experiences");
      await e.text("transition.transitionServices.1.description", "Job shadowing at an animal clinic.");
      await e.text("transition.transitionServices.1.providedBy", "Transition specialist");
      await e.check("transition.transitionServices.1.postsecondaryGoalIds", postsecondary[1][1]);
      await e.number("transferOfRights.ageOfMajority", 18);
      await e.date("transferOfRights.studentInformedOn", day(7));
      await e.text(
        "transferOfRights.statement",
        "At 18, the rights under the special education law move from Rosa's parents to Rosa.",
      );
      await axe(page, "IEP editor: transition");

      step("prior written notice with its seven contents, and the notice of rights");
      await e.date("priorWrittenNotice.date", today);
      await e.radio("priorWrittenNotice.action", "The school proposes an action");
      await e.text(
        "priorWrittenNotice.actionDescription",
        "The school proposes Rosa's first IEP, with the services above.",
      );
      await e.text(
        "priorWrittenNotice.reasons",
        "The evaluation found Rosa eligible with a specific learning disability.",
      );
      await e.add("priorWrittenNotice.basis");
      await e.text("priorWrittenNotice.basis.0", "Psychoeducational evaluation report");
      await e.add("priorWrittenNotice.basis");
      await e.text("priorWrittenNotice.basis.1", "Curriculum-based reading probes");
      await e.text(
        "priorWrittenNotice.safeguardsStatement",
        "You have rights under the procedural safeguards; ask the school office for a free copy.",
      );
      await e.add("priorWrittenNotice.sourcesOfHelp");
      await e.text("priorWrittenNotice.sourcesOfHelp.0", "The parent training and information center");
      await e.add("priorWrittenNotice.optionsConsidered");
      await e.text("priorWrittenNotice.optionsConsidered.0.option", "A Section 504 plan with accommodations only");
      await e.text("priorWrittenNotice.optionsConsidered.0.whyRejected", "Rosa needs specialized instruction.");
      await e.text("priorWrittenNotice.otherFactors", "Rosa's own goals for after high school.");
      await e.text("priorWrittenNotice.language", "English");
      await e.date("safeguardsNotice.givenOn", day(-60));
      await e.select("safeguardsNotice.method", "Handed over in person");
      await e.text("safeguardsNotice.language", "English");
      await e.add("safeguardsNotice.events");
      await e.select("safeguardsNotice.events.0.event", "First referral or request for an evaluation");
      await e.date("safeguardsNotice.events.0.date", day(-60));
      await e.saved();
      await axe(page, "IEP editor: notices");

      step("the exported plan passes the checks with no errors");
      await expectNoErrors(page, studentId, planId, today);
      await propose(ctx, studentId, planId, "IEP for Rosa Okafor");
    },
  },
  {
    name: "a case manager writes a complete Section 504 plan for a new student in the editor by keyboard, and proposes it",
    async run(ctx) {
      const { page, axe, step } = ctx;
      const now = new Date();
      const day = (n: number) => isoDaysFrom(now, n);
      const today = day(0);
      const studentId = await addStudent(ctx, {
        sisId: `E2F${Date.now().toString().slice(-6)}`,
        first: "Theo",
        last: "Marchetti",
        born: `${now.getUTCFullYear() - 12}-06-02`,
        grade: "7",
        school: "Riverside Middle School",
      });
      const planId = await startPlan(ctx, studentId, "Theo Marchetti", "Section 504 plan");
      await ctx.heading(page, "Edit Section 504 plan for Theo Marchetti");
      await axe(page, "empty 504 draft");
      const e = new PlanEditor(page);

      step("student and family");
      await e.text("student.primaryLanguage", "English");
      await e.radio("student.englishLearner", "No");
      await e.add("student.guardians");
      await e.text("student.guardians.0.name", "Lucia Marchetti");
      await e.text("student.guardians.0.relationship", "Mother");
      await e.text("student.guardians.0.language", "English");
      await e.radio("student.guardians.0.interpreterNeeded", "No");

      step("meeting and team");
      await e.date("meeting.date", day(7));
      await e.select("meeting.type", "First plan");
      await e.text("meeting.location", "Riverside Middle School office");
      await e.text("meeting.parentConcerns", "Theo's mother wants his blood sugar checked before tests.");
      const team: Array<[string, string, string]> = [
        ["Lucia Marchetti", "Parent or guardian", "Mother"],
        ["Kim Alvarez", "General education teacher", "Math teacher"],
        ["Jordan Lee", "Other", "School nurse"],
      ];
      for (const [i, [name, role, title]] of team.entries()) {
        await e.add("attendees");
        await e.text(`attendees.${i}.name`, name);
        await e.select(`attendees.${i}.role`, role);
        await e.text(`attendees.${i}.title`, title);
      }

      step("key dates");
      await e.date("dates.consentToEvaluate", day(-30));
      await e.date("dates.eligibilityDetermination", day(-3));
      await e.date("dates.planStart", day(10));
      await e.date("dates.reviewDate", day(10 + 364));
      await e.date("dates.nextReevaluation", day(-3 + 3 * 365 - 2));
      await axe(page, "504 editor: meeting, team and dates");

      step("the impairment and the major life activities it limits");
      await e.add("impairments");
      await e.text("impairments.0.name", "Type 1 diabetes");
      await e.text("impairments.0.description", "Theo's blood sugar can drop or rise during the school day.");
      await e.add("impairments.0.mitigatingMeasures");
      await e.text("impairments.0.mitigatingMeasures.0", "Insulin pump");
      await e.add("impairments.0.limitations");
      await e.select("impairments.0.limitations.0.majorLifeActivity", "Body function: hormones (endocrine)");
      await e.text("impairments.0.limitations.0.description", "His body does not make insulin.");
      await e.add("impairments.0.limitations");
      await e.select("impairments.0.limitations.1.majorLifeActivity", "Concentrating");
      await e.text("impairments.0.limitations.1.description", "Low blood sugar makes it hard to concentrate.");

      step("information the team relied on");
      const sources = [
        ["Medical information", "Letter from Theo's endocrinologist"],
        ["What the parent told the team", "Interview with Theo's mother"],
      ] as const;
      for (const [i, [kind, description]] of sources.entries()) {
        await e.add("evaluationSources");
        await e.select(`evaluationSources.${i}.kind`, kind);
        await e.text(`evaluationSources.${i}.description`, description);
        await e.date(`evaluationSources.${i}.date`, day(-10));
      }
      await axe(page, "504 editor: impairment and sources");

      step("accommodations and aids, each tied to a limitation");
      const endocrine = "Body function: hormones (endocrine): His body does not make insulin.";
      const concentrating = "Concentrating: Low blood sugar makes it hard to concentrate.";
      await e.add("accommodations");
      await e.select("accommodations.0.category", "Health");
      await e.text("accommodations.0.text", "Snacks and water at his desk at any time");
      await e.text("accommodations.0.providedBy", "All teachers");
      await e.text("accommodations.0.when", "Throughout the school day");
      await e.check("accommodations.0.limitationIds", endocrine);
      await e.add("accommodations");
      await e.select("accommodations.1.category", "On tests");
      await e.text("accommodations.1.text", "A test is paused and rescheduled when his blood sugar is low");
      await e.text("accommodations.1.providedBy", "All teachers");
      await e.text("accommodations.1.when", "On tests and quizzes");
      await e.check("accommodations.1.limitationIds", concentrating);
      await e.add("aidsAndServices");
      await e.select("aidsAndServices.0.kind", "Related service (for example nursing or counseling)");
      await e.text("aidsAndServices.0.description", "Blood sugar check by the school nurse");
      await e.text("aidsAndServices.0.providedBy", "School nurse");
      await e.text("aidsAndServices.0.frequency", "Before lunch and as symptoms require");
      await e.text("aidsAndServices.0.location", "Health office");
      await e.check("aidsAndServices.0.limitationIds", endocrine);
      await e.text("placement", "General education classes, with the health office nearby.");

      step("the notice of rights");
      await e.date("safeguardsNotice.givenOn", day(-30));
      await e.select("safeguardsNotice.method", "Handed over in person");
      await e.text("safeguardsNotice.language", "English");
      await e.saved();
      await axe(page, "504 editor: complete");

      step("the exported plan passes the checks with no errors");
      await expectNoErrors(page, studentId, planId, today);
      await propose(ctx, studentId, planId, "Section 504 plan for Theo Marchetti");
    },
  },
];
