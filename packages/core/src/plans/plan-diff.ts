/**
 * Plain-language differences between two versions of a plan (year over year, or an amendment):
 * "Speech-language pathology: 60 → 30 minutes per week", "Goal 2 removed: Reading fluency",
 * accommodations added or removed, placement changes.
 */

import { SERVICE_AREA_LABELS } from "../services/service-labels.ts";
import type { AnnualGoal, IepAccommodation, IepDocument, IepService, ProgramModification } from "./iep-document.ts";
import type { PlanDocument } from "./plan-document.ts";
import {
  DISABILITY_CATEGORY_LABELS,
  describeServiceAmount,
  LRE_SETTING_LABELS,
  type LreSettingCode,
  minutesPerPeriod,
} from "./plan-labels.ts";
import type { Section504Document } from "./section-504-document.ts";

export type PlanChangeKind = "added" | "removed" | "changed";

export type PlanChange = {
  /** Top-level section of the document ("services", "goals", "accommodations", "placement", …). */
  section: string;
  kind: PlanChangeKind;
  /** Id of the item in the newer version (or the older one when removed). */
  itemId: string | null;
  /** One plain-language sentence. */
  text: string;
};

const clean = (text: string): string => text.trim().replace(/\s+/g, " ");
const short = (text: string, max = 80): string => {
  const t = clean(text);
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
};

/** Pair items of two lists: by id first, then by a fallback key for items whose id changed. */
function pairItems<T extends { id: string }>(
  before: readonly T[],
  after: readonly T[],
  key: (item: T) => string,
): { pairs: [T, T][]; removed: T[]; added: T[] } {
  const pairs: [T, T][] = [];
  const unmatchedAfter = new Map(after.map((a) => [a.id, a]));
  const removed: T[] = [];
  for (const b of before) {
    const a = unmatchedAfter.get(b.id);
    if (a) {
      pairs.push([b, a]);
      unmatchedAfter.delete(b.id);
    } else {
      removed.push(b);
    }
  }
  const stillRemoved: T[] = [];
  for (const b of removed) {
    const match = [...unmatchedAfter.values()].find((a) => key(a) === key(b) && key(b) !== "");
    if (match) {
      pairs.push([b, match]);
      unmatchedAfter.delete(match.id);
    } else {
      stillRemoved.push(b);
    }
  }
  return { pairs, removed: stillRemoved, added: [...unmatchedAfter.values()] };
}

function serviceName(s: IepService): string {
  const label = SERVICE_AREA_LABELS[s.area];
  return s.area === "other" && clean(s.description) !== "" ? short(s.description, 60) : label;
}

function diffServices(before: readonly IepService[], after: readonly IepService[]): PlanChange[] {
  const changes: PlanChange[] = [];
  const { pairs, removed, added } = pairItems(before, after, (s) => `${s.kind}:${s.area}`);
  for (const s of removed) {
    const amount = describeServiceAmount(s);
    changes.push({
      section: "services",
      kind: "removed",
      itemId: s.id,
      text: `${serviceName(s)} removed${amount ? ` (was ${amount})` : ""}`,
    });
  }
  for (const [b, a] of pairs) {
    const name = serviceName(a);
    const mb = minutesPerPeriod(b);
    const ma = minutesPerPeriod(a);
    if (mb && ma && mb.per === ma.per) {
      if (mb.minutes !== ma.minutes)
        changes.push({
          section: "services",
          kind: "changed",
          itemId: a.id,
          text: `${name}: ${mb.minutes} → ${ma.minutes} minutes per ${ma.per}`,
        });
      else if (b.frequency?.times !== a.frequency?.times)
        changes.push({
          section: "services",
          kind: "changed",
          itemId: a.id,
          text: `${name}: same ${ma.minutes} minutes per ${ma.per}, now ${describeServiceAmount(a)}`,
        });
    } else if (mb || ma) {
      const was = describeServiceAmount(b) || "not set";
      const now = describeServiceAmount(a) || "not set";
      if (was !== now)
        changes.push({ section: "services", kind: "changed", itemId: a.id, text: `${name}: ${was} → ${now}` });
    }
    if (clean(b.location ?? "") !== clean(a.location ?? "") && (b.location || a.location))
      changes.push({
        section: "services",
        kind: "changed",
        itemId: a.id,
        text: `${name}: location ${b.location || "not set"} → ${a.location || "not set"}`,
      });
    if (b.delivery !== a.delivery)
      changes.push({
        section: "services",
        kind: "changed",
        itemId: a.id,
        text: `${name}: ${b.delivery} → ${a.delivery} sessions`,
      });
    if (clean(b.providerRole ?? "") !== clean(a.providerRole ?? "") && (b.providerRole || a.providerRole))
      changes.push({
        section: "services",
        kind: "changed",
        itemId: a.id,
        text: `${name}: provided by ${b.providerRole || "not set"} → ${a.providerRole || "not set"}`,
      });
  }
  for (const s of added) {
    const amount = describeServiceAmount(s);
    changes.push({
      section: "services",
      kind: "added",
      itemId: s.id,
      text: `${serviceName(s)} added${amount ? `: ${amount}` : ""}`,
    });
  }
  return changes;
}

function goalLabel(goal: AnnualGoal, index: number): string {
  return `Goal ${index + 1}${clean(goal.area) ? ` (${clean(goal.area)})` : ""}`;
}

function diffGoals(before: readonly AnnualGoal[], after: readonly AnnualGoal[]): PlanChange[] {
  const changes: PlanChange[] = [];
  const { pairs, removed, added } = pairItems(before, after, (g) => clean(g.area).toLowerCase());
  for (const g of removed) {
    changes.push({
      section: "goals",
      kind: "removed",
      itemId: g.id,
      text: `${goalLabel(g, before.indexOf(g))} removed`,
    });
  }
  for (const [b, a] of pairs) {
    const label = goalLabel(a, after.indexOf(a));
    const unit = clean(a.unit) ? ` ${clean(a.unit)}` : "";
    if (b.target.value !== a.target.value && (b.target.value !== null || a.target.value !== null))
      changes.push({
        section: "goals",
        kind: "changed",
        itemId: a.id,
        text: `${label}: target ${b.target.value ?? "not set"} → ${a.target.value ?? "not set"}${unit}`,
      });
    else if (clean(b.target.description) !== clean(a.target.description))
      changes.push({
        section: "goals",
        kind: "changed",
        itemId: a.id,
        text: `${label}: target changed to "${short(a.target.description)}"`,
      });
    if (b.baseline.value !== a.baseline.value && (b.baseline.value !== null || a.baseline.value !== null))
      changes.push({
        section: "goals",
        kind: "changed",
        itemId: a.id,
        text: `${label}: baseline ${b.baseline.value ?? "not set"} → ${a.baseline.value ?? "not set"}${unit}`,
      });
    if (clean(b.statement) !== clean(a.statement))
      changes.push({ section: "goals", kind: "changed", itemId: a.id, text: `${label}: wording changed` });
    if (b.byDate !== a.byDate)
      changes.push({
        section: "goals",
        kind: "changed",
        itemId: a.id,
        text: `${label}: to be met by ${a.byDate ?? "no date"} (was ${b.byDate ?? "no date"})`,
      });
    const bo = b.shortTermObjectives.length;
    const ao = a.shortTermObjectives.length;
    if (bo !== ao)
      changes.push({
        section: "goals",
        kind: "changed",
        itemId: a.id,
        text: `${label}: short-term objectives ${bo} → ${ao}`,
      });
  }
  for (const g of added) {
    const what = clean(g.statement) ? `: ${short(g.statement)}` : "";
    changes.push({
      section: "goals",
      kind: "added",
      itemId: g.id,
      text: `${goalLabel(g, after.indexOf(g))} added${what}`,
    });
  }
  return changes;
}

function diffTextItems<T extends { id: string; text: string }>(
  section: string,
  noun: string,
  before: readonly T[],
  after: readonly T[],
): PlanChange[] {
  const changes: PlanChange[] = [];
  const { pairs, removed, added } = pairItems(before, after, (x) => clean(x.text).toLowerCase());
  for (const x of removed)
    changes.push({ section, kind: "removed", itemId: x.id, text: `${noun} removed: ${short(x.text)}` });
  for (const [b, a] of pairs)
    if (clean(b.text) !== clean(a.text))
      changes.push({
        section,
        kind: "changed",
        itemId: a.id,
        text: `${noun} changed: "${short(b.text)}" → "${short(a.text)}"`,
      });
  for (const x of added)
    changes.push({ section, kind: "added", itemId: x.id, text: `${noun} added: ${short(x.text)}` });
  return changes;
}

function diffIep(before: IepDocument, after: IepDocument): PlanChange[] {
  const changes: PlanChange[] = [];
  if (before.primaryDisability !== after.primaryDisability) {
    const label = (c: IepDocument["primaryDisability"]) => (c ? DISABILITY_CATEGORY_LABELS[c] : "not set");
    changes.push({
      section: "primaryDisability",
      kind: "changed",
      itemId: null,
      text: `Primary disability: ${label(before.primaryDisability)} → ${label(after.primaryDisability)}`,
    });
  }
  changes.push(...diffGoals(before.goals, after.goals));
  changes.push(...diffServices(before.services, after.services));
  const asText = (m: ProgramModification) => ({ ...m, text: m.description });
  changes.push(
    ...diffTextItems(
      "programModifications",
      "Support or modification",
      before.programModifications.map(asText),
      after.programModifications.map(asText),
    ),
  );
  changes.push(
    ...diffTextItems<IepAccommodation>("accommodations", "Accommodation", before.accommodations, after.accommodations),
  );

  const pb = before.placement;
  const pa = after.placement;
  if (pb.settingCode !== pa.settingCode) {
    const label = (c: string | null) => (c ? (LRE_SETTING_LABELS[c as LreSettingCode] ?? c) : "not set");
    changes.push({
      section: "placement",
      kind: "changed",
      itemId: null,
      text: `Placement: ${label(pb.settingCode)} → ${label(pa.settingCode)}`,
    });
  }
  if (pb.percentInGeneralEducation !== pa.percentInGeneralEducation)
    changes.push({
      section: "placement",
      kind: "changed",
      itemId: null,
      text: `Time in general education: ${pb.percentInGeneralEducation ?? "not set"}% → ${pa.percentInGeneralEducation ?? "not set"}%`.replace(
        /not set%/g,
        "not set",
      ),
    });
  if (clean(pb.school) !== clean(pa.school) && (pb.school || pa.school))
    changes.push({
      section: "placement",
      kind: "changed",
      itemId: null,
      text: `School: ${pb.school || "not set"} → ${pa.school || "not set"}`,
    });

  for (const a of after.assessments) {
    const b = before.assessments.find((x) => x.id === a.id || clean(x.name) === clean(a.name));
    if (b && b.participation !== a.participation)
      changes.push({
        section: "assessments",
        kind: "changed",
        itemId: a.id,
        text: `${clean(a.name) || "Assessment"}: ${b.participation ?? "not decided"} → ${a.participation ?? "not decided"}`,
      });
  }
  if (before.extendedSchoolYear.decision !== after.extendedSchoolYear.decision)
    changes.push({
      section: "extendedSchoolYear",
      kind: "changed",
      itemId: null,
      text: `Extended school year: ${before.extendedSchoolYear.decision ?? "not decided"} → ${after.extendedSchoolYear.decision ?? "not decided"}`,
    });
  if (before.transition === null && after.transition !== null)
    changes.push({ section: "transition", kind: "added", itemId: null, text: "Transition plan added" });
  else if (before.transition !== null && after.transition === null)
    changes.push({ section: "transition", kind: "removed", itemId: null, text: "Transition plan removed" });
  else if (before.transition && after.transition) {
    changes.push(
      ...diffTextItems(
        "transition",
        "Postsecondary goal",
        before.transition.postsecondaryGoals,
        after.transition.postsecondaryGoals,
      ),
    );
    const ts = (t: NonNullable<IepDocument["transition"]>) =>
      t.transitionServices.map((s) => ({ ...s, text: s.description }));
    changes.push(...diffTextItems("transition", "Transition service", ts(before.transition), ts(after.transition)));
  }
  return changes;
}

function diff504(before: Section504Document, after: Section504Document): PlanChange[] {
  const changes: PlanChange[] = [];
  const imp = (d: Section504Document) => d.impairments.map((i) => ({ ...i, text: i.name }));
  changes.push(...diffTextItems("impairments", "Impairment", imp(before), imp(after)));
  changes.push(...diffTextItems("accommodations", "Accommodation", before.accommodations, after.accommodations));
  const aids = (d: Section504Document) => d.aidsAndServices.map((x) => ({ ...x, text: x.description }));
  changes.push(...diffTextItems("aidsAndServices", "Aid or service", aids(before), aids(after)));
  for (const a of after.aidsAndServices) {
    const b = before.aidsAndServices.find((x) => x.id === a.id);
    if (b && clean(b.frequency) !== clean(a.frequency))
      changes.push({
        section: "aidsAndServices",
        kind: "changed",
        itemId: a.id,
        text: `${short(a.description, 50)}: ${b.frequency || "not set"} → ${a.frequency || "not set"}`,
      });
  }
  if (clean(before.placement) !== clean(after.placement))
    changes.push({ section: "placement", kind: "changed", itemId: null, text: "Educational setting changed" });
  return changes;
}

/**
 * The changes from `before` to `after`, in document order, each one sentence.
 * Plans of different types (IEP vs 504) are not compared field by field.
 */
export function diffPlans(before: PlanDocument, after: PlanDocument): PlanChange[] {
  if (before.type === "iep" && after.type === "iep") return diffIep(before, after);
  if (before.type === "section-504" && after.type === "section-504") return diff504(before, after);
  return [
    {
      section: "type",
      kind: "changed",
      itemId: null,
      text: before.type === "iep" ? "IEP replaced by a Section 504 plan" : "Section 504 plan replaced by an IEP",
    },
  ];
}
