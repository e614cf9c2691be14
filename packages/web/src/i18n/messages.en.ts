/** Strings shared by the whole app: the page frame, common actions, errors and the glossary. */
export const messages = {
  "app.name": "Lantern",
  "app.tagline": "Special education plans, in plain language",
  "app.titleSuffix": "Lantern",
  "app.skipLink": "Skip to main content",
  "app.nav.label": "Main",
  "app.nav.home": "Home",
  "app.nav.navigator": "Find out what help your child can get",
  "app.nav.signIn": "Sign in",
  "app.signedInAs": "Signed in as {name}",
  "app.signOut": "Sign out",
  "app.signingOut": "Signing out…",
  "app.signOutEverywhere": "Sign out everywhere",
  "app.idle.title": "Are you still there?",
  "app.idle.body":
    "To keep students' records private, Lantern signs you out after {minutes} minutes without activity. You will be signed out at about {time}.",
  "app.idle.stay": "Stay signed in",
  "app.idle.signOut": "Sign out now",
  "app.loading": "Loading…",
  "app.footer": "Lantern is free, open-source software. Your data stays with your school district.",

  "common.loadMore": "Show more",
  "common.loading": "Loading…",
  "common.showing": { one: "Showing {count} student.", other: "Showing {count} students." },
  "common.allShown": "That is everyone.",
  "common.loadedMore": { one: "{count} more student shown.", other: "{count} more students shown." },
  "common.none": "None yet",
  "common.notRecorded": "Not recorded",
  "common.required": "(required)",
  "common.tryAgain": "Try again",
  "common.backHome": "Go to the home page",
  "common.fixErrors": { one: "Please fix {count} problem:", other: "Please fix {count} problems:" },

  "error.network": "We could not reach Lantern. Check your internet connection and try again.",
  "error.server": "Something went wrong on our side. Please try again in a minute.",
  "error.signedOut": "Your sign-in has ended. Please sign in again.",
  "error.forbidden": "You do not have permission to see this.",
  "error.notFound": "We could not find this.",
  "error.generic": "Something went wrong: {message}",

  "notFound.title": "Page not found",
  "notFound.body": "There is no page at this address. It may have moved, or the link may have a typo.",

  "placeholder.comingSoon": "This part of Lantern is not ready yet.",

  "glossary.wordsUsed": "Words used here:",
  "glossary.word.iep": "IEP",
  "glossary.word.section504": "504 plan",
  "glossary.word.caseload": "caseload",
  "glossary.word.caseManager": "case manager",
  "glossary.word.relatedServices": "related services",
  "glossary.word.guardian": "guardian",
  "glossary.word.advocate": "advocate",
  "glossary.word.deadline": "deadlines",
  "glossary.explain": "what does this mean?",
  "glossary.hide": "hide explanation",
  "glossary.iep":
    "An Individualized Education Program (IEP) is a written plan for a child who gets special education. It says what the school will do to help the child learn (34 CFR 300.320).",
  "glossary.section504":
    "A Section 504 plan lists the supports and changes a school makes so a student with a disability can take part in school on equal terms (34 CFR Part 104).",
  "glossary.caseload": "Your caseload is the group of students you are responsible for.",
  "glossary.caseManager":
    "The case manager is the school staff member who keeps a student's plan on track and is the family's main contact.",
  "glossary.relatedServices":
    "Related services are extra supports a child needs to benefit from special education, like speech therapy or counseling (34 CFR 300.34).",
  "glossary.guardian":
    "A parent or guardian has the legal right to take part in decisions about the child's education.",
  "glossary.advocate": "An advocate is a person a parent invited to help them and to see their child's records.",
  "glossary.deadline":
    "Some steps must happen by a date the law sets, such as the yearly review of an IEP (34 CFR 300.324(b)).",
} as const;
