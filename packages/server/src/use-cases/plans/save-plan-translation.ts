/**
 * Save a human translation of one free-text field of the plan's current version (decision 0027).
 * The translation is kept beside the plan, never inside the version's content: a sealed version
 * stays as signed, and a translation written after the seal is dated and names who wrote it. The
 * English it translates is stored with it, so a later change of the English shows it out of date.
 * One transaction: the row (append-only; the latest counts) and its audit event.
 */
import { DomainError, type PlanTranslationView, type SaveTranslationBody, translatableTexts } from "@lantern/core";
import { auditAs, inTransaction, type UseCaseDeps } from "../deps.ts";
import type { PlanActor } from "./plan-support.ts";

export async function savePlanTranslation(
  deps: UseCaseDeps,
  input: { studentId: string; planId: string; actor: PlanActor } & SaveTranslationBody,
): Promise<PlanTranslationView> {
  return inTransaction(deps, async (tx) => {
    const { plans, planTranslations } = tx.repos;
    const plan = await plans.findPlan(input.studentId, input.planId);
    if (plan.status === "ended") {
      throw new DomainError("conflict", "This plan has ended; its translations are kept as they were");
    }
    const version = await plans.currentVersion(plan);
    const original = translatableTexts(version.content).find((t) => t.field === input.field);
    if (!original) {
      throw new DomainError("invalid-input", "There is no English text to translate in this field", {
        issues: [
          { path: "/field", message: "not a free-text field of the plan's current version, or its English is empty" },
        ],
      });
    }
    const saved = await planTranslations.insert({
      planId: plan.id,
      versionId: version.id,
      field: input.field,
      language: input.language,
      text: input.text.trim(),
      sourceText: original.text,
      personId: input.actor.personId,
      personName: input.actor.name ?? "",
      at: tx.clock.now(),
    });
    await auditAs(
      tx.audit,
      input.actor,
    )({
      action: "plan.translation-saved",
      studentId: plan.studentId,
      subject: `plan:${plan.id}`,
      details: {
        planId: plan.id,
        versionId: version.id,
        translationId: saved.id,
        field: input.field,
        language: input.language,
      },
    });
    return { ...saved, pointer: original.pointer, current: true };
  });
}
