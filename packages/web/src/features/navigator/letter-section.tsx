import type { Letter, LetterKind, LetterLanguage, LetterRequestInput, NavigatorFactsInput } from "@lantern/core";
import { type FormEvent, useLayoutEffect, useRef, useState } from "react";
import { Alert, Button, Field, StatusRegion, TextInput } from "../../components/ui/index.ts";
import { getLocale, t } from "../../i18n/t.ts";
import { ApiError } from "../../lib/api-client.ts";
import { fetchLetter, fetchLetterPdf, saveBlob } from "./api.ts";
import { LetterSheet } from "./letter-sheet.tsx";
import { SaveLetterSection } from "./save-letter-section.tsx";

type LetterFields = {
  parentName: string;
  studentName: string;
  schoolName: string;
  schoolAddress: string;
  date: string;
  /** Prior written notice: what the school refused. */
  refusedRequest: string;
  /** Independent evaluation: which evaluation the parent disagrees with. */
  evaluationDescription: string;
  /** Partial consent: the parts the parent does not consent to. */
  disagreedParts: string;
};
type FieldName = keyof LetterFields;
type ExtraName = "refusedRequest" | "evaluationDescription" | "disagreedParts";

const LETTER_KEY = "lantern.navigator.letter";
const FIELD_IDS: Record<FieldName, string> = {
  parentName: "letter-parent-name",
  studentName: "letter-student-name",
  schoolName: "letter-school-name",
  schoolAddress: "letter-school-address",
  date: "letter-date",
  refusedRequest: "letter-refused-request",
  evaluationDescription: "letter-evaluation-description",
  disagreedParts: "letter-disagreed-parts",
};

/** Fields each kind asks for beyond the parties (required ones first). */
const EXTRA_FIELDS: Partial<Record<LetterKind, Array<{ name: ExtraName; required: boolean }>>> = {
  "prior-written-notice-request": [{ name: "refusedRequest", required: true }],
  "independent-evaluation-request": [{ name: "evaluationDescription", required: false }],
  "partial-consent-disagreement": [{ name: "disagreedParts", required: true }],
};

function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const EMPTY: Omit<LetterFields, "date"> = {
  parentName: "",
  studentName: "",
  schoolName: "",
  schoolAddress: "",
  refusedRequest: "",
  evaluationDescription: "",
  disagreedParts: "",
};

function loadFields(): LetterFields {
  const empty = { ...EMPTY, date: today() };
  try {
    const raw = sessionStorage.getItem(LETTER_KEY);
    return raw ? { ...empty, ...(JSON.parse(raw) as Partial<LetterFields>) } : empty;
  } catch {
    return empty;
  }
}

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

function validate(kind: LetterKind, fields: LetterFields): Partial<Record<FieldName, string>> {
  const errors: Partial<Record<FieldName, string>> = {};
  const required: FieldName[] = ["parentName", "studentName", "schoolName"];
  for (const extra of EXTRA_FIELDS[kind] ?? []) if (extra.required) required.push(extra.name);
  for (const name of required) {
    if (fields[name].trim() === "") {
      errors[name] = t("navigator.letter.required", { field: t(`navigator.letter.${name}`).toLowerCase() });
    }
  }
  if (!DATE_PATTERN.test(fields.date.trim())) errors.date = t("navigator.letter.badDate");
  return errors;
}

export type LetterSectionProps = {
  /** The letters for the result's next steps, first the most useful. */
  kinds: readonly LetterKind[];
  facts: NavigatorFactsInput;
  /** Two-letter code, or "" / "unknown": the letter then cites federal timelines. */
  state: string;
  /** On a child's own page: the child, so names are filled in and the letter saves to that record. */
  student?: { id: string; name: string; schoolName: string; dateOfBirth?: string } | undefined;
  /** Called after the letter was saved to the record. */
  onSaved?: (() => void) | undefined;
  /** The section's heading level and text (defaults: h2, "Letters for your next steps"). */
  heading?: string | undefined;
};

/**
 * The letters for the next steps: choose one, fill in names, see it (text), print it, download it
 * as a PDF or as text, and — signed in as the child's parent — save it to the child's record.
 */
export function LetterSection({ kinds, facts, state, student, onSaved, heading }: LetterSectionProps) {
  const [kind, setKind] = useState<LetterKind>(kinds[0] as LetterKind);
  // The letter's language: the page's by default; the family may choose the school's language.
  const [language, setLanguage] = useState<LetterLanguage>(getLocale());
  const [fields, setFields] = useState<LetterFields>(() => {
    const loaded = loadFields();
    return student ? { ...loaded, studentName: student.name, schoolName: student.schoolName } : loaded;
  });
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [shown, setShown] = useState<{ letter: Letter; text: string; request: LetterRequestInput } | null>(null);
  const [busy, setBusy] = useState<"show" | "pdf" | null>(null);
  const [status, setStatus] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const letterRef = useRef<HTMLElement>(null);
  // Focus moves to a letter just written, once it is on the page (before it is painted).
  const [focusLetter, setFocusLetter] = useState(false);
  useLayoutEffect(() => {
    if (shown && focusLetter) {
      letterRef.current?.focus();
      setFocusLetter(false);
    }
  }, [shown, focusLetter]);

  function update(name: FieldName, value: string) {
    const next = { ...fields, [name]: value };
    setFields(next);
    setShown(null);
    try {
      sessionStorage.setItem(LETTER_KEY, JSON.stringify(next));
    } catch {
      // not kept; fine
    }
  }

  function request(): LetterRequestInput {
    const address = fields.schoolAddress.trim();
    const parties = {
      parentName: fields.parentName.trim(),
      studentName: fields.studentName.trim(),
      schoolName: fields.schoolName.trim(),
      schoolAddress: address ? [address] : [],
      // Without a known state the letter uses the federal timelines.
      state: state && state !== "unknown" ? state : "US",
      date: fields.date.trim(),
      language,
      ...(student?.dateOfBirth ? { studentDateOfBirth: student.dateOfBirth } : {}),
    };
    switch (kind) {
      case "evaluation-request":
        return { ...parties, kind, facts };
      case "prior-written-notice-request":
        return { ...parties, kind, refusedRequest: fields.refusedRequest.trim() };
      case "independent-evaluation-request": {
        const which = fields.evaluationDescription.trim();
        return which ? { ...parties, kind, evaluationDescription: which } : { ...parties, kind };
      }
      case "partial-consent-disagreement":
        return { ...parties, kind, disagreedParts: fields.disagreedParts.trim() };
      default:
        return { ...parties, kind };
    }
  }

  async function show(event: FormEvent) {
    event.preventDefault();
    const found = validate(kind, fields);
    setErrors(found);
    setProblem(null);
    if (Object.keys(found).length > 0) {
      setShown(null);
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setBusy("show");
    const body = request();
    try {
      const answer = await fetchLetter(body);
      setShown({ ...answer, request: body });
      setFocusLetter(true);
    } catch (error) {
      setProblem(t("navigator.letter.failed", { message: error instanceof ApiError ? error.message : String(error) }));
    } finally {
      setBusy(null);
    }
  }

  async function downloadPdf() {
    if (!shown) return;
    setBusy("pdf");
    setProblem(null);
    setStatus(t("navigator.letter.downloading"));
    try {
      const blob = await fetchLetterPdf(shown.request);
      saveBlob(blob, kind === "evaluation-request" ? "evaluation-request-letter.pdf" : `${kind}-letter.pdf`);
      setStatus(t("navigator.letter.downloaded"));
    } catch (error) {
      setStatus("");
      setProblem(
        t("navigator.letter.downloadFailed", { message: error instanceof ApiError ? error.message : String(error) }),
      );
    } finally {
      setBusy(null);
    }
  }

  function downloadText() {
    if (!shown) return;
    saveBlob(new Blob([shown.text], { type: "text/plain;charset=utf-8" }), `${kind}-letter.txt`);
    setStatus(t("navigator.letter.downloadedText"));
  }

  const errorList = Object.entries(errors) as Array<[FieldName, string]>;
  const extras = EXTRA_FIELDS[kind] ?? [];
  return (
    <section aria-labelledby="navigator-letter" className="navigator-letter">
      {student ? (
        <h3 id="navigator-letter">{heading ?? t("navigator.letter.title")}</h3>
      ) : (
        <h2 id="navigator-letter">{heading ?? t("navigator.letter.title")}</h2>
      )}
      <p>{t("navigator.letter.intro")}</p>
      {errorList.length > 0 ? (
        <Alert tone="error" title={t("navigator.letter.errorTitle")} ref={summaryRef} tabIndex={-1}>
          <ul>
            {errorList.map(([name, message]) => (
              <li key={name}>
                <a
                  href={`#${FIELD_IDS[name]}`}
                  onClick={(event) => {
                    event.preventDefault();
                    document.getElementById(FIELD_IDS[name])?.focus();
                  }}
                >
                  {message}
                </a>
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <form onSubmit={show} noValidate className="navigator-letter-form">
        {kinds.length > 1 ? (
          <fieldset className="navigator-fieldset">
            <legend>{t("navigator.letter.which")}</legend>
            <div className="navigator-options">
              {kinds.map((k) => (
                <div className="navigator-option" key={k}>
                  <input
                    id={`letter-kind-${k}`}
                    type="radio"
                    name="letter-kind"
                    value={k}
                    checked={kind === k}
                    onChange={() => {
                      setKind(k);
                      setShown(null);
                      setErrors({});
                    }}
                  />
                  <label htmlFor={`letter-kind-${k}`}>{t(`navigator.letter.kind.${k}`)}</label>
                </div>
              ))}
            </div>
          </fieldset>
        ) : (
          <p>
            <strong>{t(`navigator.letter.kind.${kind}`)}</strong>
          </p>
        )}
        {(["parentName", "studentName", "schoolName", "schoolAddress"] as const).map((name) => (
          <Field
            key={name}
            id={FIELD_IDS[name]}
            label={t(`navigator.letter.${name}`)}
            error={errors[name]}
            required={name !== "schoolAddress"}
          >
            <TextInput
              value={fields[name]}
              autoComplete={name === "parentName" ? "name" : "off"}
              maxLength={200}
              onChange={(event) => update(name, event.target.value)}
            />
          </Field>
        ))}
        {extras.map(({ name, required }) => (
          <Field
            key={name}
            id={FIELD_IDS[name]}
            label={t(`navigator.letter.${name}`)}
            hint={t(`navigator.letter.${name}Hint`)}
            error={errors[name]}
            required={required}
          >
            <TextInput
              value={fields[name]}
              autoComplete="off"
              maxLength={1000}
              onChange={(event) => update(name, event.target.value)}
            />
          </Field>
        ))}
        <fieldset className="navigator-fieldset" aria-describedby="letter-language-hint">
          <legend>{t("navigator.letter.language")}</legend>
          <p id="letter-language-hint" className="field-hint">
            {t("navigator.letter.languageHint")}
          </p>
          <div className="navigator-options">
            {(["en", "es"] as const).map((l) => (
              <div className="navigator-option" key={l}>
                <input
                  id={`letter-language-${l}`}
                  type="radio"
                  name="letter-language"
                  value={l}
                  checked={language === l}
                  onChange={() => {
                    setLanguage(l);
                    setShown(null);
                  }}
                />
                <label htmlFor={`letter-language-${l}`}>{t(`navigator.letter.language.${l}`)}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <Field
          id={FIELD_IDS.date}
          label={t("navigator.letter.date")}
          hint={t("navigator.letter.dateHint")}
          error={errors.date}
          required
        >
          <TextInput value={fields.date} inputMode="numeric" onChange={(event) => update("date", event.target.value)} />
        </Field>
        <Button type="submit" busy={busy === "show"} busyLabel={t("navigator.letter.writing")}>
          {t("navigator.letter.show")}
        </Button>
      </form>

      {shown ? (
        <>
          <LetterSheet letter={shown.letter} ref={letterRef} />
          <div className="navigator-buttons no-print">
            <Button variant="secondary" onClick={() => window.print()}>
              {t("navigator.letter.print")}
            </Button>
            <Button onClick={downloadPdf} busy={busy === "pdf"} busyLabel={t("navigator.letter.downloading")}>
              {t("navigator.letter.download")}
            </Button>
            <Button variant="secondary" onClick={downloadText}>
              {t("navigator.letter.downloadText")}
            </Button>
          </div>
          <SaveLetterSection
            request={shown.request}
            student={student ? { id: student.id, name: student.name } : undefined}
            onSaved={onSaved}
          />
        </>
      ) : null}
      {problem ? <Alert tone="error">{problem}</Alert> : null}
      <StatusRegion message={status} />
    </section>
  );
}
