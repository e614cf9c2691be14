/** Strings for a student's page and for student facts shown elsewhere (plans, grades, deadlines). */
export const messages = {
  "students.fullName": "{firstName} {lastName}",
  "students.grade": "Grade {grade}",
  "students.gradeLabel": "Grade",
  "students.school": "School",
  "students.dateOfBirth": "Date of birth",
  "students.caseManager": "Case manager",
  "students.guardians": "Parents and guardians",
  "students.guardian": "{name} ({relationship})",
  "students.noCaseManager": "No case manager yet",
  "students.about": "About {name}",

  "students.plan.withStatus": "{plan}: {status}",
  "students.noPlans": "No plans yet",

  "students.deadline.text": "{label}: {date}",
  "students.noDeadline": "Nothing due",

  "students.sections.plans": "Plans",
  "students.sections.plansIntro": "The student's current and past plans.",
  "students.sections.deadlines": "Deadlines",
  "students.sections.deadlinesPlaceholder": "Deadlines for this student will be listed here.",
  "students.sections.services": "Services",
  "students.sections.servicesIntro": "The services in the student's plan, and how many minutes were given.",
  "students.links.plans": "See all plans for this student",
  "students.links.services": "Service minutes: required, given and owed",
  "students.links.progress": "Progress on the plan's goals",
  "students.loadError": "We could not open this student's record.",
  "students.titleFallback": "Student",
} as const;
