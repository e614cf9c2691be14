import { useId, useState } from "react";
import { tMaybe } from "../../i18n/t.ts";

export type NavigatorTermKey =
  | "majorLifeActivity"
  | "relatedServices"
  | "specializedInstruction"
  | "evaluation"
  | "accommodations";

/**
 * A word explained where it is used: a button that opens a short, plain explanation right after
 * it (a disclosure: works with keyboard, touch and screen readers alike).
 */
export function NavigatorTerm({ term }: { term: NavigatorTermKey }) {
  const [open, setOpen] = useState(false);
  const id = `navigator-term-${useId()}`;
  const word = tMaybe(`navigator.term.${term}.word`) ?? term;
  return (
    <span className="term">
      <button
        type="button"
        className="term-button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((v) => !v)}
      >
        {word}
        <span className="visually-hidden"> ({open ? tMaybe("navigator.hide") : tMaybe("navigator.explain")})</span>
      </button>
      <span id={id} className="term-explanation" hidden={!open}>
        {tMaybe(`navigator.term.${term}.text`)}
      </span>
    </span>
  );
}
