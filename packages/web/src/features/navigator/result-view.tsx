import type { NavigatorFactsInput, NavigatorReport, PlanPoint, PlanProfile } from "@lantern/core";
import { useEffect, useRef, useState } from "react";
import { Alert, Button } from "../../components/ui/index.ts";
import { getLocale, t, tMaybe } from "../../i18n/t.ts";
import { ApiError } from "../../lib/api-client.ts";
import { runNavigator } from "./api.ts";
import { LetterSection } from "./letter-section.tsx";
import { SaveToRecordSection } from "./save-to-record-section.tsx";

function label(key: string): string {
  return tMaybe(key) ?? key;
}

function PointList({ points }: { points: readonly PlanPoint[] }) {
  return (
    <ul className="navigator-points">
      {points.map((p) => (
        <li key={p.text}>
          {p.text} <span className="citation">({p.citation})</span>
        </li>
      ))}
    </ul>
  );
}

export type ResultViewProps = {
  facts: NavigatorFactsInput;
  /** The family did not know the age at all: a school-age child was assumed. */
  ageUnknown: boolean;
  /** The family gave a range, not the age. */
  ageApproximate: boolean;
  state: string;
  focusOnShow: boolean;
  onChangeAnswers(): void;
  onStartOver(): void;
};

/** The answer: the recommendation, the reasons with their law, the other plan, next steps, the letter. */
function ProfileDetails({ profile, level }: { profile: PlanProfile; level: 3 | 4 }) {
  const H = level === 3 ? "h3" : "h4";
  return (
    <>
      <H>{t("navigator.result.contents")}</H>
      <PointList points={profile.contents} />
      <H>{t("navigator.result.protections")}</H>
      <PointList points={profile.protections} />
      <H>{t("navigator.result.team")}</H>
      <PointList points={profile.team} />
    </>
  );
}

export function ResultView({
  facts,
  ageUnknown,
  ageApproximate,
  state,
  focusOnShow,
  onChangeAnswers,
  onStartOver,
}: ResultViewProps) {
  const [report, setReport] = useState<NavigatorReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const factsKey = JSON.stringify(facts);

  useEffect(() => {
    let live = true;
    setReport(null);
    setError(null);
    // Core writes the reasons in the page's language; switching language remounts the page.
    runNavigator(JSON.parse(factsKey) as NavigatorFactsInput, getLocale()).then(
      (r) => {
        if (live) setReport(r);
      },
      (e: unknown) => {
        if (live) setError(e instanceof ApiError ? e.message : String(e));
      },
    );
    return () => {
      live = false;
    };
  }, [factsKey]);

  useEffect(() => {
    if (report && focusOnShow) headingRef.current?.focus();
  }, [report, focusOnShow]);

  if (error) {
    return <Alert tone="error">{t("navigator.result.error", { message: error })}</Alert>;
  }
  if (!report) {
    return (
      <p className="loading" role="status">
        {t("navigator.result.loading")}
      </p>
    );
  }

  const { comparison } = report;
  const stateKnown = state !== "" && state !== "unknown";
  const otherName = comparison.other ? label(`navigator.result.likely.${comparison.other}`) : "";
  return (
    <div className="navigator-result">
      <section aria-labelledby="navigator-recommendation" className="card navigator-answer">
        <h2 id="navigator-recommendation" ref={headingRef} tabIndex={-1}>
          {label(`navigator.result.recommendation.${report.recommendation}`)}
        </h2>
        <p>{label(`navigator.result.summary.${report.recommendation}`)}</p>
        {report.recommendation === "evaluate" && report.likely ? (
          <p>{t("navigator.result.likely", { plan: label(`navigator.result.likely.${report.likely}`) })}</p>
        ) : null}
        {ageUnknown ? (
          <p className="muted">{t("navigator.result.assumedAge")}</p>
        ) : ageApproximate ? (
          <p className="muted">{t("navigator.result.approximateAge")}</p>
        ) : null}
        <p className="muted">
          {report.rulesUsed.ownRules
            ? t("navigator.result.stateRules", { state: label(`navigator.state.${state}`) })
            : stateKnown
              ? t("navigator.result.federalRulesForState", { state: label(`navigator.state.${state}`) })
              : t("navigator.result.federalRules")}
        </p>
      </section>

      {comparison.pointedProfile ? (
        <section aria-labelledby="navigator-pointed">
          <h2 id="navigator-pointed">{label(`navigator.result.pointed.${comparison.pointedProfile.plan}`)}</h2>
          <p className="muted">{t("navigator.result.otherLaw", { law: comparison.pointedProfile.law })}</p>
          <ProfileDetails profile={comparison.pointedProfile} level={3} />
        </section>
      ) : null}

      <section aria-labelledby="navigator-why">
        <h2 id="navigator-why">{t("navigator.result.why")}</h2>
        <p className="muted">{t("navigator.result.whyIntro")}</p>
        <ol className="navigator-trace">
          {report.trace.map((entry) => (
            <li key={`${entry.rule}: ${entry.explanation}`} className={`trace-${entry.outcome}`}>
              <strong>{label(`navigator.result.outcome.${entry.outcome}`)}:</strong> {entry.explanation}{" "}
              <span className="citation">{t("navigator.result.law", { citation: entry.citation })}</span>
            </li>
          ))}
        </ol>
      </section>

      {comparison.other && comparison.otherProfile ? (
        <section aria-labelledby="navigator-other">
          <h2 id="navigator-other">{t("navigator.result.other", { plan: otherName })}</h2>
          <p className="muted">{t("navigator.result.otherLaw", { law: comparison.otherProfile.law })}</p>
          <h3>{t("navigator.result.otherGives")}</h3>
          <ProfileDetails profile={comparison.otherProfile} level={4} />
          <h3>{t("navigator.result.otherNotGives")}</h3>
          <PointList points={comparison.otherWouldNotGive} />
          {comparison.whyNotOther.length > 0 ? (
            <>
              <h3>{t("navigator.result.otherWhyNot")}</h3>
              <PointList points={comparison.whyNotOther.map((e) => ({ text: e.explanation, citation: e.citation }))} />
            </>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="navigator-next">
        <h2 id="navigator-next">{t("navigator.result.nextSteps")}</h2>
        <ol className="navigator-steps">
          {report.nextSteps.map((s) => (
            <li key={s.action}>
              <strong>{s.title}.</strong> {s.text} <span className="citation">({s.citation})</span>
            </li>
          ))}
        </ol>
      </section>

      {report.letters.length > 0 ? <LetterSection kinds={report.letters} facts={facts} state={state} /> : null}
      <SaveToRecordSection facts={facts} />

      <div className="navigator-buttons no-print">
        <Button variant="secondary" onClick={onChangeAnswers}>
          {t("navigator.result.changeAnswers")}
        </Button>
        <Button variant="link" onClick={onStartOver}>
          {t("navigator.result.startOver")}
        </Button>
      </div>
      <p className="muted">{t("navigator.result.notAdvice")}</p>
    </div>
  );
}
