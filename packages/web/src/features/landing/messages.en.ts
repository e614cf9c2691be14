/** Strings for the public front page. */
export const messages = {
  "landing.title": "Help for students with disabilities at school",
  "landing.intro":
    "Lantern helps families and schools plan support for students with disabilities: who can get help, what the plan says, and what must happen by when.",
  "landing.families.title": "For families",
  "landing.families.body":
    "Answer a few questions to learn what help your child may be able to get at school, and what to ask for. No account needed.",
  "landing.families.cta": "Find out what help your child can get",
  "landing.staff.title": "For school staff, families and advocates with an account",
  "landing.staff.body":
    "Sign in to see plans, deadlines and services for the students you work with or your own children.",
  "landing.staff.cta": "Sign in",
  "landing.privacy":
    "Student records are private. Every time someone opens a record, Lantern writes down who, when and why (34 CFR 300.614).",
} as const;
