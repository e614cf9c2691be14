import type { Letter } from "@lantern/core";
import type { Ref } from "react";
import { t } from "../../i18n/t.ts";

/** A letter laid out as on paper: date, recipient, subject, body, requests, signature, references. */
export function LetterSheet({ letter, ref }: { letter: Letter; ref?: Ref<HTMLElement> }) {
  return (
    <article ref={ref} tabIndex={-1} className="letter-sheet" aria-label={t("navigator.letter.preview")}>
      <p>{letter.dateText}</p>
      <p>
        {letter.recipient.map((line) => (
          <span key={line} className="letter-line">
            {line}
          </span>
        ))}
      </p>
      <p>
        <strong>{t("navigator.letter.re", { subject: letter.subject })}</strong>
      </p>
      <p>{letter.salutation}</p>
      {letter.paragraphs.map((p) => (
        <p key={p}>{p}</p>
      ))}
      <p>{t("navigator.letter.pleaseSend")}</p>
      <ul>
        {letter.requests.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      <p>{letter.closing}</p>
      <p>{t("navigator.letter.sincerely")}</p>
      <p>
        {letter.signature.map((line) => (
          <span key={line} className="letter-line">
            {line}
          </span>
        ))}
      </p>
      <p className="letter-references">{t("navigator.letter.references", { list: letter.citations.join("; ") })}</p>
    </article>
  );
}
