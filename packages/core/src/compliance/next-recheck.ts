/**
 * When a plan's stored compliance results can change with time alone, so they are re-checked on
 * that day and not every day: a meeting, start or consent date passing (team and signature
 * checks, the plan taking effect), the 16th birthday that brings the transition requirement
 * (34 CFR 300.320(b)), the 17th and 18th that bring transfer of rights (300.320(c), 300.520), the
 * end date of a Section 504 plan, or a new school year (the safeguards notice, 300.504(a)); and the
 * dates the checks read only once they have passed: an evaluation recorded in the history
 * (300.303(b)(1)), a progress report sent (300.320(a)(3)(ii)), and a removal for discipline (the
 * safeguards notice on its decision, 300.504(a)(3); for Section 504 an evaluation first, 104.35(a)).
 */
import type { SchoolCalendar } from "../calendar/school-calendar.ts";
import type { PlanDocument } from "../plans/plan-document.ts";
import { addDays, addYears, type IsoDate } from "../shared/dates.ts";

export const NEXT_RECHECK_CITATION = "34 CFR 300.320(b), (c); 300.504(a); 300.520";

/** The first day after `today` on which the plan's results can change with time alone, or null. */
export function nextRecheck(doc: PlanDocument, today: IsoDate, calendar: SchoolCalendar): IsoDate | null {
  const candidates: Array<string | null | undefined> = [doc.meeting.date, doc.dates.planStart];
  for (const r of doc.disciplineRemovals) candidates.push(r.decisionOn, r.startDate);
  if (doc.type === "iep") {
    candidates.push(doc.dates.initialConsentToServices);
    for (const e of doc.evaluationHistory) candidates.push(e.date);
    for (const r of doc.progressReporting.reportsSent ?? []) candidates.push(r.date);
    const birth = doc.student.dateOfBirth;
    if (birth) for (const age of [16, 17, 18]) candidates.push(addYears(birth, age));
  } else {
    candidates.push(doc.dates.ended);
  }
  for (const y of calendar.data.years) candidates.push(y.firstDay, addDays(y.lastDay, 1));
  let next: IsoDate | null = null;
  for (const c of candidates) if (c && c > today && (next === null || c < next)) next = c;
  return next;
}
