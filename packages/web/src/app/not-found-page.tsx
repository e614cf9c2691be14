import { Link } from "wouter";
import { t } from "../i18n/t.ts";
import { Page } from "./page.tsx";
import { paths } from "./paths.ts";

export default function NotFoundPage() {
  return (
    <Page title={t("notFound.title")}>
      <p>{t("notFound.body")}</p>
      <p>
        <Link href={paths.home}>{t("common.backHome")}</Link>
      </p>
    </Page>
  );
}
