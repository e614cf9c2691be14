/**
 * Sealing: a signed plan version carries the SHA-256 of its canonical JSON (RFC 8785), shown with
 * the document. Anyone holding the JSON can recompute the hash and compare.
 *
 * The hash covers the content exactly as stored. Do not re-parse stored content before verifying:
 * schema defaults added later would change the bytes.
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { z } from "zod";
import { canonicalJson } from "./canonical-json.ts";
import { ZPlanTimestamp } from "./plan-common.ts";
import { ZPlanDocument } from "./plan-document.ts";

export const PLAN_SEAL_ALGORITHM = "sha256" as const;

export const ZPlanSeal = z
  .object({
    algorithm: z.literal(PLAN_SEAL_ALGORITHM),
    /** Lower-case hex SHA-256 of the canonical JSON of the content. */
    hash: z.string().regex(/^[0-9a-f]{64}$/, { message: "Expected 64 lower-case hex digits" }),
    sealedAt: ZPlanTimestamp,
  })
  .meta({ description: "SHA-256 of the canonical JSON of a signed plan version" });
export type PlanSeal = z.infer<typeof ZPlanSeal>;

/** Lower-case hex SHA-256 of the canonical JSON of `content`. */
export function hashPlanContent(content: unknown): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(content))));
}

/** A seal for `content`, made at `sealedAt` (an ISO timestamp supplied by the caller's clock). */
export function sealPlanContent(content: unknown, sealedAt: string): PlanSeal {
  return ZPlanSeal.parse({ algorithm: PLAN_SEAL_ALGORITHM, hash: hashPlanContent(content), sealedAt });
}

/** True when `content` hashes to the seal's hash. */
export function verifyPlanSeal(content: unknown, seal: Pick<PlanSeal, "algorithm" | "hash">): boolean {
  if (seal.algorithm !== PLAN_SEAL_ALGORITHM) return false;
  const actual = hashPlanContent(content);
  // Constant-time comparison is not needed (the hash is public), but compare all characters anyway.
  return actual.length === seal.hash.length && actual === seal.hash.toLowerCase();
}

/** Group a hex hash for reading aloud or printing: "3f2a 9c01 …". */
export function formatPlanHash(hash: string, groupSize = 4): string {
  const groups: string[] = [];
  for (let i = 0; i < hash.length; i += groupSize) groups.push(hash.slice(i, i + groupSize));
  return groups.join(" ");
}

/**
 * A sealed plan as exchanged in a file: the content exactly as sealed, and its seal.
 * Verify with `verifyPlanSeal(raw.document, seal)` on the raw JSON, before any parsing.
 */
export const ZSealedPlan = z
  .object({ document: ZPlanDocument, seal: ZPlanSeal })
  .meta({ description: "A sealed plan version: its content and the SHA-256 seal" });
export type SealedPlan = z.infer<typeof ZSealedPlan>;
