import type { DeadlineKind, DeadlineState, Severity } from "@lantern/core";
import { t } from "../../i18n/t.ts";

export function kindLabel(kind: DeadlineKind): string {
  return t(`compliance.kind.${kind}`);
}

export function severityLabel(severity: Severity): string {
  return t(`compliance.severity.${severity}`);
}

export function stateLabel(state: DeadlineState): string {
  return t(`compliance.state.${state}`);
}
