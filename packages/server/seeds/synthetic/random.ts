/** Deterministic randomness for the synthetic district: a seeded PRNG and ids that depend only on the seed. */

/** 32-bit hash mixing (murmur3 finalizer). */
function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function hashString(s: string, seed: number): number {
  let h = mix32(seed ^ 0x9e3779b9);
  for (let i = 0; i < s.length; i++) h = mix32(h ^ Math.imul(s.charCodeAt(i), 0x01000193));
  return h;
}

/** A small seeded PRNG (sfc32) with the helpers the generator needs. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream: string) {
    this.a = hashString(stream, seed);
    this.b = hashString(stream, seed + 1);
    this.c = hashString(stream, seed + 2);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  int(min: number, maxInclusive: number): number {
    return min + Math.floor(this.next() * (maxInclusive - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Approximately normal (mean 0, sd 1). */
  normal(): number {
    return this.next() + this.next() + this.next() + this.next() + this.next() + this.next() - 3;
  }
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/** A UUID (version 4 layout) that depends only on the seed, the table and the row number. */
export function syntheticUuid(seed: number, table: string, index: number): string {
  const base = hashString(table, seed);
  const w0 = mix32(base ^ index);
  const w1 = mix32(w0 ^ 0x68e31da4 ^ index);
  const w2 = mix32(w1 ^ 0xb5297a4d);
  const w3 = mix32(w2 ^ 0x1b56c4e9 ^ index);
  const b = (w: number, s: number) => HEX[(w >>> s) & 0xff] as string;
  return (
    `${b(w0, 24)}${b(w0, 16)}${b(w0, 8)}${b(w0, 0)}-${b(w1, 24)}${b(w1, 16)}-` +
    `4${HEX[(w1 >>> 8) & 0xff]?.slice(1)}${b(w1, 0)}-` +
    `${HEX[0x80 | ((w2 >>> 24) & 0x3f)]}${b(w2, 16)}-` +
    `${b(w2, 8)}${b(w2, 0)}${b(w3, 24)}${b(w3, 16)}${b(w3, 8)}${b(w3, 0)}`
  );
}
