/**
 * Rules for a password a person chooses, after NIST SP 800-63B section 5.1.1.2 ("Memorized
 * Secret Verifiers"): a minimum length, every character allowed (spaces and emoji too), a check
 * against values known to be commonly used or compromised and against words from the context of
 * the service and the person; no composition rules (no required digits or symbols) and no forced
 * rotation. Lantern asks for 12 characters at least (the guideline's floor is 8; staff read many
 * students' records) and accepts up to 200.
 */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

/**
 * Some of the most common passwords in public breach corpora that are 12 characters or longer
 * (shorter ones are refused by length already), and words from this service. Compared ignoring
 * case and spaces.
 */
export const COMMON_PASSWORDS: readonly string[] = [
  "123456789012",
  "1234567890123",
  "12345678910",
  "123456789101",
  "1234567891011",
  "111111111111",
  "000000000000",
  "123123123123",
  "qwertyuiopasdfghjkl",
  "qwertyuiopas",
  "qwertyuiop123",
  "1q2w3e4r5t6y",
  "1qaz2wsx3edc",
  "zaq12wsxcde3",
  "passwordpassword",
  "password1234",
  "password12345",
  "password123456",
  "passw0rd1234",
  "iloveyou1234",
  "princess1234",
  "football1234",
  "baseball1234",
  "sunshine1234",
  "superman1234",
  "trustno1trustno1",
  "letmeinletmein",
  "welcome12345",
  "welcometoschool",
  "changeme1234",
  "administrator",
  "administrator1",
  "abcdefghijkl",
  "abcd1234abcd",
  "abc123abc123",
  "aaaaaaaaaaaa",
  "asdfghjklasdf",
  "asdfasdfasdf",
  "qwertyqwerty",
  "monkeymonkey",
  "dragondragon",
  "mustang12345",
  "starwars1234",
  "michael12345",
  "jennifer1234",
  "charlie12345",
  "summer2024!!",
  "spring2025!!",
  "teacher12345",
  "school123456",
  "student12345",
  "lantern-demo",
  "lanternlantern",
  "lantern12345",
  "lanternpassword",
  "iepiepiepiep",
  "specialeducation",
  "specialeducation1",
];

const normalize = (s: string) => s.toLowerCase().replace(/\s+/g, "");
const COMMON = new Set(COMMON_PASSWORDS.map(normalize));

/**
 * Why `password` cannot be used, in words for the person choosing it, or null when it can.
 * `context` holds the person's email and name: a password made of them is refused.
 */
export function passwordProblem(
  password: string,
  context: { email?: string; firstName?: string; lastName?: string } = {},
): string | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters`;
  if (length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters`;
  const n = normalize(password);
  if (COMMON.has(n)) return "This password is too common: choose a longer phrase only you would think of";
  if (/^(.)\1+$/u.test(n)) return "Use more than one repeated character";
  const words = [
    context.email?.toLowerCase(),
    context.email?.split("@")[0]?.toLowerCase(),
    context.firstName,
    context.lastName,
  ]
    .filter((w): w is string => typeof w === "string" && w.length >= 3)
    .map(normalize);
  const bare = n.replace(/[^\p{L}]/gu, "");
  if (words.some((w) => n === w || bare === w.replace(/[^\p{L}]/gu, "")))
    return "Do not use your name or email address as your password";
  return null;
}
