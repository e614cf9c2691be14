import type { MouseEvent } from "react";
import { useEffect } from "react";
import { Alert } from "../../components/ui/index.ts";
import { label } from "../../i18n/labels.ts";
import { t } from "../../i18n/t.ts";
import { useRequest } from "../../lib/use-request.ts";
import { getPlanCompliance, type PlanComplianceView } from "./api.ts";

/** A link from a finding to its place in the editor: the address, and what a click does (move focus there). */
export type FindingLink = { href: string; onClick: (event: MouseEvent<HTMLAnchorElement>) => void };

/**
 * The plan checks, next to the editor: re-read after every save (`revision`), each finding with
 * its rule, how to fix it, and a link that moves focus to the field or section it concerns when
 * the editor has one. The editor also gets the results (`onChecked`) to show each finding beside
 * its field.
 */
export function PlanFindingsPanel({
  studentId,
  planId,
  revision,
  linkTo,
  onChecked,
}: {
  studentId: string;
  planId: string;
  revision: number;
  linkTo: (place: string) => FindingLink | null;
  onChecked?: (view: PlanComplianceView) => void;
}) {
  const request = useRequest(`plan-findings:${planId}:${revision}`, (signal) =>
    getPlanCompliance(studentId, planId, signal),
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: report each new result once; `onChecked` is recreated each render.
  useEffect(() => {
    if (request.status === "ok") onChecked?.(request.data);
  }, [request]);
  if (request.status !== "ok") return null;
  const findings = request.data.findings;
  return (
    <section aria-labelledby="plan-findings" className="panel">
      <h2 id="plan-findings">{t("compliance.editor.title")}</h2>
      {findings.length === 0 ? (
        <p>{t("compliance.editor.none")}</p>
      ) : (
        <Alert tone="warning" title={t("compliance.editor.count", { count: findings.length })}>
          <ul className="findings" data-testid="plan-findings">
            {findings.map((f) => {
              const link = linkTo(f.place);
              return (
                <li key={`${f.code}-${f.place}`}>
                  <strong>{f.message}</strong>{" "}
                  <span className="muted">
                    ({label("severity", f.severity)}; {f.citation})
                  </span>
                  <br />
                  {f.fix}{" "}
                  {link ? (
                    <a href={link.href} onClick={link.onClick}>
                      {t("compliance.editor.goTo")}
                    </a>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </Alert>
      )}
    </section>
  );
}
