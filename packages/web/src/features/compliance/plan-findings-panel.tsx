import { Alert } from "../../components/ui/index.ts";
import { label } from "../../i18n/labels.ts";
import { t } from "../../i18n/t.ts";
import { useRequest } from "../../lib/use-request.ts";
import { getPlanCompliance } from "./api.ts";

/**
 * The plan checks, next to the editor: re-read after every save (`revision`), each finding with
 * its rule, how to fix it, and a link to the section it concerns when the editor has one.
 */
export function PlanFindingsPanel({
  studentId,
  planId,
  revision,
  sectionIds,
}: {
  studentId: string;
  planId: string;
  revision: number;
  sectionIds: readonly string[];
}) {
  const request = useRequest(`plan-findings:${planId}:${revision}`, (signal) =>
    getPlanCompliance(studentId, planId, signal),
  );
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
              const section = f.place.split("/").filter(Boolean)[0];
              const target = section && sectionIds.includes(section) ? `#section-${section}` : null;
              return (
                <li key={`${f.code}-${f.place}`}>
                  <strong>{f.message}</strong>{" "}
                  <span className="muted">
                    ({label("severity", f.severity)}; {f.citation})
                  </span>
                  <br />
                  {f.fix} {target ? <a href={target}>{t("compliance.editor.goTo")}</a> : null}
                </li>
              );
            })}
          </ul>
        </Alert>
      )}
    </section>
  );
}
