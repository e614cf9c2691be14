export * from "./calendar/school-calendar.ts";
export * from "./services/service-prescription.ts";
export * from "./shared/dates.ts";
export * from "./shared/errors.ts";
