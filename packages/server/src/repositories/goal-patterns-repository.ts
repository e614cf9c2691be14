/** A district's own measurable goal patterns (migration 0025). */
import type { GoalArea, GoalPattern, NewGoalPattern } from "@lantern/core";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";

const COLUMNS = ["id", "area", "title", "skill", "unit", "direction", "criterion", "measurement_method"] as const;

type Row = {
  id: string;
  area: string;
  title: string;
  skill: string;
  unit: string;
  direction: "increase" | "decrease";
  criterion: string;
  measurement_method: string;
};

function toPattern(r: Row): GoalPattern {
  return {
    id: r.id,
    area: r.area as GoalArea,
    title: r.title,
    skill: r.skill,
    unit: r.unit,
    direction: r.direction,
    criterion: r.criterion,
    measurementMethod: r.measurement_method,
    builtIn: false,
  };
}

export function createGoalPatternsRepository(db: Kysely<Database>) {
  return {
    /** The district's patterns still offered, by area then oldest first. */
    async listForDistrict(districtId: string): Promise<GoalPattern[]> {
      const rows = await db
        .selectFrom("goal_patterns")
        .select(COLUMNS)
        .where("district_id", "=", districtId)
        .where("removed_at", "is", null)
        .orderBy("area")
        .orderBy("created_at")
        .orderBy("id")
        .execute();
      return rows.map(toPattern);
    },

    async add(districtId: string, pattern: NewGoalPattern, by: string): Promise<GoalPattern> {
      const row = await db
        .insertInto("goal_patterns")
        .values({
          district_id: districtId,
          area: pattern.area,
          title: pattern.title,
          skill: pattern.skill,
          unit: pattern.unit,
          direction: pattern.direction,
          criterion: pattern.criterion,
          measurement_method: pattern.measurementMethod,
          created_by: by,
        })
        .returning(COLUMNS)
        .executeTakeFirstOrThrow();
      return toPattern(row);
    },

    /** Mark the district's pattern removed; the removed pattern, or null when the district has no such pattern offered. */
    async remove(districtId: string, id: string, by: string, at: Date): Promise<GoalPattern | null> {
      const row = await db
        .updateTable("goal_patterns")
        .set({ removed_at: at, removed_by: by })
        .where("id", "=", id)
        .where("district_id", "=", districtId)
        .where("removed_at", "is", null)
        .returning(COLUMNS)
        .executeTakeFirst();
      return row ? toPattern(row) : null;
    },
  };
}
