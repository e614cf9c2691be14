/**
 * Quality of accommodations (34 CFR 300.320(a)(4), 104.33(b)(1): aids and services are designed
 * for the individual student):
 *
 * - Boilerplate: near-duplicate accommodation texts, and near-duplicate accommodation sets,
 *   shared by many students of one school. Texts are normalised, cut into word shingles and
 *   summarised by a MinHash signature (64 seeded 32-bit hash functions, written here: no
 *   dependency). The estimated Jaccard similarity of two signatures is the share of positions
 *   where they agree. A school index finds candidates by locality-sensitive hashing (16 bands of
 *   4 rows) and confirms them on the full signature.
 *   Built to run incrementally: `signPlanAccommodations` runs once per plan version (store the
 *   result), the index is updated with `upsert`/`remove` when a plan changes, and `upsert`
 *   returns the other plans whose counts may have changed, so only those are refreshed.
 * - Vague wording ("as needed", "when appropriate"…) without who, when or how much.
 * - Untied accommodations (no documented need or limitation) are checked in check-plan.ts.
 */
import { z } from "zod";

export const MINHASH_SIZE = 64;
const BANDS = 16;
const ROWS = MINHASH_SIZE / BANDS;
const SHINGLE_WORDS = 3;

// ---------------------------------------------------------------------------------------------
// Normalisation, shingles, hashing

const STOP = new Set(["the", "a", "an", "to", "of", "and", "for", "on", "in", "with", "be", "will", "is", "are"]);

/** Lower-case words without punctuation or stop words. */
export function normalizeAccommodationText(text: string): string[] {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/(\d)\.(\d)/g, "$1_$2")
    .split(/[^a-z0-9_%]+/)
    .filter((w) => w !== "" && !STOP.has(w));
}

/** FNV-1a, 32 bits. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** murmur3 finaliser: a good 32-bit mixer. */
function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const SEEDS: Uint32Array = (() => {
  const seeds = new Uint32Array(MINHASH_SIZE);
  let s = 0x9e3779b9;
  for (let i = 0; i < MINHASH_SIZE; i++) {
    s = fmix32(s + 0x6d2b79f5);
    seeds[i] = s;
  }
  return seeds;
})();

/** Hashed word shingles (3 words; shorter texts give one shingle of all their words). */
export function wordShingles(words: readonly string[]): Set<number> {
  const out = new Set<number>();
  if (words.length === 0) return out;
  const k = Math.min(SHINGLE_WORDS, words.length);
  for (let i = 0; i + k <= words.length; i++) out.add(fnv1a(words.slice(i, i + k).join(" ")));
  return out;
}

/** MinHash signature of a set of hashed shingles. An empty set gives all 0xffffffff. */
export function minhashSignature(shingleHashes: Iterable<number>): number[] {
  const sig = new Array<number>(MINHASH_SIZE).fill(0xffffffff);
  for (const x of shingleHashes) {
    for (let i = 0; i < MINHASH_SIZE; i++) {
      const h = fmix32(x ^ (SEEDS[i] as number));
      if (h < (sig[i] as number)) sig[i] = h;
    }
  }
  return sig;
}

/** Estimated Jaccard similarity of two signatures (0–1). */
export function minhashSimilarity(a: readonly number[], b: readonly number[]): number {
  let same = 0;
  for (let i = 0; i < MINHASH_SIZE; i++) if (a[i] === b[i]) same++;
  return same / MINHASH_SIZE;
}

function bandKeys(sig: readonly number[]): string[] {
  const keys: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < ROWS; r++) h = fmix32(h ^ (sig[b * ROWS + r] as number));
    keys.push(`${b}:${h.toString(36)}`);
  }
  return keys;
}

// ---------------------------------------------------------------------------------------------
// Per-plan signatures (compute once per plan version, store)

export const ZAccommodationSignature = z.object({
  accommodationId: z.string(),
  /** Hash of the normalised text: identical texts share it. */
  key: z.string(),
  signature: z.array(z.number().int().min(0)).length(MINHASH_SIZE),
});

export const ZPlanAccommodationSignature = z.object({
  planId: z.string(),
  studentId: z.string(),
  /** Signature of the whole set (the union of all texts' shingles); null with fewer than 2 accommodations (a set of one is its text). */
  set: z.object({ key: z.string(), signature: z.array(z.number().int().min(0)).length(MINHASH_SIZE) }).nullable(),
  texts: z.array(ZAccommodationSignature),
});
export type PlanAccommodationSignature = z.infer<typeof ZPlanAccommodationSignature>;

/** Sign a plan's accommodations. Pure and deterministic: store the result with the plan version. */
export function signPlanAccommodations(
  planId: string,
  studentId: string,
  accommodations: ReadonlyArray<{ id: string; text: string }>,
): PlanAccommodationSignature {
  const texts: PlanAccommodationSignature["texts"] = [];
  const union = new Set<number>();
  const normalized: string[] = [];
  for (const a of accommodations) {
    const words = normalizeAccommodationText(a.text);
    if (words.length === 0) continue;
    const sh = wordShingles(words);
    for (const x of sh) union.add(x);
    const norm = words.join(" ");
    normalized.push(norm);
    texts.push({ accommodationId: a.id, key: fnv1a(norm).toString(36), signature: minhashSignature(sh) });
  }
  const set =
    texts.length < 2
      ? null
      : { key: fnv1a(normalized.sort().join("\n")).toString(36), signature: minhashSignature(union) };
  return { planId, studentId, set, texts };
}

// ---------------------------------------------------------------------------------------------
// School index

export const ZBoilerplateSettings = z.object({
  /** Estimated Jaccard similarity at which two texts or sets count as near-duplicates. */
  threshold: z.number().min(0.5).max(1).default(0.8),
  /** Flag when at least this many other students share a near-duplicate. */
  minOtherStudents: z.number().int().min(1).default(10),
});
export type BoilerplateSettings = z.infer<typeof ZBoilerplateSettings>;

export const ZBoilerplateMatch = z.object({
  scope: z.enum(["set", "text"]),
  /** The accommodation concerned (scope "text"); null for the whole set. */
  accommodationId: z.string().nullable(),
  /** Number of other students in the school with a near-duplicate. */
  similarStudents: z.number().int().min(0),
});
export type BoilerplateMatch = z.infer<typeof ZBoilerplateMatch>;

type Entry = { signature: number[]; students: Map<string, number> };

/**
 * One table of distinct signatures (texts, or sets) with LSH buckets. Each distinct key keeps
 * its list of similar keys, maintained when keys come and go, so a query costs only the union of
 * the similar keys' students.
 */
class SignatureTable {
  private readonly entries = new Map<string, Entry>();
  private readonly buckets = new Map<string, Set<string>>();
  private readonly similar = new Map<string, Set<string>>();

  constructor(private readonly threshold: number) {}

  add(key: string, signature: number[], studentId: string): void {
    let e = this.entries.get(key);
    if (!e) {
      const near = this.candidates(signature, key);
      e = { signature, students: new Map() };
      this.entries.set(key, e);
      for (const b of bandKeys(signature)) addTo(this.buckets, b, key);
      this.similar.set(key, near);
      for (const k of near) this.similar.get(k)?.add(key);
    }
    e.students.set(studentId, (e.students.get(studentId) ?? 0) + 1);
  }

  remove(key: string, signature: number[], studentId: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    const n = (e.students.get(studentId) ?? 0) - 1;
    if (n > 0) e.students.set(studentId, n);
    else e.students.delete(studentId);
    if (e.students.size > 0) return;
    this.entries.delete(key);
    for (const b of bandKeys(signature)) removeFrom(this.buckets, b, key);
    for (const k of this.similar.get(key) ?? []) this.similar.get(k)?.delete(key);
    this.similar.delete(key);
  }

  /** Other distinct keys whose signature is similar (LSH candidates confirmed on the full signature). */
  private candidates(signature: readonly number[], except: string): Set<string> {
    const out = new Set<string>();
    for (const b of bandKeys(signature)) {
      for (const k of this.buckets.get(b) ?? []) {
        if (k === except || out.has(k)) continue;
        const e = this.entries.get(k);
        if (e && minhashSimilarity(signature, e.signature) >= this.threshold) out.add(k);
      }
    }
    return out;
  }

  /** Distinct keys similar to `signature`, including the key itself when present. */
  similarKeys(key: string, signature: readonly number[]): string[] {
    const known = this.similar.get(key);
    if (known) return [key, ...known];
    return [...this.candidates(signature, key)];
  }

  /** Students (other than `except`) with a signature similar to this one. */
  similarStudents(key: string, signature: readonly number[], except: string): Set<string> {
    const students = new Set<string>();
    for (const k of this.similarKeys(key, signature)) {
      for (const s of this.entries.get(k)?.students.keys() ?? []) if (s !== except) students.add(s);
    }
    return students;
  }
}

/**
 * Near-duplicate index over the accommodation signatures of one school's active plans.
 * Holds only signatures (no text). Upserting a plan returns the ids of other plans whose
 * boilerplate results may have changed, so a server can refresh just those.
 */
export class BoilerplateIndex {
  readonly settings: BoilerplateSettings;
  private readonly plans = new Map<string, PlanAccommodationSignature>();
  private readonly texts: SignatureTable;
  private readonly sets: SignatureTable;
  /** Distinct key → plan ids using it, to map similar keys back to plans. */
  private readonly plansByTextKey = new Map<string, Set<string>>();
  private readonly plansBySetKey = new Map<string, Set<string>>();

  constructor(settings: Partial<BoilerplateSettings> = {}) {
    this.settings = ZBoilerplateSettings.parse(settings);
    this.texts = new SignatureTable(this.settings.threshold);
    this.sets = new SignatureTable(this.settings.threshold);
  }

  get size(): number {
    return this.plans.size;
  }

  has(planId: string): boolean {
    return this.plans.has(planId);
  }

  /** Bulk load (e.g. at start, from stored signatures) without computing affected plans. */
  load(signatures: Iterable<PlanAccommodationSignature>): void {
    for (const sig of signatures) {
      if (this.plans.has(sig.planId)) this.upsert(sig);
      else this.insert(sig);
    }
  }

  /** Add or replace a plan's signature; returns other plans whose results may have changed. */
  upsert(sig: PlanAccommodationSignature): string[] {
    const affected = new Set<string>();
    const before = this.plans.get(sig.planId);
    // Unchanged accommodations change no one's results.
    if (before && sameSignature(before, sig)) return [];
    if (before) for (const id of this.neighbours(before)) affected.add(id);
    this.remove(sig.planId);
    this.insert(sig);
    for (const id of this.neighbours(sig)) affected.add(id);
    affected.delete(sig.planId);
    return [...affected];
  }

  private insert(sig: PlanAccommodationSignature): void {
    this.plans.set(sig.planId, sig);
    for (const t of sig.texts) {
      this.texts.add(t.key, t.signature, sig.studentId);
      addTo(this.plansByTextKey, t.key, sig.planId);
    }
    if (sig.set) {
      this.sets.add(sig.set.key, sig.set.signature, sig.studentId);
      addTo(this.plansBySetKey, sig.set.key, sig.planId);
    }
  }

  /** Remove a plan (ended, or moved to another school); returns other plans whose results may have changed. */
  remove(planId: string): string[] {
    const sig = this.plans.get(planId);
    if (!sig) return [];
    const affected = this.neighbours(sig);
    this.plans.delete(planId);
    for (const t of sig.texts) {
      this.texts.remove(t.key, t.signature, sig.studentId);
      removeFrom(this.plansByTextKey, t.key, planId);
    }
    if (sig.set) {
      this.sets.remove(sig.set.key, sig.set.signature, sig.studentId);
      removeFrom(this.plansBySetKey, sig.set.key, planId);
    }
    return affected.filter((id) => id !== planId);
  }

  /** Boilerplate matches of one plan in the index. */
  matchesFor(planId: string): BoilerplateMatch[] {
    const sig = this.plans.get(planId);
    if (!sig) return [];
    const { minOtherStudents } = this.settings;
    const out: BoilerplateMatch[] = [];
    if (sig.set) {
      const n = this.sets.similarStudents(sig.set.key, sig.set.signature, sig.studentId).size;
      if (n >= minOtherStudents) out.push({ scope: "set", accommodationId: null, similarStudents: n });
    }
    for (const t of sig.texts) {
      const n = this.texts.similarStudents(t.key, t.signature, sig.studentId).size;
      if (n >= minOtherStudents) out.push({ scope: "text", accommodationId: t.accommodationId, similarStudents: n });
    }
    return out;
  }

  /** Plans sharing a near-duplicate text or set with this signature. */
  private neighbours(sig: PlanAccommodationSignature): string[] {
    const out = new Set<string>();
    for (const t of sig.texts) {
      for (const k of this.texts.similarKeys(t.key, t.signature)) {
        for (const p of this.plansByTextKey.get(k) ?? []) out.add(p);
      }
    }
    if (sig.set) {
      for (const k of this.sets.similarKeys(sig.set.key, sig.set.signature)) {
        for (const p of this.plansBySetKey.get(k) ?? []) out.add(p);
      }
    }
    out.delete(sig.planId);
    return [...out];
  }
}

function sameSignature(a: PlanAccommodationSignature, b: PlanAccommodationSignature): boolean {
  if (a.studentId !== b.studentId || (a.set?.key ?? null) !== (b.set?.key ?? null)) return false;
  if (a.texts.length !== b.texts.length) return false;
  return a.texts.every((t, i) => t.key === b.texts[i]?.key && t.accommodationId === b.texts[i]?.accommodationId);
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

function removeFrom(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  set?.delete(value);
  if (set && set.size === 0) map.delete(key);
}

// ---------------------------------------------------------------------------------------------
// Vague wording: in vague-wording.ts (no zod, so the editor can warn as the person types)

export { AMOUNT_NEEDED_PHRASES, VAGUE_PHRASES, vagueAccommodationReason } from "./vague-wording.ts";
