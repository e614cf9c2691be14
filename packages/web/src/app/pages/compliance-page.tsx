/** The compliance dashboards, with the caseload's services falling behind (enforcement) and records requests due (records). */
import { CompliancePage } from "../../features/compliance/compliance-page.tsx";
import { ServiceAlertsPanel } from "../../features/enforcement/service-alerts-panel.tsx";
import { RecordsDueSection } from "../../features/records/records-due-section.tsx";

export default function Compliance() {
  return (
    <CompliancePage
      serviceAlerts={
        <>
          <ServiceAlertsPanel />
          <RecordsDueSection />
        </>
      }
    />
  );
}
