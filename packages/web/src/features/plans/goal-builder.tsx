/**
 * The goal builder: baseline → target → criterion → measurement → date, with the goal shown as
 * the sentence the family will read while it is written (core's `composeGoalSentence`), and a
 * warning beside a part as soon as its wording cannot be measured (core's `goalWordingWarnings`).
 * A pattern from the goal bank fills the parts in; "Add this goal" puts it in the plan's goals.
 */
import {
  composeGoalSentence,
  GOAL_AREAS,
  GOAL_BLANK,
  type GoalParts,
  type GoalWarning,
  goalWordingWarnings,
} from "@lantern/core";
import { useId, useRef, useState } from "react";
import { Button, Field, Select, StatusRegion, TextInput } from "../../components/ui/index.ts";
import { label } from "../../i18n/labels.ts";
import { t } from "../../i18n/t.ts";
import type { GoalPatternView } from "./goal-bank-api.ts";

/** A goal as the plan stores it (core's ZAnnualGoal). */
export type NewGoal = {
  id: string;
  area: string;
  domain: null;
  statement: string;
  baseline: { value: number | null; description: string; measuredOn: string | null };
  target: { value: number | null; description: string };
  unit: string;
  direction: "increase" | "decrease";
  criterion: string;
  measurementMethod: string;
  byDate: string | null;
  needIds: string[];
  shortTermObjectives: [];
};

type Draft = {
  area: string;
  skill: string;
  unit: string;
  direction: "increase" | "decrease";
  baseline: string;
  baselineOn: string;
  target: string;
  criterion: string;
  measurementMethod: string;
  byDate: string;
};

const EMPTY: Draft = {
  area: "",
  skill: "",
  unit: "",
  direction: "increase",
  baseline: "",
  baselineOn: "",
  target: "",
  criterion: "",
  measurementMethod: "",
  byDate: "",
};

const num = (s: string): number | null => (s.trim() === "" || Number.isNaN(Number(s)) ? null : Number(s));

function partsOf(d: Draft): GoalParts {
  return {
    skill: d.skill,
    unit: d.unit,
    direction: d.direction,
    baseline: num(d.baseline),
    target: num(d.target),
    criterion: d.criterion,
    measurementMethod: d.measurementMethod,
    byDate: d.byDate === "" ? null : d.byDate,
  };
}

function warningText(w: GoalWarning): string {
  if (w.kind === "no-amount") return t("plans.goalBuilder.warn.noAmount");
  if (w.kind === "unmeasurable") return t("plans.goalBuilder.warn.unmeasurable", { phrase: w.phrase ?? "" });
  return t("plans.goalBuilder.warn.vague", { phrase: w.phrase ?? "" });
}

type Required = "skill" | "target" | "criterion" | "measurementMethod" | "byDate" | "baseline";

export function GoalBuilder({
  studentName,
  patterns,
  goalCount,
  onAdd,
}: {
  studentName: string;
  /** The goal bank's patterns; null while they load or when they cannot be read. */
  patterns: readonly GoalPatternView[] | null;
  /** Goals already in the plan (the new one is number goalCount + 1). */
  goalCount: number;
  onAdd: (goal: NewGoal) => void;
}) {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [patternId, setPatternId] = useState("");
  const [missing, setMissing] = useState<Required[]>([]);
  const [status, setStatus] = useState("");
  const skillRef = useRef<HTMLInputElement>(null);
  const headingId = useId();
  const previewId = useId();
  const set = (key: keyof Draft) => (value: string) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setMissing((m) => m.filter((k) => k !== key));
  };

  const parts = partsOf(draft);
  const sentence = composeGoalSentence(parts, { studentName });
  const warnings = goalWordingWarnings(parts);
  const warningsFor = (part: GoalWarning["part"]) =>
    warnings
      .filter((w) => w.part === part)
      .map(warningText)
      .join(" ") || undefined;
  const errorFor = (key: Required) => (missing.includes(key) ? t(`plans.goalBuilder.missing.${key}`) : undefined);

  function usePattern() {
    const p = patterns?.find((x) => x.id === patternId);
    if (!p) return;
    setDraft((d) => ({
      ...d,
      area: label("goalArea", p.area),
      skill: p.skill,
      unit: p.unit,
      direction: p.direction,
      criterion: p.criterion,
      measurementMethod: p.measurementMethod,
    }));
    setMissing([]);
    setStatus(t("plans.goalBuilder.patternUsed", { title: p.title }));
    skillRef.current?.focus();
  }

  function add() {
    const gaps: Required[] = [];
    if (parts.skill.trim() === "") gaps.push("skill");
    if (parts.baseline === null) gaps.push("baseline");
    if (parts.target === null) gaps.push("target");
    if (parts.criterion.trim() === "") gaps.push("criterion");
    if (parts.measurementMethod.trim() === "") gaps.push("measurementMethod");
    if (parts.byDate === null) gaps.push("byDate");
    setMissing(gaps);
    if (gaps.length > 0) {
      setStatus(t("plans.goalBuilder.notAdded", { count: gaps.length }));
      document.getElementById(`goal-builder-${gaps[0]}`)?.focus();
      return;
    }
    const skill = parts.skill.replace(GOAL_BLANK, String(parts.target));
    onAdd({
      id: `goal-${Date.now().toString(36)}-${goalCount + 1}`,
      area: draft.area.trim() || t("plans.goalBuilder.areaUnnamed"),
      domain: null,
      statement: sentence,
      baseline: {
        value: parts.baseline,
        description: "",
        measuredOn: draft.baselineOn === "" ? null : draft.baselineOn,
      },
      target: { value: parts.target, description: skill.trim() },
      unit: parts.unit.trim(),
      direction: parts.direction,
      criterion: parts.criterion.trim(),
      measurementMethod: parts.measurementMethod.trim(),
      byDate: parts.byDate,
      needIds: [],
      shortTermObjectives: [],
    });
    setDraft(EMPTY);
    setPatternId("");
    setStatus(t("plans.goalBuilder.added", { number: goalCount + 1 }));
  }

  const byArea = GOAL_AREAS.map((area) => ({ area, items: (patterns ?? []).filter((p) => p.area === area) })).filter(
    (g) => g.items.length > 0,
  );

  return (
    <section aria-labelledby={headingId} className="panel goal-builder" data-testid="goal-builder">
      <h2 id={headingId}>{t("plans.goalBuilder.heading")}</h2>
      <p>{t("plans.goalBuilder.intro")}</p>
      {byArea.length > 0 ? (
        <div className="goal-builder-pattern">
          <div className="field">
            <label className="field-label" htmlFor="goal-builder-pattern">
              {t("plans.goalBuilder.pattern")}
            </label>
            <p className="field-hint" id="goal-builder-pattern-hint">
              {t("plans.goalBuilder.patternHint")}
            </p>
            <select
              id="goal-builder-pattern"
              className="select"
              aria-describedby="goal-builder-pattern-hint"
              value={patternId}
              onChange={(e) => setPatternId(e.target.value)}
            >
              <option value="">{t("plans.goalBuilder.noPattern")}</option>
              {byArea.map((g) => (
                <optgroup key={g.area} label={label("goalArea", g.area)}>
                  {g.items.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.title}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
          <Button variant="secondary" onClick={usePattern} aria-disabled={patternId === "" ? true : undefined}>
            {t("plans.goalBuilder.usePattern")}
          </Button>
        </div>
      ) : null}
      <Field label={t("plans.goalBuilder.area")} id="goal-builder-area">
        <TextInput value={draft.area} onChange={(e) => set("area")(e.target.value)} />
      </Field>
      <Field
        label={t("plans.goalBuilder.skill", { name: studentName || t("plans.goalBuilder.theStudent") })}
        hint={[t("plans.goalBuilder.skillHint", { blank: GOAL_BLANK }), warningsFor("skill")].filter(Boolean).join(" ")}
        error={errorFor("skill")}
        id="goal-builder-skill"
      >
        <TextInput ref={skillRef} value={draft.skill} onChange={(e) => set("skill")(e.target.value)} />
      </Field>
      <Field label={t("plans.goalBuilder.unit")} id="goal-builder-unit">
        <TextInput value={draft.unit} onChange={(e) => set("unit")(e.target.value)} />
      </Field>
      <fieldset className="goal-builder-numbers">
        <legend>{t("plans.goalBuilder.numbers")}</legend>
        <Field label={t("plans.goalBuilder.baseline")} error={errorFor("baseline")} id="goal-builder-baseline">
          <TextInput type="number" value={draft.baseline} onChange={(e) => set("baseline")(e.target.value)} />
        </Field>
        <Field label={t("plans.goalBuilder.baselineOn")} id="goal-builder-baselineOn">
          <TextInput type="date" value={draft.baselineOn} onChange={(e) => set("baselineOn")(e.target.value)} />
        </Field>
        <Field label={t("plans.goalBuilder.target")} error={errorFor("target")} id="goal-builder-target">
          <TextInput type="number" value={draft.target} onChange={(e) => set("target")(e.target.value)} />
        </Field>
        <Field label={t("plans.goalBuilder.direction")} id="goal-builder-direction">
          <Select
            value={draft.direction}
            options={[
              { value: "increase", label: t("plans.goalBuilder.increase") },
              { value: "decrease", label: t("plans.goalBuilder.decrease") },
            ]}
            onChange={(e) => set("direction")(e.target.value)}
          />
        </Field>
      </fieldset>
      <Field
        label={t("plans.goalBuilder.criterion")}
        hint={[t("plans.goalBuilder.criterionHint"), warningsFor("criterion")].filter(Boolean).join(" ")}
        error={errorFor("criterion")}
        id="goal-builder-criterion"
      >
        <TextInput value={draft.criterion} onChange={(e) => set("criterion")(e.target.value)} />
      </Field>
      <Field
        label={t("plans.goalBuilder.measurementMethod")}
        hint={warningsFor("measurementMethod")}
        error={errorFor("measurementMethod")}
        id="goal-builder-measurementMethod"
      >
        <TextInput value={draft.measurementMethod} onChange={(e) => set("measurementMethod")(e.target.value)} />
      </Field>
      <Field label={t("plans.goalBuilder.byDate")} error={errorFor("byDate")} id="goal-builder-byDate">
        <TextInput type="date" value={draft.byDate} onChange={(e) => set("byDate")(e.target.value)} />
      </Field>
      {warnings.length > 0 ? (
        <p className="goal-builder-warning" data-testid="goal-warnings">
          {t("plans.goalBuilder.warnings", { count: warnings.length })}
        </p>
      ) : null}
      <div className="goal-builder-preview">
        <h3 id={previewId}>{t("plans.goalBuilder.preview")}</h3>
        <p data-testid="goal-preview">{sentence}</p>
      </div>
      <Button onClick={add}>{t("plans.goalBuilder.add")}</Button>
      <StatusRegion message={status} />
    </section>
  );
}
