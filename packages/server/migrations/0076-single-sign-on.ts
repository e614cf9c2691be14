/**
 * Single sign-on with the district's OpenID provider: each started sign-in keeps its PKCE
 * verifier and nonce under the hash of its state, for ten minutes, until the provider sends the
 * browser back (once).
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table single_sign_on_starts (
      id text primary key,
      code_verifier text not null,
      nonce text not null,
      expires_at timestamptz not null
    );
  `.execute(db);
}
