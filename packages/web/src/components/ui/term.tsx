import { type ReactNode, useId, useState } from "react";
import { t } from "../../i18n/t.ts";

/** Jargon explained in the glossary section of the message catalogs. */
export type GlossaryTerm =
  | "iep"
  | "section504"
  | "caseload"
  | "caseManager"
  | "relatedServices"
  | "guardian"
  | "advocate"
  | "deadline";

/**
 * A word that needs explaining, shown where it is used: the word is a button that opens a short,
 * plain-language explanation right after it (a disclosure, so it works with keyboard, touch and
 * screen readers alike — unlike a hover tooltip).
 */
export function Term({ term, children }: { term: GlossaryTerm; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const explanationId = `term-${id}`;
  return (
    <span className="term">
      <button
        type="button"
        className="term-button"
        aria-expanded={open}
        aria-controls={explanationId}
        onClick={() => setOpen((value) => !value)}
      >
        {children}
        <span className="visually-hidden"> ({open ? t("glossary.hide") : t("glossary.explain")})</span>
      </button>
      <span id={explanationId} className="term-explanation" hidden={!open}>
        {t(`glossary.${term}`)}
      </span>
    </span>
  );
}

/**
 * "Words used here: IEP, 504 plan" — each word is a button that opens its explanation just
 * below the line (explanations stack in the order they were opened).
 */
export function TermsUsed({ terms }: { terms: ReadonlyArray<readonly [GlossaryTerm, string]> }) {
  const [open, setOpen] = useState<readonly GlossaryTerm[]>([]);
  const id = useId();
  const explanationId = (term: GlossaryTerm) => `terms-${id}-${term}`;
  return (
    <div className="terms-used">
      <p className="terms-used-line">
        <span className="terms-used-label">{t("glossary.wordsUsed")}</span>{" "}
        {terms.map(([term, word], index) => {
          const expanded = open.includes(term);
          return (
            <span key={term}>
              {index > 0 ? ", " : null}
              <button
                type="button"
                className="term-button"
                aria-expanded={expanded}
                aria-controls={explanationId(term)}
                onClick={() => setOpen((list) => (expanded ? list.filter((x) => x !== term) : [...list, term]))}
              >
                {word}
                <span className="visually-hidden"> ({expanded ? t("glossary.hide") : t("glossary.explain")})</span>
              </button>
            </span>
          );
        })}
      </p>
      {terms.map(([term, word]) => (
        <p key={term} id={explanationId(term)} className="term-explanation" hidden={!open.includes(term)}>
          <strong>{word}:</strong> {t(`glossary.${term}`)}
        </p>
      ))}
    </div>
  );
}
