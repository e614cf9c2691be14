import { labelOrCode } from "../../i18n/labels.ts";
import { getLocale, t } from "../../i18n/t.ts";

/** The name of a service area, core's ("speech-language-pathology" → "Speech-language pathology"). */
export function areaLabel(area: string): string {
  return labelOrCode("serviceArea", area);
}

/** What happened to a session ("student-absent" → "Student absent"). */
export function statusLabel(status: string): string {
  return labelOrCode("sessionStatus", status);
}

/** A number for people: at most one decimal. */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat(getLocale(), { maximumFractionDigits: 1 }).format(value);
}

export function perLabel(per: "day" | "week" | "month"): string {
  return t(`enforcement.week.per.${per}`);
}
