/**
 * Demo plans: IEPs and Section 504 plans at every lifecycle stage for the demo students, one
 * student with both plans (a 504 plan in effect and an IEP draft that carried its accommodations
 * over), Mateo Rivera with an IEP in effect, and annual reviews and meetings both past due and
 * upcoming. Dates are fixed offsets from `today`. Every name is fictional.
 */
import {
  addDays,
  addYears,
  carryOver504IntoIep,
  hashPlanContent,
  type IepDocument,
  type PlanAttendee,
  type PlanDocument,
  type PlanState,
  type Section504Document,
  sample504,
  sampleIep,
  ZIepDocument,
  ZSection504Document,
} from "@lantern/core";
import type { Kysely } from "kysely";
import type { Database } from "../src/db/schema.ts";
import type { DemoIds, DemoSeedStep } from "./demo.ts";

type Db = Kysely<Database>;

export type StudentRow = {
  id: string;
  first_name: string;
  last_name: string;
  date_of_birth: string;
  grade: string;
  local_id: string | null;
  district_id: string;
  school_id: string;
  school_name: string;
  district_name: string;
};

export async function loadStudent(db: Db, id: string): Promise<StudentRow> {
  return db
    .selectFrom("students as s")
    .innerJoin("schools as k", "k.id", "s.school_id")
    .innerJoin("districts as d", "d.id", "s.district_id")
    .select([
      "s.id",
      "s.first_name",
      "s.last_name",
      "s.date_of_birth",
      "s.grade",
      "s.local_id",
      "s.district_id",
      "s.school_id",
      "k.name as school_name",
      "d.name as district_name",
    ])
    .where("s.id", "=", id)
    .executeTakeFirstOrThrow();
}

export async function team(db: Db, s: StudentRow, staffName: string, staffTitle: string): Promise<PlanAttendee[]> {
  const guardian = await db
    .selectFrom("guardianships as g")
    .innerJoin("people as p", "p.id", "g.person_id")
    .select(["p.id", "p.first_name", "p.last_name", "g.relationship"])
    .where("g.student_id", "=", s.id)
    .executeTakeFirstOrThrow();
  const staff = await db.selectFrom("people").select("id").where("email", "=", staffName).executeTakeFirst();
  const staffPerson = await db
    .selectFrom("people")
    .select(["first_name", "last_name"])
    .where("email", "=", staffName)
    .executeTakeFirst();
  return [
    {
      id: "parent-1",
      name: `${guardian.first_name} ${guardian.last_name}`,
      role: "parent",
      title: guardian.relationship,
      accountId: guardian.id,
      attendance: "invited",
      excusal: null,
    },
    {
      id: "staff-1",
      name: staffPerson ? `${staffPerson.first_name} ${staffPerson.last_name}` : "Case manager",
      role: "special-education-teacher",
      title: staffTitle,
      accountId: staff?.id ?? null,
      attendance: "invited",
      excusal: null,
    },
    {
      id: "staff-2",
      name: "Jamie Ortega",
      role: "regular-education-teacher",
      title: "General education teacher",
      accountId: null,
      attendance: "invited",
      excusal: null,
    },
    {
      id: "staff-3",
      name: "Omar Haddad",
      role: "agency-representative",
      title: "Principal",
      accountId: null,
      attendance: "invited",
      excusal: null,
    },
  ];
}

function snapshot(s: StudentRow, guardianName: string) {
  return {
    studentId: s.id,
    localId: s.local_id ?? "",
    firstName: s.first_name,
    lastName: s.last_name,
    preferredName: "",
    dateOfBirth: s.date_of_birth,
    grade: s.grade,
    school: s.school_name,
    district: s.district_name,
    primaryLanguage: "English",
    englishLearner: false,
    guardians: [{ name: guardianName, relationship: "Parent", language: "English", phone: "", email: "" }],
  };
}

/** The sample plan's text with the sample child's name ("Rowan") replaced by the student's. */
function withName<T>(value: T, name: string): T {
  if (typeof value === "string") return value.replace(/\bRowan\b/g, name) as T;
  if (Array.isArray(value)) return value.map((v) => withName(v, name)) as T;
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withName(v, name)])) as T;
  return value;
}

/** An IEP for `s` whose meeting is on `meetingOn` and which starts the next day. */
export function iepFor(s: StudentRow, attendees: PlanAttendee[], meetingOn: string, stage: PlanState): IepDocument {
  const sample = sampleIep();
  const start = addDays(meetingOn, 1);
  const end = addDays(addYears(start, 1), -1);
  const name = s.first_name;
  const atMeeting = stage !== "draft";
  const doc: IepDocument = {
    ...sample,
    student: snapshot(s, attendees[0]?.name ?? ""),
    meeting: {
      ...sample.meeting,
      date: meetingOn,
      location: "Conference room B",
      notes: atMeeting ? `The team reviewed ${name}'s progress and agreed on goals and services.` : "",
      notice: sample.meeting.notice
        ? {
            ...sample.meeting.notice,
            sentOn: addDays(meetingOn, -14),
            date: meetingOn,
            location: "Conference room B",
            transitionIsPurpose: false,
            studentWillBeInvited: false,
          }
        : null,
    },
    dates: {
      ...sample.dates,
      planStart: start,
      planEnd: end,
      nextAnnualReview: end,
      lastEvaluation: addDays(meetingOn, -400),
      nextReevaluation: addDays(meetingOn, 700),
    },
    presentLevels: {
      ...sample.presentLevels,
      academic: `${name} reads grade-level text with support and is building decoding skills.`,
      impactOnGeneralCurriculum: `Slow decoding limits ${name}'s access to grade-level reading in class.`,
    },
    goals: sample.goals.map((g) => ({
      ...g,
      statement: g.statement.replace(/Rowan/g, name),
      byDate: end,
      baseline: { ...g.baseline, measuredOn: addDays(meetingOn, -20) },
    })),
    progressReporting: {
      ...sample.progressReporting,
      reportDates: [addDays(start, 60), addDays(start, 150), addDays(start, 240)],
    },
    services: sample.services.map((svc) => ({ ...svc, startDate: start })),
    placement: { ...sample.placement, school: s.school_name },
    transition: null,
    attendees: attendees.map((a) => ({ ...a, attendance: atMeeting ? "attended" : "invited" })),
    priorWrittenNotice: sample.priorWrittenNotice
      ? {
          ...sample.priorWrittenNotice,
          date: meetingOn,
          reasons: `${name} continues to need specialized reading and writing instruction.`,
        }
      : null,
    safeguardsNotice: { givenOn: meetingOn, method: "in-person", language: "English" },
  };
  return ZIepDocument.parse(withName(doc, name));
}

function plan504For(s: StudentRow, attendees: PlanAttendee[], meetingOn: string, stage: PlanState): Section504Document {
  const sample = sample504();
  const start = addDays(meetingOn, 1);
  return ZSection504Document.parse({
    ...sample,
    student: snapshot(s, attendees[0]?.name ?? ""),
    meeting: {
      ...sample.meeting,
      date: meetingOn,
      notes: stage === "draft" ? "" : `Reviewed ${s.first_name}'s health plan with the nurse.`,
    },
    dates: { ...sample.dates, planStart: start, reviewDate: addDays(addYears(start, 1), -1) },
    attendees: attendees.map((a) => ({ ...a, attendance: stage === "draft" ? "invited" : "attended" })),
    signatures: [],
    safeguardsNotice: { givenOn: meetingOn, method: "in-person", language: "English" },
  });
}

/** Signatures and consent as given at the meeting, for versions that were signed. */
function signed<T extends PlanDocument>(doc: T, on: string): T {
  const parent = doc.attendees.find((a) => a.role === "parent");
  const signatures = doc.attendees
    .filter((a) => a.attendance === "attended")
    .map((a) => ({
      attendeeId: a.id,
      method: "typed" as const,
      typedName: a.name,
      drawing: null,
      signedAt: `${on}T17:00:00.000Z`,
      signerAccountId: a.accountId,
      meaning: a.role === "parent" ? ("agreement" as const) : ("attendance" as const),
    }));
  if (doc.type === "iep") {
    return {
      ...doc,
      signatures,
      consent: { choice: "consent", exclusions: [], date: on, givenBy: parent?.id ?? null, notes: "" },
    } as T;
  }
  return { ...doc, signatures } as T;
}

async function insertPlan(
  db: Db,
  s: StudentRow,
  createdBy: string,
  versions: Array<{ doc: PlanDocument; status: PlanState; sealedOn?: string }>,
  extra: { endedOn?: string; endedReason?: string; endedCitation?: string } = {},
): Promise<string> {
  const first = versions[0];
  if (!first) throw new Error("a plan needs a version");
  const plan = await db
    .insertInto("plans")
    .values({
      student_id: s.id,
      district_id: s.district_id,
      school_id: s.school_id,
      type: first.doc.type,
      created_by: createdBy,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  let parent: string | null = null;
  let inEffect: string | null = null;
  let current: { id: string; status: PlanState; doc: PlanDocument } | null = null;
  for (const [i, v] of versions.entries()) {
    // Store, then hash the JSON exactly as stored (a JSON round trip).
    const content = JSON.parse(JSON.stringify(v.doc)) as PlanDocument;
    const row: { id: string } = await db
      .insertInto("plan_versions")
      .values({
        plan_id: plan.id,
        number: i + 1,
        parent_version_id: parent,
        content: JSON.stringify(content),
        status: v.status,
        sealed_at: v.sealedOn ? `${v.sealedOn}T17:05:00.000Z` : null,
        content_sha256: v.sealedOn ? hashPlanContent(content) : null,
        created_by: createdBy,
        updated_by: createdBy,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (v.sealedOn) {
      const signatures = content.signatures;
      for (const sig of signatures) {
        const attendee = content.attendees.find((a) => a.id === sig.attendeeId);
        await db
          .insertInto("plan_signatures")
          .values({
            version_id: row.id,
            attendee_id: sig.attendeeId,
            role: attendee?.role ?? "other",
            method: sig.method,
            signature_text: sig.typedName,
            meaning: sig.meaning,
            signer_person_id: sig.signerAccountId ?? createdBy,
            signed_at: sig.signedAt,
            consent_choice: attendee?.role === "parent" && content.type === "iep" ? "consent" : null,
            consent_exclusions: "[]",
          })
          .execute();
      }
    }
    if (v.status === "in-effect") inEffect = row.id;
    parent = row.id;
    current = { id: row.id, status: v.status, doc: content };
  }
  if (!current) throw new Error("unreachable");
  const doc = current.doc;
  await db
    .updateTable("plans")
    .set({
      current_version_id: current.id,
      in_effect_version_id: inEffect,
      status: inEffect ? "in-effect" : current.status,
      effective_from: inEffect ? doc.dates.planStart : null,
      effective_to: inEffect ? (doc.type === "iep" ? doc.dates.planEnd : doc.dates.reviewDate) : null,
      ended_on: extra.endedOn ?? null,
      ended_reason: extra.endedReason ?? null,
      ended_citation: extra.endedCitation ?? null,
    })
    .where("id", "=", plan.id)
    .execute();
  return plan.id;
}

async function run(db: Db, ids: DemoIds, today: string): Promise<void> {
  const names = [...ids.students.keys()];
  const student = async (i: number) => loadStudent(db, ids.students.get(names[i] as string) as string);
  const cm = ids.people["casemanager@maplevalley.example"];
  const coord = ids.people["coordinator504@maplevalley.example"];
  const cmEmail = "casemanager@maplevalley.example";
  const coordEmail = "coordinator504@maplevalley.example";

  // 0 Mateo Rivera: IEP in effect since last autumn; annual review due in 20 days.
  {
    const s = await student(0);
    const meetingOn = addDays(addYears(today, -1), 20);
    const doc = signed(iepFor(s, await team(db, s, cmEmail, "Case manager"), meetingOn, "in-effect"), meetingOn);
    await insertPlan(db, s, cm, [{ doc, status: "in-effect", sealedOn: meetingOn }]);
  }
  // 1 Aaliyah Thompson: IEP proposed after the meeting, waiting for the parent's signature.
  {
    const s = await student(1);
    const meetingOn = addDays(today, -3);
    const doc = iepFor(s, await team(db, s, cmEmail, "Case manager"), meetingOn, "proposed");
    await insertPlan(db, s, cm, [{ doc, status: "proposed" }]);
  }
  // 2 Noah Nguyen: both plans — a 504 plan in effect and an IEP draft carrying its accommodations.
  {
    const s = await student(2);
    const attendees = await team(db, s, cmEmail, "Case manager");
    const on504 = addDays(today, -200);
    const p504 = signed(plan504For(s, attendees, on504, "in-effect"), on504);
    await insertPlan(db, s, cm, [{ doc: p504, status: "in-effect", sealedOn: on504 }]);
    const base = iepFor(s, attendees, addDays(today, 10), "draft");
    const draft = carryOver504IntoIep(p504, { ...base, accommodations: [] }).document;
    await insertPlan(db, s, cm, [{ doc: draft, status: "draft" }]);
  }
  // 3 Sofia Okafor: an initial IEP draft; the meeting is in 7 days.
  {
    const s = await student(3);
    const doc = iepFor(s, await team(db, s, cmEmail, "Case manager"), addDays(today, 7), "draft");
    const planId = await insertPlan(db, s, cm, [
      { doc: { ...doc, meeting: { ...doc.meeting, type: "initial" } }, status: "draft" },
    ]);
    const version = await db
      .selectFrom("plans")
      .select("current_version_id")
      .where("id", "=", planId)
      .executeTakeFirstOrThrow();
    await db
      .insertInto("plan_meetings")
      .values({
        plan_id: planId,
        version_id: version.current_version_id as string,
        scheduled_at: `${addDays(today, 7)}T22:30:00.000Z`,
        location: "Conference room B",
        purpose: "Initial IEP meeting",
        meeting_type: "initial",
        notice_sent_on: addDays(today, -7),
        attendees: JSON.stringify(doc.attendees),
        excusals: "[]",
        attendance: "[]",
        parent_contact_attempts: "[]",
        created_by: cm,
      })
      .execute();
  }
  // 4 Liam Patel: IEP signed and sealed two days ago, not yet put in effect.
  {
    const s = await student(4);
    const meetingOn = addDays(today, -2);
    const doc = signed(iepFor(s, await team(db, s, cmEmail, "Case manager"), meetingOn, "signed"), addDays(today, -2));
    await insertPlan(db, s, cm, [{ doc, status: "signed", sealedOn: addDays(today, -2) }]);
  }
  // 5 Maya Kowalski: an IEP that ended when she exited special education.
  {
    const s = await student(5);
    const meetingOn = addDays(today, -500);
    const doc = signed(iepFor(s, await team(db, s, cmEmail, "Case manager"), meetingOn, "in-effect"), meetingOn);
    await insertPlan(db, s, cm, [{ doc, status: "ended", sealedOn: meetingOn }], {
      endedOn: addDays(today, -120),
      endedReason: "The reevaluation found Maya no longer needs special education (exit from services).",
      endedCitation: "34 CFR 300.305(e)",
    });
  }
  // 6 Ethan Haddad: IEP in effect with an amendment in effect; annual review 10 days overdue.
  {
    const s = await student(6);
    const meetingOn = addDays(addYears(today, -1), -10);
    const v1 = signed(iepFor(s, await team(db, s, cmEmail, "Case manager"), meetingOn, "in-effect"), meetingOn);
    const amendOn = addDays(today, -90);
    const v2 = signed(
      {
        ...v1,
        signatures: [],
        amendment: {
          madeAtMeeting: false,
          parentWrittenAgreementDate: amendOn,
          description: "Speech-language services reduced from 2 to 1 session a week.",
          teamInformedOn: amendOn,
        },
        services: v1.services.map((svc) =>
          svc.area === "speech-language-pathology" ? { ...svc, frequency: { times: 1, per: "week" as const } } : svc,
        ),
      },
      amendOn,
    );
    await insertPlan(db, s, cm, [
      { doc: v1, status: "amended", sealedOn: meetingOn },
      { doc: v2, status: "in-effect", sealedOn: amendOn },
    ]);
  }
  // 10 Elijah Park: a 504 plan in effect whose review date has passed.
  {
    const s = await student(10);
    const on = addDays(today, -380);
    const doc = signed(plan504For(s, await team(db, s, coordEmail, "Section 504 coordinator"), on, "in-effect"), on);
    await insertPlan(db, s, coord, [{ doc, status: "in-effect", sealedOn: on }]);
  }
  // 11 Chloe Castillo: a 504 plan proposed, waiting for signatures.
  {
    const s = await student(11);
    const doc = plan504For(s, await team(db, s, coordEmail, "Section 504 coordinator"), addDays(today, -1), "proposed");
    await insertPlan(db, s, coord, [{ doc, status: "proposed" }]);
  }
  // 12 Jayden Fischer: a 504 plan draft; the meeting is in 12 days.
  {
    const s = await student(12);
    const doc = plan504For(s, await team(db, s, coordEmail, "Section 504 coordinator"), addDays(today, 12), "draft");
    await insertPlan(db, s, coord, [{ doc, status: "draft" }]);
  }
  // 24 and 25: IEPs in effect at Riverside, one review upcoming, one overdue.
  for (const [i, offset] of [
    [24, 45],
    [25, -5],
  ] as const) {
    const s = await student(i);
    const meetingOn = addDays(addYears(today, -1), offset);
    const doc = signed(iepFor(s, await team(db, s, cmEmail, "Case manager"), meetingOn, "in-effect"), meetingOn);
    await insertPlan(db, s, cm, [{ doc, status: "in-effect", sealedOn: meetingOn }]);
  }
}

export const demoPlansStep: DemoSeedStep = { name: "plans", run };
