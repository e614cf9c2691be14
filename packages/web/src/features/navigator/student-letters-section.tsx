import { ageOn, LETTER_KINDS, type StudentDetail } from "@lantern/core";
import { useState } from "react";
import { longDate } from "../../i18n/dates.ts";
import { t, tMaybe } from "../../i18n/t.ts";
import { useRequest } from "../../lib/use-request.ts";
import { listSavedLetters, savedLetterPdfUrl } from "./api.ts";
import { LetterSection } from "./letter-section.tsx";
import { LetterSheet } from "./letter-sheet.tsx";
import { todayIso } from "./navigator-state.ts";

/**
 * On the family's page for a child: the letters the parent saved to the record (text and PDF), and
 * every letter Lantern writes, filled in with the child's name, school and the district's state.
 */
export function StudentLettersSection({ student, canWrite }: { student: StudentDetail; canWrite: boolean }) {
  const [revision, setRevision] = useState(0);
  const saved = useRequest(`letters:${student.id}:${revision}`, (signal) => listSavedLetters(student.id, signal));
  const [open, setOpen] = useState<string | null>(null);
  const items = saved.status === "ok" ? saved.data.items : [];
  if (!canWrite && items.length === 0) return null;
  const age = Math.max(0, ageOn(student.dateOfBirth, todayIso()));
  return (
    <section aria-labelledby="student-letters" className="panel">
      <h2 id="student-letters">{t("navigator.letters.title")}</h2>
      {items.length > 0 ? (
        <ul className="plain-list" data-testid="saved-letters">
          {items.map((item) => (
            <li key={item.id}>
              {t("navigator.letters.item", {
                kind: tMaybe(`navigator.letter.kind.${item.kind}`) ?? item.subject,
                date: longDate(item.letterDate),
              })}{" "}
              <a href={savedLetterPdfUrl(student.id, item.id)} download>
                {t("navigator.letters.pdf", { subject: item.subject })}
              </a>{" "}
              <button
                type="button"
                className="button button-link"
                aria-expanded={open === item.id}
                onClick={() => setOpen(open === item.id ? null : item.id)}
              >
                {open === item.id ? t("navigator.letters.hide") : t("navigator.letters.show")}
              </button>
              {open === item.id ? <LetterSheet letter={item.letter} /> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("navigator.letters.none")}</p>
      )}
      {canWrite ? (
        <LetterSection
          kinds={LETTER_KINDS}
          heading={t("navigator.letters.write")}
          facts={{ ageYears: Math.min(age, 30), evaluation: "none" }}
          state={student.district.state}
          student={{
            id: student.id,
            name: `${student.firstName} ${student.lastName}`,
            schoolName: student.school.name,
            dateOfBirth: student.dateOfBirth,
          }}
          onSaved={() => setRevision((r) => r + 1)}
        />
      ) : null}
    </section>
  );
}
