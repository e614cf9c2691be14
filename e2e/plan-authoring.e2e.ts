/**
 * From nothing to a plan in effect, in the app alone. The case manager adds the student on the
 * "Add a student" page (the 504 journey first sends a wrong date of birth: the server's 400 names
 * the field; in the first journey the student number is then entered with "Edit details" on the
 * student's page), starts an IEP (and, in the second journey, a Section 504 plan) and fills every
 * section in the editor by keyboard; the plan's JSON, as the app exports it, passes the same checks
 * as `lantern check` with no errors; the plan is proposed, the meeting scheduled and its notice
 * printed (the PDF's text is read), the guardian signs (consenting to all of the IEP but one
 * service), and the case manager puts the plan in effect. axe at each step.
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { pdfText } from "./harness/pdf-text.ts";
import { checkExported, isoDaysFrom, PlanEditor } from "./harness/plan-editor.ts";
import { DEMO_ACCOUNTS, type Journey, type JourneyContext } from "./harness/types.ts";

/** What a case manager enters for a new student (the guardian is the demo parent, Ana Rivera, who signs later). */
type NewStudent = { first: string; last: string; born: string; grade: string; school: string };

/**
 * The case manager adds the student in the app, by keyboard, from the home page; the student's
 * plans page opens. With `mistake`, a date of birth after today is sent first: the server's 400 is
 * shown under the field it names and in a summary that takes focus, then the date is corrected.
 */
async function addStudent(ctx: JourneyContext, row: NewStudent, options: { mistake?: boolean } = {}): Promise<string> {
  const { page, signIn, tabTo, heading, axe, step } = ctx;
  step(`the case manager adds ${row.first} ${row.last} in the app`);
  await signIn(page, DEMO_ACCOUNTS.caseManager);
  await tabTo(page, page.getByRole("link", { name: "Add a student" }), { maxPresses: 40 });
  await page.keyboard.press("Enter");
  await heading(page, "Add a student");
  await axe(page, "add a student");
  const form = new PlanEditor(page, "student-");
  await form.text("firstName", row.first);
  await form.text("lastName", row.last);
  await form.date("dateOfBirth", options.mistake ? isoDaysFrom(new Date(), 30) : row.born);
  await form.select("grade", `Grade ${row.grade}`);
  await form.select("schoolId", row.school);
  await form.text("guardians-0-firstName", "Ana");
  await form.text("guardians-0-lastName", "Rivera");
  await form.text("guardians-0-email", DEMO_ACCOUNTS.guardian);
  await form.text("guardians-0-relationship", "Mother");
  const submit = page.getByRole("button", { name: "Add the student" });
  await tabTo(page, submit);
  await page.keyboard.press("Enter");
  if (options.mistake) {
    const summary = page.getByRole("alert").filter({ hasText: "The student was not added" });
    await summary.getByRole("link", { name: "The date of birth is after today" }).waitFor();
    assert.equal(await form.control("dateOfBirth").getAttribute("aria-invalid"), "true");
    await axe(page, "add a student: the server names the wrong field");
    await form.date("dateOfBirth", row.born);
    await tabTo(page, submit);
    await page.keyboard.press("Enter");
  }
  await heading(page, `Plans for ${row.first} ${row.last}`);
  const studentId = page.url().split("/students/")[1]?.split("/")[0] ?? "";
  assert.ok(studentId, "the new student's plans page opened");
  return studentId;
}

/** On the student's page, "Edit details" by keyboard: the case manager enters the student number. */
async function correctDetails(ctx: JourneyContext, studentId: string, name: string, localId: string): Promise<void> {
  const { page, heading, tabTo, axe, step } = ctx;
  step(`the case manager corrects ${name}'s details`);
  await page.goto(`/students/${studentId}`);
  await heading(page, name);
  await tabTo(page, page.getByText("Edit details", { exact: true }), { maxPresses: 60 });
  await page.keyboard.press("Enter");
  const form = new PlanEditor(page, "edit-student-");
  await form.control("localId").waitFor();
  await form.text("localId", localId);
  await tabTo(page, page.getByRole("button", { name: "Save the details" }));
  await page.keyboard.press("Enter");
  await page.getByRole("status").filter({ hasText: "details are saved" }).waitFor();
  assert.equal(await form.control("localId").inputValue(), localId);
  await axe(page, "student's details corrected");
}

/** Start a plan of this kind from the student's plans page, by keyboard; the editor opens. */
async function startPlan(ctx: JourneyContext, studentId: string, name: string, kind: string): Promise<string> {
  const { page, heading, tabTo, axe, step } = ctx;
  step(`start the ${kind}`);
  if (!page.url().endsWith(`/students/${studentId}/plans`)) await page.goto(`/students/${studentId}/plans`);
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

/** On the proposed plan's page, the case manager schedules the team meeting; its notice is printed and read. */
async function scheduleMeeting(
  ctx: JourneyContext,
  meeting: { date: string; noticeSentOn: string; location: string; purpose: string; transition: boolean },
  says: string[],
): Promise<void> {
  const { page, tabTo, axe, step } = ctx;
  step("schedule the meeting and print its notice");
  const form = page.getByRole("form", { name: "Schedule the meeting" });
  const keys = (iso: string) => `${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(0, 4)}`;
  await tabTo(page, form.getByLabel("Date (required)"), { maxPresses: 150 });
  await page.keyboard.type(keys(meeting.date));
  await tabTo(page, form.getByLabel("Where"));
  await page.keyboard.insertText(meeting.location);
  await tabTo(page, form.getByLabel("What the meeting is for"));
  await page.keyboard.insertText(meeting.purpose);
  await tabTo(page, form.getByLabel("Date the notice was sent to the family"));
  await page.keyboard.type(keys(meeting.noticeSentOn));
  if (meeting.transition) {
    for (const box of [
      form.getByLabel("Planning for life after high school (transition) is a purpose of the meeting"),
      form.getByLabel("The student will be invited"),
    ]) {
      await tabTo(page, box);
      await page.keyboard.press("Space");
      assert.ok(await box.isChecked());
    }
  }
  await tabTo(page, form.getByRole("button", { name: "Schedule" }));
  await page.keyboard.press("Enter");
  await page.getByTestId("meeting-scheduled").waitFor();
  await axe(page, "meeting scheduled");
  const link = page.getByRole("link", { name: "Notice of the team meeting (PDF)" }).first();
  const text = await pdfText(page, (await link.getAttribute("href")) ?? "");
  for (const words of says) assert.ok(text.includes(words), `the meeting notice says "${words}"`);
}

/**
 * The guardian, Ana Rivera, signs in and signs the proposed plan as herself; with `refused`, she
 * consents to the plan except the part she names (34 CFR 300.300(b); Cal. Ed. Code 56346(e)).
 */
async function guardianSigns(
  ctx: JourneyContext,
  plan: { studentId: string; planId: string; title: string },
  refused?: string,
): Promise<void> {
  const { page, tabTo, axe, heading, signIn, step } = ctx;
  step(refused ? "the guardian signs, consenting to all but one service" : "the guardian signs");
  await ctx.context.clearCookies();
  await signIn(page, DEMO_ACCOUNTS.guardian);
  await page.goto(`/students/${plan.studentId}/plans/${plan.planId}`);
  await heading(page, plan.title);
  await page.getByTestId("signing-as").getByText("You sign as Ana Rivera").waitFor();
  if (refused) {
    const whole = page.getByRole("radio", { name: "I agree to the whole plan" });
    await tabTo(page, whole, { maxPresses: 150 });
    await page.keyboard.press("ArrowDown");
    assert.ok(await page.getByRole("radio", { name: "I agree to the plan except the parts I name below" }).isChecked());
    await tabTo(page, page.getByLabel(/^The parts you do not agree to/));
    await page.keyboard.insertText(refused);
  }
  await tabTo(page, page.getByLabel(/^Type your full name/), { maxPresses: 150 });
  await page.keyboard.insertText("Ana Rivera");
  await tabTo(page, page.getByRole("button", { name: "Sign", exact: true }));
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Sign this plan?" });
  await dialog.waitFor();
  if (refused) await dialog.getByText("Your decision: I agree to the plan except the parts I name below").waitFor();
  await axe(page, "the guardian confirms her signature");
  await tabTo(page, dialog.getByRole("button", { name: "Yes, sign" }));
  await page.keyboard.press("Enter");
  await page
    .getByTestId("plan-status")
    .getByText(/Signed and sealed/)
    .first()
    .waitFor();
  await axe(page, "signed and sealed (guardian)");
}

/** The case manager puts the sealed plan in effect, confirming first. */
async function putInEffect(ctx: JourneyContext, plan: { studentId: string; planId: string; title: string }) {
  const { page, tabTo, axe, heading, signIn, step } = ctx;
  step("the case manager puts the plan in effect");
  await ctx.context.clearCookies();
  await signIn(page, DEMO_ACCOUNTS.caseManager);
  await page.goto(`/students/${plan.studentId}/plans/${plan.planId}`);
  await heading(page, plan.title);
  await tabTo(page, page.getByRole("button", { name: "Put the plan in effect" }), { maxPresses: 80 });
  await page.keyboard.press("Enter");
  const confirm = page.getByRole("dialog", { name: "Put this plan in effect?" });
  await tabTo(page, confirm.getByRole("button", { name: "Yes, put it in effect" }));
  await page.keyboard.press("Enter");
  await page
    .getByTestId("plan-status")
    .getByText(/^In effect/)
    .first()
    .waitFor();
  await axe(page, "plan in effect");
}

export const journeys: Journey[] = [
  {
    name: "a case manager adds a student, writes a complete IEP in the editor by keyboard, and takes it into effect with the parent's partial consent",
    async run(ctx) {
      const { page, axe, step } = ctx;
      const now = new Date();
      const day = (n: number) => isoDaysFrom(now, n);
      const today = day(0);
      const born = `${now.getUTCFullYear() - 16}-03-15`;
      const studentId = await addStudent(ctx, {
        first: "Rosa",
        last: "Okafor",
        born,
        grade: "11",
        school: "Maple Valley High School",
      });
      await correctDetails(ctx, studentId, "Rosa Okafor", "MV-20117");
      const planId = await startPlan(ctx, studentId, "Rosa Okafor", "IEP");
      await ctx.heading(page, "Edit IEP for Rosa Okafor");
      await axe(page, "empty IEP draft");
      const e = new PlanEditor(page);

      step("student: languages and the family");
      await e.text("student.preferredName", "Rosa");
      await e.text("student.primaryLanguage", "English");
      await e.radio("student.englishLearner", "No");
      await e.add("student.guardians");
      await e.text("student.guardians.0.name", "Ana Rivera");
      await e.text("student.guardians.0.relationship", "Mother");
      await e.text("student.guardians.0.language", "English");
      await e.radio("student.guardians.0.interpreterNeeded", "No");
      await e.text("student.guardians.0.phone", "555-0142");
      await e.text("student.guardians.0.email", DEMO_ACCOUNTS.guardian);

      step("disability category");
      await e.select("primaryDisability", "Specific learning disability");
      await e.check("secondaryDisabilities", "Speech or language impairment");

      step("meeting and its notice");
      await e.date("meeting.date", today);
      await e.select("meeting.type", "First plan");
      await e.text("meeting.location", "Room 12, Maple Valley High School");
      await e.radio("meeting.parentParticipation", "In person");
      await e.text("meeting.parentConcerns", "Rosa's mother wants her to read her textbooks on her own.");
      await e.text("meeting.notes", "First IEP meeting after the evaluation.");
      await e.date("meeting.notice.sentOn", day(-7));
      await e.text(
        "meeting.notice.purpose",
        "Review the evaluation and write Rosa's first IEP, with her transition plan.",
      );
      await e.date("meeting.notice.date", today);
      await e.time("meeting.notice.time", "15:30");
      await e.text("meeting.notice.location", "Room 12, Maple Valley High School");
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
      await e.date("meeting.parentContactAttempts.0.date", day(-9));
      await e.select("meeting.parentContactAttempts.0.method", "Phone call");
      await e.text("meeting.parentContactAttempts.0.result", "Agreed on the date and time with Rosa's mother.");
      await axe(page, "IEP editor: meeting");

      step("the team");
      const team: Array<[string, string, string]> = [
        ["Ana Rivera", "Parent or guardian", "Mother"],
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
        // The team writes the plan at today's meeting.
        await e.select(`attendees.${i}.attendance`, "Attended");
      }
      await e.radio("attendees.3.interpretsEvaluationResults", "Yes");

      step("key dates");
      await e.date("dates.referral", day(-60));
      await e.date("dates.assessmentPlanSentOn", day(-57));
      await e.date("dates.initialConsentToEvaluate", day(-45));
      await e.date("dates.eligibilityDetermination", day(-5));
      await e.date("dates.planStart", today);
      await e.date("dates.planEnd", day(364));
      await e.date("dates.nextAnnualReview", day(364));
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
        await e.date(`goals.${i}.byDate`, day(360));
        await e.check(`goals.${i}.needIds`, g.need);
      }
      await e.add("goals.0.shortTermObjectives");
      await e.text("goals.0.shortTermObjectives.0.text", "Rosa will read at 110 words correct per minute.");
      await e.text("goals.0.shortTermObjectives.0.criterion", "in 3 of 4 weekly probes");
      await e.date("goals.0.shortTermObjectives.0.byDate", day(180));
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
        await e.date(`services.${i}.startDate`, today);
        await e.date(`services.${i}.endDate`, day(364));
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
      await e.text("placement.school", "Maple Valley High School");
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
      await e.date("transferOfRights.studentInformedOn", today);
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

      step("the exported plan passes the checks but for the consent the parent gives by signing");
      // The plan starts today: until the parent consents to the first services it cannot be
      // provided (34 CFR 300.300(b)), and the checks say so; her signature below clears it.
      const before = await checkExported(page, studentId, planId, today);
      assert.deepEqual(
        before.check.findings.filter((f) => f.severity === "error").map((f) => f.code),
        ["consent.initial-services-missing"],
        before.errors.join("\n"),
      );
      await propose(ctx, studentId, planId, "IEP for Rosa Okafor");
      const plan = { studentId, planId, title: "IEP for Rosa Okafor" };
      const purpose = "Review the evaluation and write Rosa's first IEP, with her transition plan.";
      await scheduleMeeting(
        ctx,
        {
          date: today,
          noticeSentOn: day(-7),
          location: "Room 12, Maple Valley High School",
          purpose,
          transition: true,
        },
        [
          "Notice of IEP team meeting",
          purpose,
          "Room 12, Maple Valley High School",
          "You may bring others",
          "Planning for life after high school",
        ],
      );
      await guardianSigns(ctx, plan, "Speech-language pathology: language for writing");
      await putInEffect(ctx, plan);
      const content = (
        (await (await page.request.get(`/api/students/${studentId}/plans/${planId}`)).json()) as {
          version: { content: { consent: { choice: string; exclusions: Array<{ description: string }> } } };
        }
      ).version.content;
      assert.equal(content.consent.choice, "consent-except", "the parent consented in part");
      assert.deepEqual(
        content.consent.exclusions.map((x) => x.description),
        ["Speech-language pathology: language for writing"],
      );
      step("the plan in effect, as exported, passes the checks with no errors");
      await expectNoErrors(page, studentId, planId, today);
    },
  },
  {
    name: "a case manager adds a student, writes a complete Section 504 plan in the editor by keyboard, and takes it into effect",
    async run(ctx) {
      const { page, axe, step } = ctx;
      const now = new Date();
      const day = (n: number) => isoDaysFrom(now, n);
      const today = day(0);
      const studentId = await addStudent(
        ctx,
        {
          first: "Theo",
          last: "Marchetti",
          born: `${now.getUTCFullYear() - 12}-06-02`,
          grade: "7",
          school: "Riverside Middle School",
        },
        { mistake: true },
      );
      const planId = await startPlan(ctx, studentId, "Theo Marchetti", "Section 504 plan");
      await ctx.heading(page, "Edit Section 504 plan for Theo Marchetti");
      await axe(page, "empty 504 draft");
      const e = new PlanEditor(page);

      step("student and family");
      await e.text("student.primaryLanguage", "English");
      await e.radio("student.englishLearner", "No");
      await e.add("student.guardians");
      await e.text("student.guardians.0.name", "Ana Rivera");
      await e.text("student.guardians.0.relationship", "Mother");
      await e.text("student.guardians.0.language", "English");
      await e.radio("student.guardians.0.interpreterNeeded", "No");

      step("meeting and team");
      await e.date("meeting.date", today);
      await e.select("meeting.type", "First plan");
      await e.text("meeting.location", "Riverside Middle School office");
      await e.text("meeting.parentConcerns", "Theo's mother wants his blood sugar checked before tests.");
      const team: Array<[string, string, string]> = [
        ["Ana Rivera", "Parent or guardian", "Mother"],
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
      await e.date("dates.planStart", today);
      await e.date("dates.reviewDate", day(364));
      await e.date("dates.nextReevaluation", day(-3 + 3 * 365 - 2));
      await axe(page, "504 editor: meeting, team and dates");

      step("the impairment and the major life activities it limits");
      await e.add("impairments");
      await e.text("impairments.0.name", "Type 1 diabetes");
      await e.text("impairments.0.description", "Theo's blood sugar can drop or rise during the school day.");
      await e.add("impairments.0.mitigatingMeasures");
      await e.text("impairments.0.mitigatingMeasures.0", "Insulin pump");
      // Without a major life activity the impairment is no basis for a plan: the error is shown
      // beside its limitations (34 CFR 104.3(j)(1); 42 USC 12102(1)-(2)).
      const note = page.locator('[id="field-impairments.0.limitations"] + [data-testid="finding-note"]');
      await note.getByText("“Type 1 diabetes” has no major life activity it substantially limits.").waitFor();
      await axe(page, "504 editor: an impairment without a major life activity");
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
      const plan = { studentId, planId, title: "Section 504 plan for Theo Marchetti" };
      const purpose = "Write Theo's Section 504 plan for his diabetes.";
      await scheduleMeeting(
        ctx,
        { date: today, noticeSentOn: day(-7), location: "Riverside Middle School office", purpose, transition: false },
        ["Notice of Section 504 meeting", purpose, "Riverside Middle School office"],
      );
      await guardianSigns(ctx, plan);
      await putInEffect(ctx, plan);
      step("the plan in effect, as exported, still passes the checks with no errors");
      await expectNoErrors(page, studentId, planId, today);
    },
  },
];
