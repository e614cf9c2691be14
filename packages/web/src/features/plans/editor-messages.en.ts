/** The plan editor's frame (progress, section list, findings beside fields) and the goal builder. */
export const messages = {
  "plans.workspace.progress":
    "{count, plural, one {{complete} of # section complete} other {{complete} of # sections complete}}",
  "plans.workspace.nextToComplete": "Next to complete: {section}",
  "plans.workspace.state.complete": "Complete",
  "plans.workspace.state.incomplete": "Not complete yet",
  "plans.workspace.state.notApplicable": "Does not apply",
  "plans.workspace.notApplicable.beforeTransitionAge":
    "Not needed in this plan: a transition plan is required from the plan in effect when the student turns {age} ({date}), and this plan ends before then. ({citation})",
  "plans.workspace.notApplicable.beforeAgeOfMajorityYear":
    "Not needed in this plan: the student is told which rights transfer at {age} ({date}) in the plan in effect a year before, and this plan ends before then. ({citation})",
  "plans.workspace.findingsHere": "{count, plural, one {# finding in this section} other {# findings in this section}}",
  "plans.workspace.goToField": "Go to the field",
  "plans.editor.translation.sectionHeading": "Spanish translations of the team's words",
  "plans.editor.translation.sectionIntro":
    "The family's Spanish documents use a translation where there is one, with who wrote it and when, and say plainly which parts are only in English. A translation does not change the signed plan.",
  "plans.editor.translation.add": "Add Spanish translation",
  "plans.editor.translation.edit": "Update Spanish translation",
  "plans.editor.translation.addFor": "Add Spanish translation: {field}",
  "plans.editor.translation.editFor": "Update Spanish translation: {field}",
  "plans.editor.translation.heading": "Spanish translation:",
  "plans.editor.translation.label": "Spanish translation of “{field}”",
  "plans.editor.translation.hint":
    "Write what the English says, in plain Spanish. The family's Spanish documents show it with your name and today's date.",
  "plans.editor.translation.save": "Save translation",
  "plans.editor.translation.saving": "Saving…",
  "plans.editor.translation.cancel": "Cancel",
  "plans.editor.translation.saved": "Spanish translation saved.",
  "plans.editor.translation.empty": "Write the translation, or cancel.",
  "plans.editor.translation.outOfDate":
    "Out of date: the English changed after this translation. The family sees the English until you update it.",
  "plans.goalBuilder.heading": "Build a goal",
  "plans.goalBuilder.intro":
    "Write the goal in parts: what the student will do, where the student is now, the target, how well, how it is measured and by when. The sentence below is what the family will read.",
  "plans.goalBuilder.pattern": "Start from a pattern in the goal bank",
  "plans.goalBuilder.patternHint":
    "Patterns are grouped by area. Choose one, then fill in the blanks for this student.",
  "plans.goalBuilder.noPattern": "No pattern: start blank",
  "plans.goalBuilder.usePattern": "Use this pattern",
  "plans.goalBuilder.patternUsed": "Pattern “{title}” filled in. Fill in the baseline, the target and the date.",
  "plans.goalBuilder.area": "Area of the goal",
  "plans.goalBuilder.areaUnnamed": "Goal",
  "plans.goalBuilder.theStudent": "the student",
  "plans.goalBuilder.skill": "What {name} will do",
  "plans.goalBuilder.skillHint": "Something anyone can see and count. Put {blank} where the target amount goes.",
  "plans.goalBuilder.unit": "Unit of measure (for example, words correct per minute)",
  "plans.goalBuilder.numbers": "Where the student is now and the target",
  "plans.goalBuilder.baseline": "Baseline: the amount now",
  "plans.goalBuilder.baselineOn": "Baseline measured on",
  "plans.goalBuilder.target": "Target: the amount by the date",
  "plans.goalBuilder.direction": "The target is",
  "plans.goalBuilder.increase": "Higher than the baseline",
  "plans.goalBuilder.decrease": "Lower than the baseline",
  "plans.goalBuilder.criterion": "Criterion: how well or how often",
  "plans.goalBuilder.criterionHint": "With an amount, for example “in 4 of 5 trials”.",
  "plans.goalBuilder.measurementMethod": "How progress is measured",
  "plans.goalBuilder.byDate": "By date",
  "plans.goalBuilder.warn.unmeasurable":
    "Warning: “{phrase}” names nothing anyone can count. Say what the student will do.",
  "plans.goalBuilder.warn.vague":
    "Warning: “{phrase}” leaves the amount to someone's judgement. Say how much or how often.",
  "plans.goalBuilder.warn.noAmount": "Warning: the criterion has no amount. Add a number, for example “4 of 5”.",
  "plans.goalBuilder.warnings":
    "{count, plural, one {# warning: this goal may not be measurable as written.} other {# warnings: this goal may not be measurable as written.}}",
  "plans.goalBuilder.preview": "What the family will read",
  "plans.goalBuilder.add": "Add this goal to the plan",
  "plans.goalBuilder.added": "Goal {number} added to the plan's goals.",
  "plans.goalBuilder.notAdded":
    "{count, plural, one {Not added: # part is missing.} other {Not added: # parts are missing.}}",
  "plans.goalBuilder.missing.skill": "Say what the student will do.",
  "plans.goalBuilder.missing.baseline": "Enter the amount now, as a number.",
  "plans.goalBuilder.missing.target": "Enter the target amount, as a number.",
  "plans.goalBuilder.missing.criterion": "Say how well or how often.",
  "plans.goalBuilder.missing.measurementMethod": "Say how progress is measured.",
  "plans.goalBuilder.missing.byDate": "Enter the date the goal is for.",
} as const;
