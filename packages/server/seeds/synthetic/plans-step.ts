/** Step 2 (migration 0002): plans at every lifecycle stage, with their versions, meetings and signatures. */
import { createHash } from "node:crypto";
import { canonicalJson } from "@lantern/core";
import { sql } from "kysely";
import { isoAddDays } from "./dates.ts";
import type { SyntheticStep } from "./loader.ts";
import type { SyntheticSchool } from "./model.ts";
import { buildPlans, type SyntheticVersion } from "./plans.ts";

function sha256Hex(content: unknown): string {
  return createHash("sha256").update(canonicalJson(content)).digest("hex");
}

export const plansStep: SyntheticStep = {
  name: "plans",
  requires: ["plans", "plan_versions", "plan_meetings", "plan_signatures"],
  loads: ["plans", "plan_versions", "plan_meetings", "plan_signatures"],
  estimateRows(model) {
    const plans = model.students.reduce((a, s) => a + s.plans.length, 0);
    return Math.round(plans * 4.3);
  },
  async run(ctx) {
    const { model, db } = ctx;
    const plans = buildPlans(model);
    const planWriter = ctx.writer("plans", {
      id: "uuid",
      student_id: "uuid",
      district_id: "uuid",
      school_id: "uuid",
      type: "text",
      status: "text",
      created_by: "uuid",
      created_at: "timestamptz",
      effective_from: "date",
      effective_to: "date",
      ended_on: "date",
      ended_reason: "text",
    });
    const versionWriter = ctx
      .writer(
        "plan_versions",
        {
          id: "uuid",
          plan_id: "uuid",
          number: "int",
          parent_version_id: "uuid",
          content: "jsonb",
          status: "text",
          sealed_at: "timestamptz",
          content_sha256: "text",
          created_by: "uuid",
          created_at: "timestamptz",
        },
        500,
      )
      .after(planWriter);
    const meetingWriter = ctx
      .writer("plan_meetings", {
        id: "uuid",
        plan_id: "uuid",
        version_id: "uuid",
        scheduled_at: "timestamptz",
        location: "text",
        purpose: "text",
        meeting_type: "text",
        notice_sent_on: "date",
        created_by: "uuid",
      })
      .after(versionWriter);
    const signatureWriter = ctx
      .writer("plan_signatures", {
        id: "uuid",
        version_id: "uuid",
        attendee_id: "text",
        role: "text",
        method: "text",
        signature_text: "text",
        meaning: "text",
        signer_person_id: "uuid",
        signed_at: "timestamptz",
        consent_choice: "text",
      })
      .after(versionWriter);
    let meetingIndex = 0;
    let signatureIndex = 0;
    for (const plan of plans) {
      const author = (plan.type === "iep" ? plan.student.caseManagerId : plan.student.coordinatorId) as string;
      const school = model.schools[plan.student.schoolIndex] as SyntheticSchool;
      const firstMeeting = plan.versions[0]?.meetingDate ?? model.today;
      await planWriter.add(
        plan.id,
        plan.student.id,
        model.districtId,
        school.id,
        plan.type,
        plan.status,
        author,
        `${isoAddDays(firstMeeting, -14)}T17:00:00Z`,
        plan.effectiveFrom,
        plan.effectiveTo,
        plan.endedOn,
        plan.endedOn ? "The student no longer needs the plan" : null,
      );
      let parent: string | null = null;
      for (const v of plan.versions) {
        const sealedAt = v.sealed ? `${v.meetingDate}T16:30:00Z` : null;
        await versionWriter.add(
          v.id,
          plan.id,
          v.number,
          parent,
          JSON.stringify(v.content),
          v.status,
          sealedAt,
          v.sealed ? sha256Hex(v.content) : null,
          author,
          `${isoAddDays(v.meetingDate, -14)}T17:00:00Z`,
        );
        parent = v.id;
        await meetingWriter.add(
          ctx.uuid("plan_meetings", meetingIndex++),
          plan.id,
          v.id,
          `${v.meetingDate}T15:30:00Z`,
          "Conference room",
          v.number > 1 ? "Review and revise the plan" : "Develop the plan",
          v.number > 1 && plan.stage === "amended" ? "amendment" : "annual",
          isoAddDays(v.meetingDate, -10),
          author,
        );
        if (v.sealed) {
          const guardian = plan.student.guardianIds[0] as string;
          const typedName = ((v.content.signatures as Array<{ typedName: string }>)[0]?.typedName ?? "") as string;
          await signatureWriter.add(
            ctx.uuid("plan_signatures", signatureIndex++),
            v.id,
            "att-1",
            "parent",
            "typed",
            typedName,
            "agreement",
            guardian,
            `${v.meetingDate}T16:00:00Z`,
            plan.type === "iep" ? "consent" : null,
          );
        }
      }
    }
    await meetingWriter.flush();
    await signatureWriter.flush();
    // Point each plan at its latest and in-effect versions (the two keys refer to each other).
    const ids: string[] = [];
    const current: string[] = [];
    const inEffect: Array<string | null> = [];
    for (const plan of plans) {
      ids.push(plan.id);
      current.push((plan.versions[plan.versions.length - 1] as SyntheticVersion).id);
      inEffect.push(plan.inEffect?.id ?? null);
    }
    for (let i = 0; i < ids.length; i += 10_000) {
      await sql`
        update plans p set current_version_id = v.current_id, in_effect_version_id = v.in_effect_id
        from unnest(${ids.slice(i, i + 10_000)}::uuid[], ${current.slice(i, i + 10_000)}::uuid[],
                    ${inEffect.slice(i, i + 10_000)}::uuid[]) as v(id, current_id, in_effect_id)
        where p.id = v.id`.execute(db);
    }
  },
};
