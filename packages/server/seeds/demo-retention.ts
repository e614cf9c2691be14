/**
 * Demo records old enough to be past a retention schedule (34 CFR 300.624), so the district's
 * "Keeping and destroying records" page has something to offer: a navigator result saved for
 * Maya Kowalski four years before she was referred, before her IEP began.
 */
import { addYears, navigate, ZNavigatorFacts } from "@lantern/core";
import type { DemoIds, DemoSeedStep } from "./demo.ts";

async function run(db: Parameters<DemoSeedStep["run"]>[0], ids: DemoIds, today: string): Promise<void> {
  const maya = ids.students.get("Maya Kowalski");
  const staff = ids.people["casemanager@maplevalley.example"];
  if (!maya || !staff) return;
  const facts = ZNavigatorFacts.parse({ ageYears: 6, evaluation: "none", impairments: [{ name: "Trouble reading" }] });
  const result = navigate(facts);
  await db
    .insertInto("navigator_results")
    .values({
      student_id: maya,
      saved_by: staff,
      saved_at: `${addYears(today, -4)}T17:00:00.000Z`,
      recommendation: result.recommendation,
      likely: result.likely,
      facts: JSON.stringify(facts),
      result: JSON.stringify(result),
    })
    .execute();
}

export const demoRetentionStep: DemoSeedStep = { name: "records past retention", run };
