/** The name of a core code in the reader's language, from the `label.<fact>.<value>` messages. */
import type { LabelledFact, LabelledValue } from "@lantern/core";
import type { LabelKey } from "./labels.en.ts";
import { t, tMaybe } from "./t.ts";

/** The name of a code of `fact` ("serviceArea", "speech-language-pathology" → "Speech-language pathology"). */
export function label<F extends LabelledFact>(fact: F, value: LabelledValue<F>): string {
  return t(`label.${fact}.${value}` as LabelKey);
}

/** For a code the API sent as plain text: its name, or the code itself when it has none (a newer server). */
export function labelOrCode(fact: LabelledFact, value: string): string {
  return tMaybe(`label.${fact}.${value}`) ?? value;
}
