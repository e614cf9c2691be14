/**
 * When a student with an active Section 504 plan gets an IEP: carrying out an IEP developed under
 * IDEA is one means of meeting Section 504 (34 CFR 104.33(b)(2)), so the IEP draft can absorb
 * the 504 plan's accommodations (with the limitations they address, as needs), and the 504 plan
 * ends when the IEP takes effect, with a record of why.
 */
import type { IepAccommodation, IepDocument, IepNeed, IepService } from "./iep-document.ts";
import { ZIepDocument } from "./iep-document.ts";
import type { Section504Document } from "./section-504-document.ts";

export const CARRY_OVER_504_CITATION = "34 CFR 104.33(b)(2)";

export type CarriedItem = {
  kind: "need" | "accommodation" | "service";
  /** Id in the 504 plan. */
  fromId: string;
  /** Id in the IEP draft. */
  toId: string;
};

export type CarryOverResult = {
  document: IepDocument;
  carried: CarriedItem[];
  citation: string;
};

const PREFIX = "from-504-";

/** Plan documents are JSON values, so a JSON round-trip copies them exactly. */
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function uniqueId(wanted: string, taken: Set<string>): string {
  let id = wanted;
  for (let n = 2; taken.has(id); n += 1) id = `${wanted}-${n}`;
  taken.add(id);
  return id;
}

/**
 * A copy of `iep` (or a new IEP draft) that also holds the 504 plan's limitations (as needs),
 * accommodations and related aids and services. Items already carried (same 504 id) are not
 * duplicated. Nothing in the 504 plan changes.
 */
export function carryOver504IntoIep(plan: Section504Document, iep?: IepDocument): CarryOverResult {
  const base: IepDocument = iep ? clone(iep) : ZIepDocument.parse({ type: "iep", student: plan.student });
  const carried: CarriedItem[] = [];
  const taken = new Set<string>([
    ...base.presentLevels.needs.map((n) => n.id),
    ...base.accommodations.map((a) => a.id),
    ...base.services.map((s) => s.id),
    ...base.goals.map((g) => g.id),
  ]);

  const needIdByLimitation = new Map<string, string>();
  for (const impairment of plan.impairments) {
    for (const limitation of impairment.limitations) {
      const wanted = `${PREFIX}${limitation.id}`;
      if (taken.has(wanted) && base.presentLevels.needs.some((n) => n.id === wanted)) {
        needIdByLimitation.set(limitation.id, wanted);
        continue;
      }
      const id = uniqueId(wanted, taken);
      const need: IepNeed = {
        id,
        area: `${impairment.name}: ${limitation.majorLifeActivity}`.trim(),
        description: limitation.description,
      };
      base.presentLevels.needs.push(need);
      needIdByLimitation.set(limitation.id, id);
      carried.push({ kind: "need", fromId: limitation.id, toId: id });
    }
  }
  const needIds = (limitationIds: readonly string[]) =>
    limitationIds.map((l) => needIdByLimitation.get(l)).filter((x): x is string => x !== undefined);

  for (const a of plan.accommodations) {
    const wanted = `${PREFIX}${a.id}`;
    if (base.accommodations.some((x) => x.id === wanted)) continue;
    const id = uniqueId(wanted, taken);
    const accommodation: IepAccommodation = {
      id,
      // IEP accommodations have no "health" category; health supports are part of the environment.
      category: a.category === "health" ? "environmental" : a.category,
      text: a.text,
      providedBy: a.providedBy,
      when: a.when,
      needIds: needIds(a.limitationIds),
    };
    base.accommodations.push(accommodation);
    carried.push({ kind: "accommodation", fromId: a.id, toId: id });
  }

  for (const s of plan.aidsAndServices) {
    const wanted = `${PREFIX}${s.id}`;
    if (base.services.some((x) => x.id === wanted)) continue;
    const id = uniqueId(wanted, taken);
    // A 504 aid or service states its amount in words; the IEP team sets frequency and minutes (300.320(a)(7)).
    const service: IepService = {
      id,
      kind:
        s.kind === "special-education"
          ? "special-education"
          : s.kind === "related-service"
            ? "related-service"
            : "supplementary-aid",
      area: "other",
      description: [s.description, s.frequency ? `(504 plan: ${s.frequency})` : ""].filter(Boolean).join(" "),
      endDate: null,
      delivery: "individual",
      goalIds: [],
      needIds: needIds(s.limitationIds),
      ...(s.location.trim() ? { location: s.location } : {}),
      ...(s.providedBy.trim() ? { providerRole: s.providedBy } : {}),
    };
    base.services.push(service);
    carried.push({ kind: "service", fromId: s.id, toId: id });
  }
  return { document: base, carried, citation: CARRY_OVER_504_CITATION };
}

/**
 * The 504 plan as it ends because an IEP took effect: end date and the reason, citing 104.33(b)(2).
 * The caller moves the 504 version to "ended" with this reason (plan-lifecycle `end`).
 */
export function end504ForIep(
  plan: Section504Document,
  iepStart: string,
): { document: Section504Document; reason: string; citation: string } {
  const reason =
    `The student's IEP took effect on ${iepStart}. Carrying out the IEP meets Section 504 (34 CFR 104.33(b)(2)), ` +
    "so the Section 504 plan ends; its accommodations were considered for the IEP.";
  const document: Section504Document = {
    ...clone(plan),
    dates: { ...plan.dates, ended: iepStart },
    endReason: reason,
  };
  return { document, reason, citation: CARRY_OVER_504_CITATION };
}
