/**
 * Each guardian's preferred language and need for an interpreter, kept on the student's record
 * (the guardian's link to the student). IDEA asks for notices in the parent's native language
 * (34 CFR 300.503(c); 300.322(e) for the meeting notice), an interpreter at meetings for a parent
 * who needs one (300.322(e)), and consent after information in that language (300.9).
 *
 * Languages are stored as lower-case ISO 639 codes ("es", "vi", "hmn"), optionally with a region
 * or script ("zh-hant"). The roster and staff may also write a language's English or own name
 * ("Spanish", "Español"); `parseLanguage` turns the common ones into their code.
 */
import { z } from "zod";

/** Languages often spoken at home by families of California students, with their names. */
export const KNOWN_LANGUAGES = {
  en: { en: "English", own: "English" },
  es: { en: "Spanish", own: "Español" },
  vi: { en: "Vietnamese", own: "Tiếng Việt" },
  zh: { en: "Chinese", own: "中文" },
  yue: { en: "Cantonese", own: "粵語" },
  cmn: { en: "Mandarin", own: "普通话" },
  tl: { en: "Tagalog", own: "Tagalog" },
  fil: { en: "Filipino", own: "Filipino" },
  ar: { en: "Arabic", own: "العربية" },
  ko: { en: "Korean", own: "한국어" },
  pa: { en: "Punjabi", own: "ਪੰਜਾਬੀ" },
  ru: { en: "Russian", own: "Русский" },
  hmn: { en: "Hmong", own: "Hmoob" },
  fa: { en: "Persian (Farsi)", own: "فارسی" },
  hy: { en: "Armenian", own: "Հայերեն" },
  pt: { en: "Portuguese", own: "Português" },
  ja: { en: "Japanese", own: "日本語" },
  km: { en: "Khmer", own: "ខ្មែរ" },
  hi: { en: "Hindi", own: "हिन्दी" },
  ur: { en: "Urdu", own: "اردو" },
  uk: { en: "Ukrainian", own: "Українська" },
  ps: { en: "Pashto", own: "پښتو" },
  so: { en: "Somali", own: "Soomaali" },
  ase: { en: "American Sign Language", own: "ASL" },
} as const satisfies Record<string, { en: string; own: string }>;

const CODE = /^[a-z]{2,8}(-[a-z0-9]{2,8})*$/;

const EXTRA_NAMES: Record<string, string> = {
  farsi: "fa",
  persian: "fa",
  asl: "ase",
  "sign language": "ase",
  "chinese (mandarin)": "cmn",
  "chinese (cantonese)": "yue",
  "filipino (tagalog)": "tl",
};

/**
 * A language as Lantern stores it: its code, from a code ("es", "ES", "es-MX" → "es-mx") or a
 * known language's English or own name ("Spanish", "español"). Undefined when it is neither.
 */
export function parseLanguage(input: string): string | undefined {
  const value = input.trim().toLowerCase().replace(/_/g, "-");
  if (value === "") return undefined;
  const byName = Object.entries(KNOWN_LANGUAGES).find(
    ([, names]) => names.en.toLowerCase() === value || names.own.toLowerCase() === value,
  );
  if (byName) return byName[0];
  if (EXTRA_NAMES[value]) return EXTRA_NAMES[value];
  return CODE.test(value) && value.length <= 35 ? value : undefined;
}

/** The English name of a stored language ("es" → "Spanish", "es-mx" → "Spanish"), or the code itself. */
export function languageName(code: string): string {
  const known = KNOWN_LANGUAGES as Record<string, { en: string; own: string }>;
  const exact = known[code];
  if (exact) return exact.en;
  const base = known[code.split("-")[0] ?? ""];
  return base ? base.en : code;
}

/** Whether a stored language is English (any region). */
export function isEnglish(code: string): boolean {
  return code === "en" || code.startsWith("en-");
}

/** "yes"/"no" and their usual spellings in an SIS export; undefined when it is neither. */
export function parseYesNo(input: string): boolean | undefined {
  const value = input.trim().toLowerCase();
  if (["yes", "y", "true", "1", "sí", "si"].includes(value)) return true;
  if (["no", "n", "false", "0"].includes(value)) return false;
  return undefined;
}

export const LANGUAGE_PROBLEM = "Write the language as a code (es) or its name (Spanish)";

export const ZLanguageCode = z
  .string()
  .max(40)
  .transform((v, ctx) => {
    const code = parseLanguage(v);
    if (!code) {
      ctx.addIssue({ code: "custom", message: LANGUAGE_PROBLEM });
      return z.NEVER;
    }
    return code;
  });

/** Staff set a guardian's language and interpreter need on the student's record. */
export const ZGuardianLanguageBody = z.object({
  /** null: not recorded. */
  language: ZLanguageCode.nullable(),
  interpreterNeeded: z.boolean(),
});
export type GuardianLanguageBody = z.input<typeof ZGuardianLanguageBody>;

export const ZGuardianLanguageParams = z.object({
  studentId: z.string().min(1).max(64),
  personId: z.uuid({ error: "personId must be the id of one of the student's guardians (a UUID)" }),
});
