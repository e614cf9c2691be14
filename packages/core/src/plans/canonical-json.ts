/**
 * Canonical JSON (RFC 8785, JSON Canonicalization Scheme): one byte sequence per JSON value, so a
 * sealed plan hashes the same on every machine.
 */
import canonicalizeModule from "canonicalize";

type Canonicalize = (input: unknown) => string | undefined;

// The package is CommonJS (`module.exports = fn`); its types declare a default export. Accept both shapes.
const canonicalize: Canonicalize =
  (canonicalizeModule as unknown as { default?: Canonicalize }).default ??
  (canonicalizeModule as unknown as Canonicalize);

/** The RFC 8785 canonical form of a JSON value. Throws on values JSON cannot represent (undefined, NaN, Infinity). */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError("Value cannot be represented as JSON");
  return text;
}
