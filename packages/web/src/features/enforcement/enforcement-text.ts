import { getLocale, t, tMaybe } from "../../i18n/t.ts";

/** The family-friendly name of a service area ("speech-language-pathology" → "Speech and language therapy"). */
export function areaLabel(area: string): string {
  return tMaybe(`enforcement.area.${area}`) ?? area;
}

export function statusLabel(status: string): string {
  return tMaybe(`enforcement.status.${status}`) ?? status;
}

/** A number for people: at most one decimal. */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat(getLocale(), { maximumFractionDigits: 1 }).format(value);
}

export function perLabel(per: "day" | "week" | "month"): string {
  return t(`enforcement.week.per.${per}`);
}
