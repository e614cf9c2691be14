/** Districts and their schools: time zone, state, and which schools belong to a district. */
import {
  DEFAULT_SECOND_FACTOR_SETTINGS,
  DEFAULT_SESSION_SETTINGS,
  DomainError,
  type SecondFactorSettings,
  type SessionSettings,
  ZSecondFactorSettings,
  ZSessionSettings,
} from "@lantern/core";
import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema.ts";

export function createDistrictsRepository(db: Kysely<Database>) {
  return {
    /** The district's time zone (an IANA name): its "today" is a date there. */
    async timeZone(districtId: string): Promise<string> {
      const row = await db.selectFrom("districts").select("time_zone").where("id", "=", districtId).executeTakeFirst();
      if (!row) throw new DomainError("not-found", "No such district");
      return row.time_zone;
    },

    /** The district's state (two letters), for state rules; undefined when the district is unknown. */
    async state(districtId: string): Promise<string | undefined> {
      const row = await db.selectFrom("districts").select("state").where("id", "=", districtId).executeTakeFirst();
      return row?.state;
    },

    /** The district's session settings (idle limits), or the defaults where it set none. */
    async sessionSettings(districtIds: readonly string[]): Promise<Map<string, SessionSettings>> {
      const settings = new Map<string, SessionSettings>();
      if (districtIds.length === 0) return settings;
      const rows = await db
        .selectFrom("districts")
        .select(["id", sql<unknown>`settings -> 'session'`.as("session")])
        .where("id", "in", [...districtIds])
        .execute();
      for (const row of rows) {
        const parsed = ZSessionSettings.safeParse(row.session);
        settings.set(row.id, parsed.success ? parsed.data : DEFAULT_SESSION_SETTINGS);
      }
      return settings;
    },

    async saveSessionSettings(districtId: string, session: SessionSettings): Promise<void> {
      await db
        .updateTable("districts")
        .set({
          settings: sql`jsonb_set(coalesce(settings, '{}'::jsonb), '{session}', ${JSON.stringify(session)}::jsonb)`,
        })
        .where("id", "=", districtId)
        .execute();
    },

    /** The district's second-factor setting (key `secondFactor`), or the default where it set none. */
    async secondFactorSettings(districtIds: readonly string[]): Promise<Map<string, SecondFactorSettings>> {
      const settings = new Map<string, SecondFactorSettings>();
      if (districtIds.length === 0) return settings;
      const rows = await db
        .selectFrom("districts")
        .select(["id", sql<unknown>`settings -> 'secondFactor'`.as("secondFactor")])
        .where("id", "in", [...districtIds])
        .execute();
      for (const row of rows) {
        const parsed = ZSecondFactorSettings.safeParse(row.secondFactor);
        settings.set(row.id, parsed.success ? parsed.data : DEFAULT_SECOND_FACTOR_SETTINGS);
      }
      return settings;
    },

    async saveSecondFactorSettings(districtId: string, value: SecondFactorSettings): Promise<void> {
      await db
        .updateTable("districts")
        .set({
          settings: sql`jsonb_set(coalesce(settings, '{}'::jsonb), '{secondFactor}', ${JSON.stringify(value)}::jsonb)`,
        })
        .where("id", "=", districtId)
        .execute();
    },

    async hasSchool(districtId: string, schoolId: string): Promise<boolean> {
      const row = await db
        .selectFrom("schools")
        .select("id")
        .where("id", "=", schoolId)
        .where("district_id", "=", districtId)
        .executeTakeFirst();
      return row !== undefined;
    },

    async schoolIds(districtId: string): Promise<string[]> {
      const rows = await db
        .selectFrom("schools")
        .select("id")
        .where("district_id", "=", districtId)
        .orderBy("id")
        .execute();
      return rows.map((r) => r.id);
    },
  };
}
