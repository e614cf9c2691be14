/** The compliance dashboards, with the caseload's services falling behind (enforcement). */
import { CompliancePage } from "../../features/compliance/compliance-page.tsx";
import { ServiceAlertsPanel } from "../../features/enforcement/service-alerts-panel.tsx";

export default function Compliance() {
  return <CompliancePage serviceAlerts={<ServiceAlertsPanel />} />;
}
