import { type ReactNode, useEffect, useRef, useState } from "react";
import { useLocation, useSearch } from "wouter";
import { Page } from "../../app/page.tsx";
import { paths } from "../../app/paths.ts";
import { Button } from "../../components/ui/index.ts";
import { t } from "../../i18n/t.ts";
import {
  type Answers,
  activeSteps,
  answersToFacts,
  firstUnanswered,
  loadAnswers,
  resolveAge,
  STEP_IDS,
  type StepId,
  saveAnswers,
  todayIso,
} from "./navigator-state.ts";
import { QuestionStep } from "./question-step.tsx";
import { ResultView } from "./result-view.tsx";
import "./navigator.css";

function storage(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

function stepUrl(step: StepId | "result" | null): string {
  return step === null ? paths.navigator : `${paths.navigator}?step=${step}`;
}

/**
 * The eligibility navigator for families: one question per step (the step is in the address, so
 * the browser's back and forward buttons move between questions), answers kept in this tab's
 * session storage, then the result with its reasons, the other plan, next steps and the letter.
 */
export default function NavigatorPage() {
  const search = useSearch();
  const [, navigate] = useLocation();
  const [answers, setAnswers] = useState<Answers>(() => loadAnswers(storage()));
  const raw = new URLSearchParams(search).get("step");
  const current: StepId | "result" | null =
    raw === "result" ? "result" : (STEP_IDS as readonly string[]).includes(raw ?? "") ? (raw as StepId) : null;

  // Focus moves to the new step's heading after the person moves, not on the first load.
  const firstStep = useRef(current);
  const moved = current !== firstStep.current;

  const steps = activeSteps(answers);
  const index = current && current !== "result" ? steps.findIndex((s) => s.id === current) : -1;

  // A step that no longer applies (or a result before every answer) goes to the right question.
  useEffect(() => {
    if (current === "result") {
      const missing = firstUnanswered(answers);
      if (missing) navigate(stepUrl(missing), { replace: true });
    } else if (current !== null && index === -1) {
      navigate(stepUrl(firstUnanswered(answers) ?? "result"), { replace: true });
    }
  }, [current, index, answers, navigate]);

  function update(next: Answers) {
    setAnswers(next);
    saveAnswers(storage(), next);
  }

  function goNext() {
    const live = activeSteps(answers);
    const at = live.findIndex((s) => s.id === current);
    const following = live[at + 1];
    navigate(stepUrl(following ? following.id : "result"));
  }

  function goBack() {
    const live = activeSteps(answers);
    const at = live.findIndex((s) => s.id === current);
    const previous = at > 0 ? live[at - 1] : undefined;
    navigate(stepUrl(previous ? previous.id : null));
  }

  let body: ReactNode;
  if (current === null) {
    body = (
      <div className="navigator-intro">
        <p className="lead">{t("navigator.intro")}</p>
        <p>{t("navigator.introUnknown")}</p>
        <p className="muted">{t("navigator.introPrivacy")}</p>
        <Button onClick={() => navigate(stepUrl(firstUnanswered(answers) ?? STEP_IDS[0]))}>
          {t("navigator.start")}
        </Button>
      </div>
    );
  } else if (current === "result") {
    const age = resolveAge(answers, todayIso());
    body = firstUnanswered(answers) ? null : (
      <ResultView
        facts={answersToFacts(answers, t("navigator.defaultConditionName"))}
        ageUnknown={age?.unknown ?? true}
        ageApproximate={age?.approximate ?? true}
        state={answers.state ?? ""}
        focusOnShow={moved}
        onChangeAnswers={() => navigate(stepUrl(STEP_IDS[0]))}
        onStartOver={() => {
          update({});
          navigate(stepUrl(STEP_IDS[0]));
        }}
      />
    );
  } else {
    const step = steps[index];
    body = step ? (
      <QuestionStep
        key={step.id}
        step={step}
        index={index}
        total={steps.length}
        answers={answers}
        focusOnShow={moved}
        onAnswer={update}
        onBack={goBack}
        onNext={goNext}
        isLast={index === steps.length - 1}
      />
    ) : null;
  }

  return <Page title={current === "result" ? t("navigator.result.title") : t("navigator.title")}>{body}</Page>;
}
