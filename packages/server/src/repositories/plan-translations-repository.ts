/** Human translations of a plan's free-text fields (migration 0121): append-only rows per plan. */
import type { PlanTranslation, TranslationLanguage } from "@lantern/core";
import type { Kysely, Selectable } from "kysely";
import type { Database, PlanTranslationsTable } from "../db/schema.ts";

type Row = Pick<
  Selectable<PlanTranslationsTable>,
  "id" | "field" | "language" | "text" | "source_text" | "translated_by_name" | "translated_at"
>;

/** A stored row as core reads it (timestamps from json_agg arrive as strings). */
export function toPlanTranslation(row: Omit<Row, "translated_at"> & { translated_at: Date | string }): PlanTranslation {
  return {
    id: row.id,
    field: row.field,
    language: row.language as TranslationLanguage,
    text: row.text,
    sourceText: row.source_text,
    translatedByName: row.translated_by_name,
    translatedAt: new Date(row.translated_at).toISOString(),
  };
}

export function createPlanTranslationsRepository(db: Kysely<Database>) {
  return {
    /** Every translation written for the plan, oldest first. */
    async listForPlan(planId: string): Promise<PlanTranslation[]> {
      const rows = await db
        .selectFrom("plan_translations")
        .select(["id", "field", "language", "text", "source_text", "translated_by_name", "translated_at"])
        .where("plan_id", "=", planId)
        .orderBy("translated_at")
        .orderBy("id")
        .execute();
      return rows.map(toPlanTranslation);
    },

    async insert(input: {
      planId: string;
      versionId: string;
      field: string;
      language: TranslationLanguage;
      text: string;
      sourceText: string;
      personId: string;
      personName: string;
      at: Date;
    }): Promise<PlanTranslation> {
      const row = await db
        .insertInto("plan_translations")
        .values({
          plan_id: input.planId,
          version_id: input.versionId,
          field: input.field,
          language: input.language,
          text: input.text,
          source_text: input.sourceText,
          translated_by: input.personId,
          translated_by_name: input.personName,
          translated_at: input.at,
        })
        .returning(["id", "field", "language", "text", "source_text", "translated_by_name", "translated_at"])
        .executeTakeFirstOrThrow();
      return toPlanTranslation(row);
    },
  };
}
