import { type ReactNode, useState } from "react";
import { Link } from "wouter";
import { Page } from "../../app/page.tsx";
import { paths, type RouteParams } from "../../app/paths.ts";
import { useSession } from "../../app/session.tsx";
import { Alert, TermsUsed } from "../../components/ui/index.ts";
import { longDate } from "../../i18n/dates.ts";
import { t } from "../../i18n/t.ts";
import { describeError } from "../../lib/error-message.ts";
import { useRequest } from "../../lib/use-request.ts";
import { getStudent, type StudentDetail } from "./api.ts";
import { EditStudentDetails } from "./edit-student-details.tsx";
import { GuardianLanguageEditor, GuardianLanguageFacts } from "./guardian-language.tsx";
import { planLabel, studentName } from "./student-text.ts";

const STAFF_WHO_WRITE = new Set(["district-admin", "school-admin", "case-manager", "section-504-coordinator"]);

/** Whether the signed-in person is staff who may write a student's record and plans. */
function useStaffWhoWrite(): boolean {
  const { user } = useSession();
  return user?.roles.some((r) => STAFF_WHO_WRITE.has(r.role)) ?? false;
}

function StudentFacts({ student, onChange }: { student: StudentDetail; onChange: (s: StudentDetail) => void }) {
  const canEdit = useStaffWhoWrite();
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
                  <li key={guardian.personId}>
                    {t("students.guardian", { name: guardian.name, relationship: guardian.relationship })}{" "}
                    <GuardianLanguageFacts guardian={guardian} />
                    {canEdit ? (
                      <GuardianLanguageEditor studentId={student.id} guardian={guardian} onSaved={onChange} />
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
      {canEdit ? <EditStudentDetails student={student} onSaved={onChange} /> : null}
      <TermsUsed
        terms={[
          ["caseManager", t("glossary.word.caseManager")],
          ["guardian", t("glossary.word.guardian")],
        ]}
      />
    </section>
  );
}

/** Parts of a student's record that other features show; `app/` passes them in. */
export type StudentRecordParts = {
  /** After the plans: the deadlines of the student's plans. */
  deadlines(student: StudentDetail): ReactNode;
  /** At the end: sharing, saved navigator results, the record of access. */
  record(student: StudentDetail): ReactNode;
};

/** A student's record: facts, then one section per part of the record (plans, deadlines, services). */
export function StudentPage({ params, parts }: { params: RouteParams; parts: StudentRecordParts }) {
  const id = params.id ?? "";
  const request = useRequest(`student:${id}`, (signal) => getStudent(id, signal));
  const [saved, setSaved] = useState<StudentDetail | null>(null);
  const canWritePlans = useStaffWhoWrite();

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
  const student = saved?.id === request.data.id ? saved : request.data;
  return (
    <Page title={studentName(student)}>
      <StudentFacts student={student} onChange={setSaved} />

      <section aria-labelledby="student-plans" className="panel">
        <h2 id="student-plans">{t("students.sections.plans")}</h2>
        <p className="muted">{t("students.sections.plansIntro")}</p>
        {student.plans.length === 0 ? (
          <>
            <p>{t("students.noPlans")}</p>
            {canWritePlans ? (
              <p>
                <Link href={paths.studentPlans(student.id)} className="button button-primary">
                  {t("students.links.startPlan")}
                </Link>
              </p>
            ) : null}
          </>
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

      {parts.deadlines(student)}

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

      {parts.record(student)}
    </Page>
  );
}
