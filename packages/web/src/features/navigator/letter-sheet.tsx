import { LETTER_FRAME_WORDS, type Letter } from "@lantern/core";
import type { Ref } from "react";
import { t } from "../../i18n/t.ts";

/**
 * A letter laid out as on paper: date, recipient, subject, body, requests, signature, references.
 * Every word is in the letter's own language (core writes them), which may differ from the page's:
 * the sheet says which (`lang`), so a screen reader reads it right.
 */
export function LetterSheet({ letter, ref }: { letter: Letter; ref?: Ref<HTMLElement> }) {
  const language = letter.language ?? "en";
  const w = LETTER_FRAME_WORDS[language];
  return (
    <article
      ref={ref}
      tabIndex={-1}
      className="letter-sheet"
      aria-label={t("navigator.letter.preview")}
      lang={language}
    >
      <p>{letter.dateText}</p>
      <p>
        {letter.recipient.map((line) => (
          <span key={line} className="letter-line">
            {line}
          </span>
        ))}
      </p>
      <p>
        <strong>
          {w.re} {letter.subject}
        </strong>
      </p>
      <p>{letter.salutation}</p>
      {letter.paragraphs.map((p) => (
        <p key={p}>{p}</p>
      ))}
      <p>{w.pleaseSendMe}</p>
      <ul>
        {letter.requests.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      <p>{letter.closing}</p>
      <p>{w.sincerely}</p>
      <p>
        {letter.signature.map((line) => (
          <span key={line} className="letter-line">
            {line}
          </span>
        ))}
      </p>
      <p className="letter-references">{w.legalReferences(letter.citations.join("; "))}</p>
    </article>
  );
}
