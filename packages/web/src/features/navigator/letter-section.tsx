import {
  buildEvaluationRequestLetter,
  type EvaluationLetter,
  type EvaluationLetterInputRaw,
  isIsoDate,
  type NavigatorFactsInput,
  ZEvaluationLetterInput,
} from "@lantern/core";
import { type FormEvent, useRef, useState } from "react";
import { Alert, Button, Field, StatusRegion, TextInput } from "../../components/ui/index.ts";
import { t } from "../../i18n/t.ts";
import { ApiError } from "../../lib/api-client.ts";
import { fetchLetterPdf, saveBlob } from "./api.ts";

type LetterFields = {
  parentName: string;
  studentName: string;
  schoolName: string;
  schoolAddress: string;
  date: string;
};
type FieldName = keyof LetterFields;

const LETTER_KEY = "lantern.navigator.letter";
const FIELD_IDS: Record<FieldName, string> = {
  parentName: "letter-parent-name",
  studentName: "letter-student-name",
  schoolName: "letter-school-name",
  schoolAddress: "letter-school-address",
  date: "letter-date",
};

function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function loadFields(): LetterFields {
  const empty = { parentName: "", studentName: "", schoolName: "", schoolAddress: "", date: today() };
  try {
    const raw = sessionStorage.getItem(LETTER_KEY);
    return raw ? { ...empty, ...(JSON.parse(raw) as Partial<LetterFields>) } : empty;
  } catch {
    return empty;
  }
}

function validate(fields: LetterFields): Partial<Record<FieldName, string>> {
  const errors: Partial<Record<FieldName, string>> = {};
  const required: Array<[FieldName, string]> = [
    ["parentName", t("navigator.letter.parentName")],
    ["studentName", t("navigator.letter.studentName")],
    ["schoolName", t("navigator.letter.schoolName")],
  ];
  for (const [name, fieldLabel] of required) {
    if (fields[name].trim() === "") errors[name] = t("navigator.letter.required", { field: fieldLabel.toLowerCase() });
  }
  if (!isIsoDate(fields.date.trim())) errors.date = t("navigator.letter.badDate");
  return errors;
}

/** The dated evaluation-request letter: fill in names, see it, print it, or download the PDF. */
export function LetterSection({ facts, state }: { facts: NavigatorFactsInput; state: string }) {
  const [fields, setFields] = useState<LetterFields>(loadFields);
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [letter, setLetter] = useState<EvaluationLetter | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const letterRef = useRef<HTMLElement>(null);

  function update(name: FieldName, value: string) {
    const next = { ...fields, [name]: value };
    setFields(next);
    setLetter(null);
    try {
      sessionStorage.setItem(LETTER_KEY, JSON.stringify(next));
    } catch {
      // not kept; fine
    }
  }

  function body(): EvaluationLetterInputRaw {
    const address = fields.schoolAddress.trim();
    return {
      facts,
      parentName: fields.parentName.trim(),
      studentName: fields.studentName.trim(),
      schoolName: fields.schoolName.trim(),
      schoolAddress: address ? [address] : [],
      // Without a known state the letter uses the federal timeline.
      state: state && state !== "unknown" ? state : "US",
      date: fields.date.trim(),
    };
  }

  function show(event: FormEvent) {
    event.preventDefault();
    const found = validate(fields);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setLetter(null);
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setLetter(buildEvaluationRequestLetter(ZEvaluationLetterInput.parse(body())));
    requestAnimationFrame(() => letterRef.current?.focus());
  }

  async function download() {
    setBusy(true);
    setDownloadError(null);
    setStatus(t("navigator.letter.downloading"));
    try {
      const blob = await fetchLetterPdf(body());
      saveBlob(blob, "evaluation-request-letter.pdf");
      setStatus(t("navigator.letter.downloaded"));
    } catch (error) {
      setStatus("");
      setDownloadError(
        t("navigator.letter.downloadFailed", { message: error instanceof ApiError ? error.message : String(error) }),
      );
    } finally {
      setBusy(false);
    }
  }

  const errorList = Object.entries(errors) as Array<[FieldName, string]>;
  return (
    <section aria-labelledby="navigator-letter" className="navigator-letter">
      <h2 id="navigator-letter">{t("navigator.letter.title")}</h2>
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
        <Field
          id={FIELD_IDS.date}
          label={t("navigator.letter.date")}
          hint={t("navigator.letter.dateHint")}
          error={errors.date}
          required
        >
          <TextInput value={fields.date} inputMode="numeric" onChange={(event) => update("date", event.target.value)} />
        </Field>
        <Button type="submit">{t("navigator.letter.show")}</Button>
      </form>

      {letter ? (
        <>
          <article ref={letterRef} tabIndex={-1} className="letter-sheet" aria-label={t("navigator.letter.preview")}>
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
            <p className="letter-references">
              {t("navigator.letter.references", { list: letter.citations.join("; ") })}
            </p>
          </article>
          <div className="navigator-buttons no-print">
            <Button variant="secondary" onClick={() => window.print()}>
              {t("navigator.letter.print")}
            </Button>
            <Button onClick={download} busy={busy} busyLabel={t("navigator.letter.downloading")}>
              {t("navigator.letter.download")}
            </Button>
          </div>
          {downloadError ? <Alert tone="error">{downloadError}</Alert> : null}
        </>
      ) : null}
      <StatusRegion message={status} />
    </section>
  );
}
