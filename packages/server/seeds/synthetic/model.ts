/** The generator's district model: who is where, who has which plan, who serves whom. */
import { FIRST, GRADES, LAST, SCHOOL_NAMES, SCHOOL_PLACES, type SchoolLevel } from "./content-banks.ts";
import { isoAddDays } from "./dates.ts";
import { Rng, syntheticUuid } from "./random.ts";

export type PlanKind = "iep" | "section-504";

export type SyntheticStudent = {
  id: string;
  index: number;
  schoolIndex: number;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  grade: string;
  /** Plans this student has (none for most). */
  plans: PlanKind[];
  caseManagerId: string | null;
  coordinatorId: string | null;
  providerId: string | null;
  guardianIds: string[];
};

export type SyntheticSchool = {
  id: string;
  name: string;
  level: SchoolLevel;
  adminId: string;
  coordinatorId: string;
  caseManagerIds: string[];
  providerIds: string[];
  teacherIds: string[];
  studentCount: number;
};

export type SyntheticModel = {
  seed: number;
  today: string;
  districtId: string;
  districtAdminIds: string[];
  schools: SyntheticSchool[];
  students: SyntheticStudent[];
};

/** Share of students with an IEP, a 504 plan, and both (of all students). */
export const IEP_SHARE = 0.15;
export const SECTION_504_SHARE = 0.03;
export const BOTH_SHARE = 0.005;

/** Build the in-memory district: who is where, who has which plan, who serves whom. */
export function buildModel(options: { students: number; seed: number; today: string }): SyntheticModel {
  const { seed, today } = options;
  const n = options.students;
  const uuid = (table: string, i: number) => syntheticUuid(seed, table, i);
  const rng = new Rng(seed, "model");
  let personIndex = 0;
  const nextPerson = () => uuid("people", personIndex++);

  // Schools of about 500–2,000 students: about one per 1,000, sizes drawn around that.
  const schoolCount = Math.max(1, Math.round(n / 1000));
  const weights = Array.from({ length: schoolCount }, () => 0.6 + rng.next() * 0.8);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.floor((w / weightSum) * n));
  let assigned = sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; assigned < n; i = (i + 1) % schoolCount, assigned++) sizes[i] = (sizes[i] as number) + 1;

  const districtAdminIds = [nextPerson(), nextPerson()];
  const schools: SyntheticSchool[] = sizes.map((size, i) => {
    const level: SyntheticSchool["level"] = i % 20 < 11 ? "elementary" : i % 20 < 15 ? "middle" : "high";
    const suffix = level === "elementary" ? "Elementary" : level === "middle" ? "Middle School" : "High School";
    const round = Math.floor(i / (SCHOOL_NAMES.length * SCHOOL_PLACES.length));
    const name = `${SCHOOL_NAMES[i % SCHOOL_NAMES.length]} ${SCHOOL_PLACES[Math.floor(i / SCHOOL_NAMES.length) % SCHOOL_PLACES.length]} ${suffix}${round > 0 ? ` ${round + 1}` : ""}`;
    const expectedIep = size * (IEP_SHARE + 0.002);
    return {
      id: uuid("schools", i),
      name,
      level,
      adminId: nextPerson(),
      coordinatorId: nextPerson(),
      caseManagerIds: Array.from({ length: Math.max(1, Math.round(expectedIep / 25)) }, nextPerson),
      providerIds: Array.from({ length: Math.max(1, Math.round(expectedIep / 60)) }, nextPerson),
      teacherIds: Array.from({ length: Math.max(1, Math.round(size / 25)) }, nextPerson),
      studentCount: size,
    };
  });

  const year = Number(today.slice(0, 4));
  const students: SyntheticStudent[] = [];
  let s = 0;
  for (let k = 0; k < schools.length; k++) {
    const school = schools[k] as SyntheticSchool;
    const grades = GRADES[school.level];
    for (let j = 0; j < school.studentCount; j++, s++) {
      const grade = grades[j % grades.length] as string;
      const age = (grade === "K" ? 5 : Number(grade) + 5) + (rng.chance(0.5) ? 1 : 0);
      const dob = isoAddDays(`${year - age}-01-01`, rng.int(0, 364));
      const r = rng.next();
      const plans: PlanKind[] =
        r < BOTH_SHARE
          ? ["iep", "section-504"]
          : r < IEP_SHARE
            ? ["iep"]
            : r < IEP_SHARE + SECTION_504_SHARE - BOTH_SHARE
              ? ["section-504"]
              : [];
      const hasIep = plans.includes("iep");
      const guardians = rng.chance(0.2) ? 2 : 1;
      students.push({
        id: uuid("students", s),
        index: s,
        schoolIndex: k,
        firstName: rng.pick(FIRST),
        lastName: rng.pick(LAST),
        dateOfBirth: dob,
        grade,
        plans,
        caseManagerId: hasIep ? rng.pick(school.caseManagerIds) : null,
        coordinatorId: plans.includes("section-504") ? school.coordinatorId : null,
        providerId: hasIep && rng.chance(0.45) ? rng.pick(school.providerIds) : null,
        guardianIds: Array.from({ length: guardians }, nextPerson),
      });
    }
  }
  return { seed, today, districtId: uuid("districts", 0), districtAdminIds, schools, students };
}
