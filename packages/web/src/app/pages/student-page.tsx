/**
 * A student's record: the students feature's page, with the deadlines (compliance), sharing and
 * record of access (sharing), and saved navigator results and letters to the school (navigator) of
 * the same student.
 */
import { StudentDeadlinesSection } from "../../features/compliance/student-deadlines-section.tsx";
import { SavedResultsSection } from "../../features/navigator/saved-results-section.tsx";
import { StudentLettersSection } from "../../features/navigator/student-letters-section.tsx";
import { CaseFileLink } from "../../features/records/case-file-link.tsx";
import { AccessLogSection } from "../../features/sharing/access-log-section.tsx";
import { AdvocateSharingSection } from "../../features/sharing/advocate-sharing-section.tsx";
import { StudentPage } from "../../features/students/student-page.tsx";
import { planLabel } from "../../features/students/student-text.ts";
import type { PageProps } from "../paths.ts";
import { useSession } from "../session.tsx";

export default function StudentRecord({ params }: PageProps) {
  const { user } = useSession();
  const isGuardian = user?.roles.some((r) => r.role === "guardian") ?? false;
  const isFamily = user?.homeRole === "guardian" || user?.homeRole === "advocate";
  return (
    <StudentPage
      params={params}
      parts={{
        deadlines: (student) => (
          <StudentDeadlinesSection
            studentId={student.id}
            firstName={student.firstName}
            plans={student.plans}
            planName={planLabel}
            forFamily={isFamily}
          />
        ),
        record: (student) => (
          <>
            <CaseFileLink studentId={student.id} />
            {isGuardian ? <AdvocateSharingSection studentId={student.id} /> : null}
            <StudentLettersSection student={student} canWrite={isGuardian} />
            <SavedResultsSection studentId={student.id} />
            <AccessLogSection studentId={student.id} />
          </>
        ),
      }}
    />
  );
}
