/** The names of core's facts in Spanish, from core's LABELS_ES (the same names the Spanish PDFs use). */
import { LABELS_ES } from "@lantern/core";
import type { CatalogFor } from "./catalogs.ts";
import type { messages as en } from "./labels.en.ts";

export const messages = Object.fromEntries(
  Object.entries(LABELS_ES).flatMap(([fact, table]) =>
    Object.entries(table as Readonly<Record<string, string>>).map(([value, text]) => [`label.${fact}.${value}`, text]),
  ),
) as CatalogFor<typeof en>;
