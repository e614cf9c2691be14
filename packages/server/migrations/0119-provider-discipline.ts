/**
 * A related-service provider's discipline on their account: the service area they give (core's
 * service codes, `SERVICE_AREAS`: speech-language pathology, occupational therapy, …), set by an
 * administrator on the People page. Null is "not recorded": the week's service log then infers it
 * from the services the provider has logged. The app checks the code; the column keeps it short.
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table people
      add column discipline text check (discipline ~ '^[a-z]+(-[a-z]+)*$' and length(discipline) <= 64)
  `.execute(db);
}
