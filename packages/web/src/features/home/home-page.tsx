import { Link } from "wouter";
import { Page } from "../../app/page.tsx";
import { paths } from "../../app/paths.ts";
import { useSignedInUser } from "../../app/session.tsx";
import { TermsUsed } from "../../components/ui/index.ts";
import { t } from "../../i18n/t.ts";
import type { Role } from "../../lib/types.ts";
import { enforcementPaths } from "../enforcement/paths.ts";
import { ServiceAlertsPanel } from "../enforcement/service-alerts-panel.tsx";
import { CaseloadTable } from "./caseload-table.tsx";
import { MyChildren } from "./my-children.tsx";

type HomeKind = "admin" | "staff" | "family";

export function homeKindOf(role: Role | null): HomeKind {
  switch (role) {
    case "district-admin":
    case "school-admin":
      return "admin";
    case "guardian":
    case "advocate":
      return "family";
    default:
      return "staff";
  }
}

/** The first page after sign-in, chosen by the person's home role. */
export default function HomePage() {
  const user = useSignedInUser();
  const kind = homeKindOf(user.homeRole);
  const title = t(kind === "family" ? "home.title.family" : kind === "admin" ? "home.title.admin" : "home.title.staff");
  return (
    <Page title={title}>
      <p className="lead">{t("home.welcome", { name: user.name })}</p>
      {kind === "family" ? (
        <>
          <p>{t(user.homeRole === "advocate" ? "home.intro.advocate" : "home.intro.guardian")}</p>
          <MyChildren />
          <TermsUsed
            terms={[
              ["iep", t("glossary.word.iep")],
              ["section504", t("glossary.word.section504")],
              [
                user.homeRole === "advocate" ? "advocate" : "guardian",
                t(user.homeRole === "advocate" ? "glossary.word.advocate" : "glossary.word.guardian"),
              ],
            ]}
          />
        </>
      ) : (
        <>
          {kind === "admin" ? (
            <nav aria-label={t("home.overview.title")} className="panel">
              <Link href={paths.overview}>
                {t(user.homeRole === "district-admin" ? "home.overview.district" : "home.overview.school")}
              </Link>
              {user.homeRole === "district-admin" ? (
                <>
                  {" · "}
                  <Link href={enforcementPaths.policy}>{t("enforcement.policy.link")}</Link>
                  {" · "}
                  <Link href={paths.roster}>{t("roster.link")}</Link>
                </>
              ) : null}
            </nav>
          ) : null}
          {kind !== "admin" ? (
            <nav aria-label={t("home.compliance.label")} className="panel">
              <ul className="link-list">
                <li>
                  <Link href={paths.compliance}>{t("home.compliance.link")}</Link>
                </li>
                <li>
                  <Link href={enforcementPaths.progressBatch}>{t("enforcement.batch.link")}</Link>
                </li>
              </ul>
            </nav>
          ) : null}
          {user.homeRole === "case-manager" || user.homeRole === "related-service-provider" ? (
            <ServiceAlertsPanel />
          ) : null}
          {user.homeRole === "related-service-provider" ? (
            <nav aria-label={t("home.tasks.label")} className="panel">
              <Link href={paths.serviceWeek}>{t("home.tasks.logServices")}</Link>
            </nav>
          ) : null}
          <p>{t(kind === "admin" ? "home.intro.admin" : "home.intro.staff")}</p>
          <TermsUsed
            terms={[
              ["caseload", t("glossary.word.caseload")],
              ["iep", t("glossary.word.iep")],
              ["section504", t("glossary.word.section504")],
            ]}
          />
          <CaseloadTable
            caption={t(kind === "admin" ? "home.caption.admin" : "home.caption.staff")}
            empty={t("home.empty.staff")}
          />
        </>
      )}
    </Page>
  );
}
