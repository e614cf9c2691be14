import { RELATED_SERVICES } from "@lantern/core";
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from "react";
import { Button } from "../../components/ui/index.ts";
import { labelOrCode } from "../../i18n/labels.ts";
import { t, tMaybe } from "../../i18n/t.ts";
import {
  ALWAYS_SPECIAL_EDUCATION_ANSWERS,
  type Answers,
  isAnswered,
  type StepDef,
  toggleMulti,
} from "./navigator-state.ts";
import { NavigatorTerm, type NavigatorTermKey } from "./navigator-term.tsx";

/** Words explained on each question, where they appear. */
const TERMS: Partial<Record<StepDef["id"], NavigatorTermKey[]>> = {
  evaluation: ["evaluation"],
  limits: ["majorLifeActivity"],
  limitsWhenActive: ["majorLifeActivity"],
  specializedInstruction: ["specializedInstruction"],
  relatedServices: ["relatedServices"],
  accommodations: ["accommodations"],
};

function label(key: string): string {
  return tMaybe(key) ?? key;
}

/**
 * The text of an answer. A related service is called by core's name for it, the name it has in
 * plans and PDFs; other answers use the question's own wording.
 */
export function optionText(stepId: StepDef["id"], option: string): string {
  if (stepId === "relatedServices" && (RELATED_SERVICES as readonly string[]).includes(option)) {
    return labelOrCode("relatedService", option);
  }
  // Travel training and vocational education are named as the plan's service areas.
  if (stepId === "relatedServices" && (ALWAYS_SPECIAL_EDUCATION_ANSWERS as readonly string[]).includes(option)) {
    return labelOrCode("serviceArea", option);
  }
  return label(`navigator.q.${stepId}.option.${option}`);
}

export type QuestionStepProps = {
  step: StepDef;
  index: number;
  total: number;
  answers: Answers;
  /** Move focus to the question's heading when it appears (after moving between questions). */
  focusOnShow: boolean;
  onAnswer(next: Answers): void;
  onBack(): void;
  onNext(): void;
  isLast: boolean;
};

/** One question: its heading, a hint, explained words, the choices (always with "I don't know"). */
export function QuestionStep({
  step,
  index,
  total,
  answers,
  focusOnShow,
  onAnswer,
  onBack,
  onNext,
  isLast,
}: QuestionStepProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [error, setError] = useState<string | null>(null);
  const uid = useId();
  const hintId = `q-${uid}-hint`;
  const errorId = `q-${uid}-error`;
  const base = `navigator.q.${step.id}`;

  useEffect(() => {
    if (focusOnShow) headingRef.current?.focus();
  }, [focusOnShow]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!isAnswered(step, answers)) {
      setError(
        step.kind === "multi"
          ? t("navigator.error.pick")
          : step.kind === "text"
            ? t("navigator.error.condition")
            : step.kind === "state"
              ? t("navigator.error.state")
              : step.kind === "age"
                ? (answers.birthDate ?? "").trim() !== ""
                  ? t("navigator.error.birthDate")
                  : t("navigator.error.age")
                : t("navigator.error.choose"),
      );
      // Put the person where the problem is: the first control of the question.
      requestAnimationFrame(() => {
        const first = document.querySelector<HTMLElement>(
          `[data-question="${step.id}"] input:not([disabled]), [data-question="${step.id}"] select`,
        );
        first?.focus();
      });
      return;
    }
    setError(null);
    onNext();
  }

  const describedBy = [hintId, error ? errorId : null].filter(Boolean).join(" ");
  const invalid = error ? true : undefined;
  const terms = TERMS[step.id];

  const heading = (
    <h2 ref={headingRef} tabIndex={-1} className="navigator-question">
      {label(`${base}.title`)}
    </h2>
  );
  const hint = (
    <div id={hintId} className="field-hint">
      <p>{label(`${base}.hint`)}</p>
      {terms ? (
        <p className="terms-used">
          <span className="terms-used-label">{t("glossary.wordsUsed")}</span>{" "}
          {terms.map((term, i) => (
            <span key={term}>
              {i > 0 ? ", " : null}
              <NavigatorTerm term={term} />
            </span>
          ))}
        </p>
      ) : null}
    </div>
  );
  const errorLine = error ? (
    <p id={errorId} className="field-error" role="alert">
      {error}
    </p>
  ) : null;

  let body: ReactNode;
  if (step.kind === "choice" || step.kind === "multi") {
    const name = `q-${step.id}`;
    const current = answers[step.id];
    const selected: string[] = Array.isArray(current) ? current : typeof current === "string" ? [current] : [];
    body = (
      <fieldset className="navigator-fieldset" aria-describedby={describedBy} data-question={step.id}>
        <legend>{heading}</legend>
        {hint}
        {errorLine}
        <div className="navigator-options">
          {step.options.map((option) => {
            const id = `${name}-${option}`;
            const checked = selected.includes(option);
            return (
              <div className="navigator-option" key={option}>
                <input
                  id={id}
                  type={step.kind === "multi" ? "checkbox" : "radio"}
                  name={name}
                  value={option}
                  checked={checked}
                  aria-invalid={invalid}
                  onChange={(event) => {
                    setError(null);
                    if (step.kind === "multi") {
                      onAnswer({ ...answers, [step.id]: toggleMulti(selected, option, event.target.checked) });
                    } else {
                      onAnswer({ ...answers, [step.id]: option });
                    }
                  }}
                />
                <label htmlFor={id}>{optionText(step.id, option)}</label>
              </div>
            );
          })}
        </div>
      </fieldset>
    );
  } else if (step.kind === "age") {
    const yearsId = `q-${uid}-age-years`;
    const birthId = `q-${uid}-age-birth`;
    const birthHintId = `q-${uid}-age-birth-hint`;
    const unknownId = `q-${uid}-age-unknown`;
    const ageUnknown = answers.age === "unknown";
    body = (
      <div className="navigator-fieldset" data-question={step.id}>
        {heading}
        {hint}
        {errorLine}
        <div className="field">
          <label className="field-label" htmlFor={yearsId}>
            {t("navigator.q.age.yearsLabel")}
          </label>
          <input
            id={yearsId}
            className="text-input navigator-age-input"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            maxLength={2}
            value={ageUnknown ? "" : (answers.age ?? "")}
            disabled={ageUnknown}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onChange={(event) => {
              setError(null);
              onAnswer({ ...answers, age: event.target.value });
            }}
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={birthId}>
            {t("navigator.q.age.birthDateLabel")}
          </label>
          <p className="field-hint" id={birthHintId}>
            {t("navigator.q.age.birthDateHint")}
          </p>
          <input
            id={birthId}
            className="text-input"
            type="text"
            inputMode="numeric"
            autoComplete="bday"
            maxLength={10}
            value={ageUnknown ? "" : (answers.birthDate ?? "")}
            disabled={ageUnknown}
            aria-describedby={`${birthHintId} ${describedBy}`}
            aria-invalid={invalid}
            onChange={(event) => {
              setError(null);
              onAnswer({ ...answers, birthDate: event.target.value });
            }}
          />
        </div>
        <div className="navigator-option">
          <input
            id={unknownId}
            type="checkbox"
            checked={ageUnknown}
            onChange={(event) => {
              setError(null);
              const { ageBand: _range, ...rest } = answers;
              onAnswer(event.target.checked ? { ...answers, age: "unknown", birthDate: "" } : { ...rest, age: "" });
            }}
          />
          <label htmlFor={unknownId}>{t("navigator.q.age.unknownLabel")}</label>
        </div>
      </div>
    );
  } else if (step.kind === "text") {
    const inputId = `q-${uid}-condition`;
    const unknownId = `q-${uid}-condition-unknown`;
    body = (
      <div className="navigator-fieldset" data-question={step.id}>
        {heading}
        {hint}
        {errorLine}
        <div className="field">
          <label className="field-label" htmlFor={inputId}>
            {t("navigator.q.condition.label")}
          </label>
          <input
            id={inputId}
            className="text-input"
            type="text"
            autoComplete="off"
            maxLength={200}
            value={answers.condition ?? ""}
            disabled={Boolean(answers.conditionUnknown)}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onChange={(event) => {
              setError(null);
              onAnswer({ ...answers, condition: event.target.value });
            }}
          />
        </div>
        <div className="navigator-option">
          <input
            id={unknownId}
            type="checkbox"
            checked={Boolean(answers.conditionUnknown)}
            onChange={(event) => {
              setError(null);
              onAnswer({ ...answers, conditionUnknown: event.target.checked });
            }}
          />
          <label htmlFor={unknownId}>{t("navigator.q.condition.unknownLabel")}</label>
        </div>
      </div>
    );
  } else {
    const selectId = `q-${uid}-state`;
    body = (
      <div className="navigator-fieldset" data-question={step.id}>
        {heading}
        {hint}
        {errorLine}
        <div className="field">
          <label className="field-label" htmlFor={selectId}>
            {t("navigator.q.state.label")}
          </label>
          <select
            id={selectId}
            className="select"
            value={answers.state ?? ""}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onChange={(event) => {
              setError(null);
              onAnswer({ ...answers, state: event.target.value });
            }}
          >
            <option value="">{t("navigator.q.state.placeholder")}</option>
            {step.options.map((code) => (
              <option key={code} value={code}>
                {code === "unknown" ? t("navigator.q.state.option.unknown") : label(`navigator.state.${code}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
    );
  }

  return (
    <form className="navigator-step" onSubmit={submit} noValidate>
      <p className="muted">{t("navigator.progress", { current: index + 1, total })}</p>
      {body}
      <div className="navigator-buttons">
        <Button variant="secondary" onClick={onBack}>
          {t("navigator.back")}
        </Button>
        <Button type="submit">{isLast ? t("navigator.seeResult") : t("navigator.next")}</Button>
      </div>
    </form>
  );
}
