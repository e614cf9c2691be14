import { type ReactNode, useState } from "react";
import { Link, useLocation } from "wouter";
import { Button } from "../components/ui/index.ts";
import { t } from "../i18n/t.ts";
import { IdleWarning } from "./idle-warning.tsx";
import { LanguageSwitcher } from "./language.tsx";
import { paths } from "./paths.ts";
import { useSession } from "./session.tsx";

function SkipLink() {
  return (
    // A plain in-page link: following it moves focus to <main> (focusable with tabIndex -1).
    <a className="skip-link" href="#main">
      {t("app.skipLink")}
    </a>
  );
}

function AccountMenu() {
  const session = useSession();
  const [, navigate] = useLocation();
  const [busy, setBusy] = useState(false);
  if (session.status === "loading") return null;
  if (!session.user) {
    return (
      <nav aria-label={t("app.nav.label")} className="header-nav">
        <Link href={paths.signIn}>{t("app.nav.signIn")}</Link>
      </nav>
    );
  }
  return (
    <div className="account">
      <span className="account-name">{t("app.signedInAs", { name: session.user.name })}</span>
      <Link href={paths.accountSecurity}>{t("auth.security.link")}</Link>
      <Button
        variant="secondary"
        busy={busy}
        busyLabel={t("app.signingOut")}
        onClick={async () => {
          setBusy(true);
          try {
            await session.signOut();
          } finally {
            setBusy(false);
            navigate(paths.home);
          }
        }}
      >
        {t("app.signOut")}
      </Button>
      <Button
        variant="secondary"
        onClick={async () => {
          setBusy(true);
          try {
            await session.signOutEverywhere();
          } finally {
            setBusy(false);
            navigate(paths.home);
          }
        }}
      >
        {t("app.signOutEverywhere")}
      </Button>
      <IdleWarning />
    </div>
  );
}

/** The frame around every page: skip link, header, the `main` landmark and footer. */
export function Layout({ children }: { children: ReactNode }) {
  return (
    <>
      <SkipLink />
      <header className="site-header">
        <div className="site-header-inner">
          <Link href={paths.home} className="brand">
            <span className="brand-name">{t("app.name")}</span>
            <span className="brand-tagline">{t("app.tagline")}</span>
          </Link>
          <div className="header-tools">
            <LanguageSwitcher />
            <AccountMenu />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="site-main">
        {children}
      </main>
      <footer className="site-footer">
        <p>{t("app.footer")}</p>
      </footer>
    </>
  );
}
