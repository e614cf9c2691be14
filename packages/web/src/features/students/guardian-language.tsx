/**
 * A guardian's preferred language and interpreter need, on the student's record (34 CFR
 * 300.503(c), 300.322(e)): everyone who reads the record sees them; staff who may change the
 * record set them here.
 */
import { KNOWN_LANGUAGES } from "@lantern/core";
import { type FormEvent, useId, useState } from "react";
import { Button, Field, Select } from "../../components/ui/index.ts";
import { getLocale, t } from "../../i18n/t.ts";
import { ApiError } from "../../lib/api-client.ts";
import { describeError } from "../../lib/error-message.ts";
import { type StudentDetail, setGuardianLanguage } from "./api.ts";

type Guardian = StudentDetail["guardians"][number];

/** A language's name in the reader's language ("es" → "español" in Spanish, "Spanish" in English). */
export function languageLabel(code: string): string {
  try {
    return new Intl.DisplayNames([getLocale()], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** "Prefers Spanish; needs an interpreter", or "Language not recorded". */
export function GuardianLanguageFacts({ guardian }: { guardian: Guardian }) {
  const language = guardian.language
    ? t("students.language.prefers", { language: languageLabel(guardian.language) })
    : t("students.language.notRecorded");
  return (
    <span className="muted">
      {language}
      {guardian.interpreterNeeded ? `; ${t("students.language.needsInterpreter")}` : ""}
    </span>
  );
}

/** Staff change a guardian's language and interpreter need (shown folded under the guardian). */
export function GuardianLanguageEditor({
  studentId,
  guardian,
  onSaved,
}: {
  studentId: string;
  guardian: Guardian;
  onSaved: (student: StudentDetail) => void;
}) {
  const [language, setLanguage] = useState(guardian.language ?? "");
  const [interpreter, setInterpreter] = useState(guardian.interpreterNeeded);
  const [error, setError] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);
  const checkboxId = useId();
  const codes: string[] = Object.keys(KNOWN_LANGUAGES);
  if (guardian.language && !codes.includes(guardian.language)) codes.push(guardian.language);
  const options = [
    { value: "", label: t("students.language.none") },
    ...codes
      .map((code) => ({ value: code, label: languageLabel(code) }))
      .sort((a, b) => a.label.localeCompare(b.label, getLocale())),
  ];

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setStatus("");
    try {
      const student = await setGuardianLanguage(studentId, guardian.personId, {
        language: language === "" ? null : language,
        interpreterNeeded: interpreter,
      });
      setStatus(t("students.language.saved", { name: guardian.name }));
      onSaved(student);
    } catch (e) {
      setError(
        e instanceof ApiError && e.issues.length > 0 ? e.issues.map((i) => i.message).join(" ") : describeError(e),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="guardian-language">
      <summary>{t("students.language.change", { name: guardian.name })}</summary>
      <form onSubmit={save} noValidate>
        <Field label={t("students.language.label", { name: guardian.name })} error={error}>
          <Select value={language} onChange={(e) => setLanguage(e.target.value)} options={options} />
        </Field>
        <div className="checkbox-field">
          <input
            id={checkboxId}
            type="checkbox"
            checked={interpreter}
            onChange={(e) => setInterpreter(e.target.checked)}
          />{" "}
          <label htmlFor={checkboxId}>{t("students.language.interpreterLabel")}</label>
        </div>
        <Button type="submit" variant="secondary" busy={busy}>
          {t("students.language.save")}
        </Button>
        <p role="status">{status}</p>
      </form>
    </details>
  );
}
