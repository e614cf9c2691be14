export * from "./calendar/school-calendar.ts";
export * from "./shared/dates.ts";
export * from "./shared/errors.ts";
