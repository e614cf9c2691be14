import { Link } from "wouter";
import { Page } from "../../app/page.tsx";
import { paths } from "../../app/paths.ts";
import type { RouteParams } from "../../app/routes.tsx";
import { useSession } from "../../app/session.tsx";
import { Alert, TermsUsed } from "../../components/ui/index.ts";
import { longDate } from "../../i18n/dates.ts";
import { t } from "../../i18n/t.ts";
import { describeError } from "../../lib/error-message.ts";
import { useRequest } from "../../lib/use-request.ts";
import { StudentDeadlinesSection } from "../compliance/student-deadlines-section.tsx";
import { SavedResultsSection } from "../navigator/saved-results-section.tsx";
import { AccessLogSection } from "../sharing/access-log-section.tsx";
import { AdvocateSharingSection } from "../sharing/advocate-sharing-section.tsx";
import { getStudent, type StudentDetail } from "./api.ts";
import { planLabel, studentName } from "./student-text.ts";

function StudentFacts({ student }: { student: StudentDetail }) {
  return (
    <section aria-labelledby="student-about" className="panel">
      <h2 id="student-about">{t("students.about", { name: student.firstName })}</h2>
      <dl className="facts">
        <div>
          <dt>{t("students.dateOfBirth")}</dt>
          <dd>{longDate(student.dateOfBirth)}</dd>
        </div>
        <div>
          <dt>{t("students.gradeLabel")}</dt>
          <dd>{String(student.grade)}</dd>
        </div>
        <div>
          <dt>{t("students.school")}</dt>
          <dd>{student.school.name}</dd>
        </div>
        <div>
          <dt>{t("students.caseManager")}</dt>
          <dd>{student.caseManager ? student.caseManager.name : t("students.noCaseManager")}</dd>
        </div>
        <div>
          <dt>{t("students.guardians")}</dt>
          <dd>
            {student.guardians.length === 0 ? (
              t("common.notRecorded")
            ) : (
              <ul className="plain-list">
                {student.guardians.map((guardian) => (
                  <li key={`${guardian.name}-${guardian.relationship}`}>
                    {t("students.guardian", { name: guardian.name, relationship: guardian.relationship })}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
      <TermsUsed
        terms={[
          ["caseManager", t("glossary.word.caseManager")],
          ["guardian", t("glossary.word.guardian")],
        ]}
      />
    </section>
  );
}

/** A student's record: facts, then one section per part of the record (plans, deadlines, services). */
export default function StudentPage({ params }: { params: RouteParams }) {
  const id = params.id ?? "";
  const request = useRequest(`student:${id}`, (signal) => getStudent(id, signal));
  const { user } = useSession();
  const isGuardian = user?.roles.some((r) => r.role === "guardian") ?? false;
  const isFamily = user?.homeRole === "guardian" || user?.homeRole === "advocate";

  if (request.status === "loading") {
    return (
      <Page title={t("students.titleFallback")}>
        <p role="status">{t("common.loading")}</p>
      </Page>
    );
  }
  if (request.status === "error") {
    return (
      <Page title={t("students.titleFallback")}>
        <Alert tone="error" title={t("students.loadError")}>
          <p>{describeError(request.error)}</p>
        </Alert>
      </Page>
    );
  }
  const student = request.data;
  return (
    <Page title={studentName(student)}>
      <StudentFacts student={student} />

      <section aria-labelledby="student-plans" className="panel">
        <h2 id="student-plans">{t("students.sections.plans")}</h2>
        <p className="muted">{t("students.sections.plansIntro")}</p>
        {student.plans.length === 0 ? (
          <p>{t("students.noPlans")}</p>
        ) : (
          <ul className="plain-list" data-testid="student-plans">
            {student.plans.map((plan) => (
              <li key={plan.id}>
                <Link href={paths.studentPlan(student.id, plan.id)}>{planLabel(plan)}</Link>
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link href={paths.studentPlans(student.id)}>{t("students.links.plans")}</Link>
        </p>
        <TermsUsed
          terms={[
            ["iep", t("glossary.word.iep")],
            ["section504", t("glossary.word.section504")],
          ]}
        />
      </section>

      <StudentDeadlinesSection
        studentId={student.id}
        firstName={student.firstName}
        plans={student.plans}
        planName={planLabel}
        forFamily={isFamily}
      />

      <section aria-labelledby="student-services" className="panel">
        <h2 id="student-services">{t("students.sections.services")}</h2>
        <p className="muted">{t("students.sections.servicesIntro")}</p>
        <ul className="link-list">
          <li>
            <Link href={paths.studentServices(student.id)}>{t("students.links.services")}</Link>
          </li>
          <li>
            <Link href={paths.studentProgress(student.id)}>{t("students.links.progress")}</Link>
          </li>
        </ul>
        <TermsUsed terms={[["relatedServices", t("glossary.word.relatedServices")]]} />
      </section>

      {isGuardian ? <AdvocateSharingSection studentId={student.id} /> : null}
      <SavedResultsSection studentId={student.id} />
      <AccessLogSection studentId={student.id} />
    </Page>
  );
}
