import { Link } from "wouter";
import { Page } from "../../app/page.tsx";
import { paths } from "../../app/paths.ts";
import { TermsUsed } from "../../components/ui/index.ts";
import { t } from "../../i18n/t.ts";

/** The front page for visitors who are not signed in. */
export default function LandingPage() {
  return (
    <Page title={t("landing.title")} documentTitle={t("app.tagline")}>
      <p className="lead">{t("landing.intro")}</p>
      <TermsUsed
        terms={[
          ["iep", t("glossary.word.iep")],
          ["section504", t("glossary.word.section504")],
        ]}
      />
      <div className="card-grid">
        <section aria-labelledby="landing-families" className="card">
          <h2 id="landing-families">{t("landing.families.title")}</h2>
          <p>{t("landing.families.body")}</p>
          <p>
            <Link href={paths.navigator} className="button button-primary">
              {t("landing.families.cta")}
            </Link>
          </p>
        </section>
        <section aria-labelledby="landing-staff" className="card">
          <h2 id="landing-staff">{t("landing.staff.title")}</h2>
          <p>{t("landing.staff.body")}</p>
          <p>
            <Link href={paths.signIn} className="button button-secondary">
              {t("landing.staff.cta")}
            </Link>
          </p>
        </section>
      </div>
      <p className="muted">{t("landing.privacy")}</p>
    </Page>
  );
}
