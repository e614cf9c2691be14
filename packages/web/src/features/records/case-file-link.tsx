import { Link } from "wouter";
import { paths } from "../../app/paths.ts";
import { t } from "../../i18n/t.ts";

/** The way from a student's record to the case file. */
export function CaseFileLink({ studentId }: { studentId: string }) {
  return (
    <p className="panel">
      <Link href={paths.caseFile(studentId)}>{t("records.link")}</Link>
    </p>
  );
}
