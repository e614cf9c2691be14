import { Link } from "wouter";
import { Page } from "../../app/page.tsx";
import { paths } from "../../app/paths.ts";
import { t } from "../../i18n/t.ts";

/** Placeholder for the district and school overview; the compliance dashboards replace its body. */
export default function OverviewPage() {
  return (
    <Page title={t("overview.title")}>
      <p>{t("overview.body")}</p>
      <p>{t("placeholder.comingSoon")}</p>
      <p>
        <Link href={paths.home}>{t("common.backHome")}</Link>
      </p>
    </Page>
  );
}
