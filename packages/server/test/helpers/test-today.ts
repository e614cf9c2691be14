/** A fixed "today" so that seeded ages and deadlines are stable. */
export const TEST_TODAY = "2026-11-23";
