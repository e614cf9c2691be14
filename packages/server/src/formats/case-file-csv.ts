/**
 * The CSV files of the whole-record export (RFC 4180, a header row, UTF-8): the record of access,
 * the service log, progress data, and the list of the types and locations of education records
 * (34 CFR 300.616). Columns are named here once.
 */
import type { EducationRecordType } from "@lantern/core";
import { stringify } from "csv-stringify/sync";
import type { AccessRow } from "../repositories/case-file-repository.ts";

export const RECORD_OF_ACCESS_COLUMNS = ["id", "at", "who", "role", "record", "action", "purpose"] as const;

/** Rows of the record of access; the header only with `header`. */
export function recordOfAccessCsv(rows: readonly AccessRow[], header: boolean): string {
  return stringify(
    rows.map((r) => ({
      id: r.id,
      at: r.at,
      who: r.who,
      role: r.basis,
      record: r.record,
      action: r.action,
      purpose: r.purpose,
    })),
    { header, columns: [...RECORD_OF_ACCESS_COLUMNS] },
  );
}

export function serviceLogCsv(
  sessions: ReadonlyArray<{
    date: string;
    serviceId: string;
    minutes: number;
    delivery: string;
    status: string;
    providerName: string;
    note?: string | undefined;
  }>,
  serviceName: (serviceId: string) => string,
): string {
  return stringify(
    sessions.map((s) => ({
      date: s.date,
      service_id: s.serviceId,
      service: serviceName(s.serviceId),
      minutes: s.minutes,
      delivery: s.delivery,
      status: s.status,
      provider: s.providerName,
      note: s.note ?? "",
    })),
    { header: true, columns: ["date", "service_id", "service", "minutes", "delivery", "status", "provider", "note"] },
  );
}

export function progressCsv(
  points: ReadonlyArray<{ goalId: string; date: string; value: number; note?: string | undefined }>,
): string {
  return stringify(
    points.map((p) => ({ goal_id: p.goalId, date: p.date, value: p.value, note: p.note ?? "" })),
    { header: true, columns: ["goal_id", "date", "value", "note"] },
  );
}

export function educationRecordsCsv(list: readonly EducationRecordType[]): string {
  return stringify(
    list.map((r) => ({ type: r.type, location: r.location, in_this_file: r.inThisFile })),
    { header: true, columns: ["type", "location", "in_this_file"] },
  );
}
