/**
 * What makes a signature on a plan prove who signed (34 CFR 300.9 for consent: "the parent has
 * been fully informed … and agrees in writing"; 34 CFR 99.30 for what a signed and dated written
 * consent needs). A signature in the app belongs to the signed-in account, and the name typed
 * with it is that account's name, or a different legal name the signer attests to. A signature
 * given on paper at the meeting is its own kind: staff enter it, with the scanned page, and it
 * says so wherever it is shown.
 *
 * No zod here: the web uses these rules too.
 */

/** How a signature was given. "paper": signed on paper at the meeting, entered by staff. */
export const SIGNATURE_METHODS = ["typed", "drawn", "paper"] as const;
export type SignatureMethod = (typeof SIGNATURE_METHODS)[number];

export const SIGNATURE_METHOD_LABELS: Record<SignatureMethod, string> = {
  typed: "Typed in the app",
  drawn: "Drawn in the app",
  paper: "Signed on paper",
};

/** How a consent decision reached the plan: given in the app by the parent, or entered from a paper form by staff. */
export const CONSENT_SOURCES = ["app", "paper"] as const;
export type ConsentSource = (typeof CONSENT_SOURCES)[number];

/** How the person was signed in when they signed or entered a signature. */
export const SIGN_IN_METHOD_LABELS: Record<string, string> = {
  password: "password",
  "single-sign-on": "district single sign-on",
  "password-and-second-factor": "password and a second factor",
};

export const SIGNATURE_CITATION = "34 CFR 300.9; 34 CFR 99.30(b)";

/**
 * A name reduced for comparison: letters without their accents, lower case, one space between
 * words, no punctuation but hyphens and apostrophes ("José  O'Neil-Díaz" → "jose o'neil-diaz").
 */
export function normalizePersonName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[^\p{L}\p{N}'\s-]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** True when the typed name is the account's name, ignoring case, spacing and accents. */
export function personNamesMatch(typed: string, accountName: string): boolean {
  const a = normalizePersonName(typed);
  return a.length > 0 && a === normalizePersonName(accountName);
}

/** Scanned pages of a paper signature: the kinds accepted, found from the file's first bytes. */
export const SIGNATURE_SCAN_TYPES = ["application/pdf", "image/png", "image/jpeg"] as const;
export type SignatureScanType = (typeof SIGNATURE_SCAN_TYPES)[number];
/** The largest scanned page accepted (5 MB). */
export const SIGNATURE_SCAN_MAX_BYTES = 5 * 1024 * 1024;

/** The file's kind from its first bytes (never from its name or a declared type); null when none of the accepted kinds. */
export function detectScanType(bytes: Uint8Array): SignatureScanType | null {
  const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return "application/pdf"; // %PDF-
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (starts([0xff, 0xd8, 0xff])) return "image/jpeg";
  return null;
}

/** The facts of a signature that say how it was given (every field optional: older signatures lack them). */
export type SignatureFacts = {
  method: SignatureMethod;
  typedName: string;
  signedAt: string;
  signerName?: string | undefined;
  legalName?: string | null | undefined;
  signInMethod?: string | null | undefined;
  enteredBy?: { name: string; at: string } | null | undefined;
  paper?: { signedOn: string | null } | null | undefined;
};

/**
 * How a signature was given, in the words people read and the PDFs print: "Signed on paper;
 * entered by Priya Natarajan on November 23, 2026", "Typed in the app by Ana Rivera, signed in
 * with a password". `formatDate` turns an ISO date into the reader's format.
 */
export function describeSignature(s: SignatureFacts, formatDate: (isoDate: string) => string, language = "en"): string {
  if (language.startsWith("es")) return describeSignatureEs(s, formatDate);
  if (s.method === "paper") {
    const entered = s.enteredBy
      ? `; entered by ${s.enteredBy.name} on ${formatDate(s.enteredBy.at.slice(0, 10))}`
      : "; entered by staff";
    const on = s.paper?.signedOn ? ` on ${formatDate(s.paper.signedOn)}` : "";
    return `Signed on paper${on}${entered}`;
  }
  const how = SIGNATURE_METHOD_LABELS[s.method];
  const who = s.signerName ? ` by ${s.signerName}` : "";
  const legal = s.legalName ? ` (legal name attested: ${s.legalName})` : "";
  const session = s.signInMethod ? `, signed in with ${SIGN_IN_METHOD_LABELS[s.signInMethod] ?? s.signInMethod}` : "";
  return `${how}${who}${legal}${session}`;
}

/** Who recorded a consent decision, how and when (absent on decisions recorded before this was kept). */
export type ConsentRecordFacts = {
  source: ConsentSource;
  byName: string;
  at: string;
  paperDate: string | null;
  signInMethod: string | null;
};

/**
 * How a consent decision reached the plan: "Given in the app by Ana Rivera, signed in with a
 * password, on November 23, 2026" or "Recorded from a paper form dated November 20, 2026, by Priya
 * Natarajan on November 23, 2026".
 */
export function describeConsentRecord(
  r: ConsentRecordFacts,
  formatDate: (isoDate: string) => string,
  language = "en",
): string {
  const on = formatDate(r.at.slice(0, 10));
  if (language.startsWith("es")) {
    if (r.source === "paper") {
      const dated = r.paperDate ? ` con fecha del ${formatDate(r.paperDate)}` : "";
      return `Anotado de un formulario en papel${dated}, por ${r.byName} el ${on}`;
    }
    const session = r.signInMethod ? `, con ${SIGN_IN_METHOD_LABELS_ES[r.signInMethod] ?? r.signInMethod}` : "";
    return `Dado en la aplicación por ${r.byName}${session}, el ${on}`;
  }
  if (r.source === "paper") {
    const dated = r.paperDate ? ` dated ${formatDate(r.paperDate)}` : "";
    return `Recorded from a paper form${dated}, by ${r.byName} on ${on}`;
  }
  const session = r.signInMethod ? `, signed in with ${SIGN_IN_METHOD_LABELS[r.signInMethod] ?? r.signInMethod}` : "";
  return `Given in the app by ${r.byName}${session}, on ${on}`;
}

/** How a signature was given, in Spanish (the Spanish plan documents). */
export const SIGNATURE_METHOD_LABELS_ES: Record<SignatureMethod, string> = {
  typed: "Escrita en la aplicación",
  drawn: "Dibujada en la aplicación",
  paper: "Firmada en papel",
};

export const SIGN_IN_METHOD_LABELS_ES: Record<string, string> = {
  password: "contraseña",
  "single-sign-on": "el inicio de sesión del distrito",
  "password-and-second-factor": "contraseña y un segundo paso",
};

function describeSignatureEs(s: SignatureFacts, formatDate: (isoDate: string) => string): string {
  if (s.method === "paper") {
    const entered = s.enteredBy
      ? `; la anotó ${s.enteredBy.name} el ${formatDate(s.enteredBy.at.slice(0, 10))}`
      : "; la anotó el personal";
    const on = s.paper?.signedOn ? ` el ${formatDate(s.paper.signedOn)}` : "";
    return `Firmada en papel${on}${entered}`;
  }
  const how = SIGNATURE_METHOD_LABELS_ES[s.method];
  const who = s.signerName ? ` por ${s.signerName}` : "";
  const legal = s.legalName ? ` (nombre legal declarado: ${s.legalName})` : "";
  const session = s.signInMethod ? `, entró con ${SIGN_IN_METHOD_LABELS_ES[s.signInMethod] ?? s.signInMethod}` : "";
  return `${how}${who}${legal}${session}`;
}
