import type { SessionUser } from "@lantern/core";
import { Link } from "wouter";
import type { MessageKey } from "../i18n/catalogs.ts";
import { t } from "../i18n/t.ts";
import { Page } from "./page.tsx";
import { paths } from "./paths.ts";
import type { Audience } from "./routes.tsx";

const FAMILY_ROLES: ReadonlySet<string> = new Set(["guardian", "advocate"]);

/** Staff who reach another role's page are told whose it is. */
const STAFF_TITLES: Record<Audience["forWhom"], MessageKey> = {
  staff: "notForYou.title",
  administrators: "notForYou.staff.administrators",
  "district-administrators": "notForYou.staff.districtAdministrators",
  intake: "notForYou.staff.intake",
};

/**
 * What someone reads at the address of a page that is not for their role: whose page it is, and
 * the way home. Families and advocates are told it is for school staff, in plain words.
 */
export function NotForYouPage({ forWhom, user }: { forWhom: Audience["forWhom"]; user: SessionUser }) {
  const family = user.roles.every((r) => FAMILY_ROLES.has(r.role));
  return (
    <Page title={t(family ? "notForYou.title" : STAFF_TITLES[forWhom])}>
      <p>{t(family ? "notForYou.family" : "notForYou.staff.body")}</p>
      <p>
        <Link href={paths.home}>{t("common.backHome")}</Link>
      </p>
    </Page>
  );
}
