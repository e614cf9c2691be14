import { Link } from "wouter";
import { paths } from "../../app/paths.ts";
import { Alert } from "../../components/ui/index.ts";
import { t } from "../../i18n/t.ts";
import { useRequest } from "../../lib/use-request.ts";
import { getServiceAlerts } from "./api.ts";
import { areaLabel } from "./enforcement-text.ts";

/** Services on the person's caseload that have fallen behind (shown on staff home pages). */
export function ServiceAlertsPanel() {
  const request = useRequest("service-alerts", (signal) => getServiceAlerts(signal));
  if (request.status !== "ok") return null;
  const { alerts } = request.data;
  return (
    <section aria-labelledby="service-alerts" className="panel">
      <h2 id="service-alerts">{t("enforcement.alerts.title")}</h2>
      {alerts.length === 0 ? (
        <p>{t("enforcement.alerts.none")}</p>
      ) : (
        <Alert tone="warning" title={t("enforcement.alerts.count", { count: alerts.length })}>
          <ul className="plain-list" data-testid="service-alerts">
            {alerts.map((a) => (
              <li key={`${a.studentId}-${a.serviceId}`}>
                <Link href={paths.studentServices(a.studentId)}>
                  {t("enforcement.alerts.item", {
                    student: a.studentName,
                    service: areaLabel(a.area),
                    provided: a.providedMinutes,
                    required: a.requiredMinutes,
                  })}
                </Link>
                {a.compensatoryOwedMinutes > 0
                  ? ` ${t("enforcement.alerts.owed", { minutes: a.compensatoryOwedMinutes })}`
                  : ""}
              </li>
            ))}
          </ul>
        </Alert>
      )}
    </section>
  );
}
