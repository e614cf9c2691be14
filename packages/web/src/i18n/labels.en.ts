/**
 * The names of core's facts (plan statuses, services, deadline kinds, roles…) as messages:
 * `label.<fact>.<value>`, English taken from core's registry so one code has one name on every
 * screen, in PDFs and in core's sentences. Another language writes `labels.<lang>.ts` typed
 * `CatalogFor<typeof messages>`, so a value core adds is a missing text there (and a failing test).
 */
import { LABELS, type LabelledFact, type LabelledValue } from "@lantern/core";

export type LabelKey = { [F in LabelledFact]: `label.${F}.${LabelledValue<F>}` }[LabelledFact];

export const messages = Object.fromEntries(
  Object.entries(LABELS).flatMap(([fact, table]) =>
    Object.entries(table as Readonly<Record<string, string>>).map(([value, text]) => [`label.${fact}.${value}`, text]),
  ),
) as { readonly [K in LabelKey]: string };
