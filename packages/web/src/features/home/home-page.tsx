import type { ReactNode } from "react";
import { Link } from "wouter";
import { Page } from "../../app/page.tsx";
import { paths } from "../../app/paths.ts";
import { useSignedInUser } from "../../app/session.tsx";
import { TermsUsed } from "../../components/ui/index.ts";
import { t } from "../../i18n/t.ts";
import type { Role } from "../../lib/types.ts";

type HomeKind = "admin" | "staff" | "family";

function homeKindOf(role: Role | null): HomeKind {
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

/**
 * Whose students a staff member's list holds, for its words: a case manager's caseload, the
 * students a teacher teaches, or those a related-service provider serves.
 */
function staffListOf(role: Role | null): "caseload" | "teacher" | "provider" {
  if (role === "teacher") return "teacher";
  if (role === "related-service-provider") return "provider";
  return "caseload";
}

/** Roles that may add a student (core's student intake policy decides where). */
const ADDS_STUDENTS: ReadonlySet<Role> = new Set([
  "case-manager",
  "section-504-coordinator",
  "school-admin",
  "district-admin",
]);

const STAFF_WORDS = {
  caseload: {
    intro: "home.intro.staff",
    caption: "home.caption.staff",
    empty: "home.empty.staff",
    batch: "enforcement.batch.link",
  },
  teacher: {
    intro: "home.intro.teacher",
    caption: "home.caption.teacher",
    empty: "home.empty.teacher",
    batch: "home.progress.yourStudents",
  },
  provider: {
    intro: "home.intro.provider",
    caption: "home.caption.provider",
    empty: "home.empty.provider",
    batch: "home.progress.yourStudents",
  },
} as const;

/** What the home page shows from other features; `app/` passes them in. */
export type HomeParts = {
  /** A family's children, under `label`. */
  children(label: string): ReactNode;
  /** The staff's searchable student table, with its caption and the text when it is empty. */
  students(caption: string, empty: string): ReactNode;
  /** Services falling behind on the person's caseload. */
  serviceAlerts(): ReactNode;
  /** The person's inbox: new messages and children to confirm. */
  inbox(): ReactNode;
};

/** The first page after sign-in, chosen by the person's home role. */
export function HomePage({ parts }: { parts: HomeParts }) {
  const user = useSignedInUser();
  const kind = homeKindOf(user.homeRole);
  const addsStudents = user.roles.some((r) => ADDS_STUDENTS.has(r.role));
  const list = staffListOf(user.homeRole);
  const title = t(
    kind === "family"
      ? user.homeRole === "advocate"
        ? "home.title.advocate"
        : "home.title.family"
      : kind === "admin"
        ? "home.title.admin"
        : "home.title.staff",
  );
  return (
    <Page title={title}>
      <p className="lead">{t("home.welcome", { name: user.name })}</p>
      {parts.inbox()}
      {kind === "family" ? (
        <>
          <p>{t(user.homeRole === "advocate" ? "home.intro.advocate" : "home.intro.guardian")}</p>
          {parts.children(title)}
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
                  <Link href={paths.compensatoryPolicy}>{t("enforcement.policy.link")}</Link>
                  {" · "}
                  <Link href={paths.roster}>{t("roster.link")}</Link>
                  {" · "}
                  <Link href={paths.auditTrail}>{t("audit.link")}</Link>
                  {" · "}
                  <Link href={paths.retention}>{t("retention.link")}</Link>
                </>
              ) : null}
              {" · "}
              <Link href={paths.people}>{t("accounts.people.link")}</Link>
              {" · "}
              <Link href={paths.addStudent}>{t("students.add.link")}</Link>
            </nav>
          ) : null}
          {kind !== "admin" ? (
            <nav aria-label={t("home.compliance.label")} className="panel">
              <ul className="link-list">
                <li>
                  <Link href={paths.compliance}>{t("home.compliance.link")}</Link>
                </li>
                {addsStudents ? (
                  <li>
                    <Link href={paths.addStudent}>{t("students.add.link")}</Link>
                  </li>
                ) : null}
                <li>
                  <Link href={paths.progressBatch}>{t(STAFF_WORDS[list].batch)}</Link>
                </li>
              </ul>
            </nav>
          ) : null}
          {user.homeRole === "case-manager" || user.homeRole === "related-service-provider"
            ? parts.serviceAlerts()
            : null}
          {user.homeRole === "related-service-provider" ? (
            <nav aria-label={t("home.tasks.label")} className="panel">
              <Link href={paths.serviceWeek}>{t("home.tasks.logServices")}</Link>
            </nav>
          ) : null}
          <p>{t(kind === "admin" ? "home.intro.admin" : STAFF_WORDS[list].intro)}</p>
          <TermsUsed
            terms={[
              ...(kind === "admin" || list !== "caseload"
                ? []
                : ([["caseload", t("glossary.word.caseload")]] as const)),
              ["iep", t("glossary.word.iep")],
              ["section504", t("glossary.word.section504")],
            ]}
          />
          {parts.students(
            t(kind === "admin" ? "home.caption.admin" : STAFF_WORDS[list].caption),
            t(kind === "admin" ? "home.empty.staff" : STAFF_WORDS[list].empty),
          )}
        </>
      )}
    </Page>
  );
}
