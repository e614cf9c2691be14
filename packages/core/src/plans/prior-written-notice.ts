/**
 * Prior written notice (34 CFR 300.503): given a reasonable time before the agency proposes or
 * refuses to initiate or change the identification, evaluation, placement or FAPE of a child.
 * It must contain 7 things; this module names each and checks a notice for all of them.
 */
import type { PriorWrittenNotice } from "./plan-common.ts";

export const PRIOR_WRITTEN_NOTICE_CITATION = "34 CFR 300.503";

export type PriorWrittenNoticeElement = {
  /** 1–7, the paragraph of 300.503(b). */
  number: 1 | 2 | 3 | 4 | 5 | 6 | 7;
  key: "action" | "reasons" | "basis" | "safeguards" | "sourcesOfHelp" | "optionsConsidered" | "otherFactors";
  /** Heading used in documents. */
  title: string;
  /** What the element must say, in plain language. */
  requirement: string;
  citation: string;
};

export const PRIOR_WRITTEN_NOTICE_ELEMENTS: readonly PriorWrittenNoticeElement[] = [
  {
    number: 1,
    key: "action",
    title: "What the school proposes or refuses",
    requirement: "A description of the action the school proposes or refuses to take",
    citation: "34 CFR 300.503(b)(1)",
  },
  {
    number: 2,
    key: "reasons",
    title: "Why",
    requirement: "An explanation of why the school proposes or refuses the action",
    citation: "34 CFR 300.503(b)(2)",
  },
  {
    number: 3,
    key: "basis",
    title: "What the decision is based on",
    requirement: "Each evaluation procedure, assessment, record or report used as a basis for the decision",
    citation: "34 CFR 300.503(b)(3)",
  },
  {
    number: 4,
    key: "safeguards",
    title: "Your rights",
    requirement: "A statement that the parents have protection under the procedural safeguards and how to get a copy",
    citation: "34 CFR 300.503(b)(4)",
  },
  {
    number: 5,
    key: "sourcesOfHelp",
    title: "Where to get help",
    requirement: "Sources the parents can contact for help understanding their rights",
    citation: "34 CFR 300.503(b)(5)",
  },
  {
    number: 6,
    key: "optionsConsidered",
    title: "Other options considered",
    requirement: "Other options the team considered and why they were rejected",
    citation: "34 CFR 300.503(b)(6)",
  },
  {
    number: 7,
    key: "otherFactors",
    title: "Other factors",
    requirement: "Other factors relevant to the proposal or refusal",
    citation: "34 CFR 300.503(b)(7)",
  },
];

export type PriorWrittenNoticeCheck = {
  complete: boolean;
  /** The elements missing, in the order of 300.503(b). */
  missing: PriorWrittenNoticeElement[];
  citation: string;
};

const filled = (text: string | null | undefined): boolean => (text ?? "").trim() !== "";

function hasElement(notice: PriorWrittenNotice, key: PriorWrittenNoticeElement["key"]): boolean {
  switch (key) {
    case "action":
      return notice.action !== null && filled(notice.actionDescription);
    case "reasons":
      return filled(notice.reasons);
    case "basis":
      return notice.basis.some(filled);
    case "safeguards":
      return filled(notice.safeguardsStatement);
    case "sourcesOfHelp":
      return notice.sourcesOfHelp.some(filled);
    case "optionsConsidered":
      return (
        notice.optionsConsidered.length > 0 &&
        notice.optionsConsidered.every((o) => filled(o.option) && filled(o.whyRejected))
      );
    case "otherFactors":
      return filled(notice.otherFactors);
  }
}

/** Check a prior written notice for the 7 contents of 300.503(b). A null notice misses all 7. */
export function checkPriorWrittenNotice(notice: PriorWrittenNotice | null | undefined): PriorWrittenNoticeCheck {
  const missing = notice
    ? PRIOR_WRITTEN_NOTICE_ELEMENTS.filter((e) => !hasElement(notice, e.key))
    : [...PRIOR_WRITTEN_NOTICE_ELEMENTS];
  return { complete: missing.length === 0, missing, citation: PRIOR_WRITTEN_NOTICE_CITATION };
}
