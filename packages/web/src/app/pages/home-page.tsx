/** The home page: the home feature's page, with the student lists and service alerts of other features. */
import { InboxPanel } from "../../features/accounts/inbox-page.tsx";
import { ServiceAlertsPanel } from "../../features/enforcement/service-alerts-panel.tsx";
import { HomePage } from "../../features/home/home-page.tsx";
import { CaseloadTable } from "../../features/students/caseload-table.tsx";
import { MyChildren } from "../../features/students/my-children.tsx";

export default function Home() {
  return (
    <HomePage
      parts={{
        children: (label) => <MyChildren label={label} />,
        students: (caption, empty) => <CaseloadTable caption={caption} empty={empty} />,
        serviceAlerts: () => <ServiceAlertsPanel />,
        inbox: () => <InboxPanel />,
      }}
    />
  );
}
