import { Link } from "wouter";
import { paths } from "../../app/paths.ts";
import { Alert, Pagination } from "../../components/ui/index.ts";
import { t } from "../../i18n/t.ts";
import { describeError } from "../../lib/error-message.ts";
import { familyDeadlineText, planLabel, studentName } from "./student-text.ts";
import { useStudentList } from "./use-student-list.ts";

/** Family home: one card per child the guardian (or the advocate they invited) may see. */
export function MyChildren({ label }: { label: string }) {
  const list = useStudentList("");
  if (list.loading === "initial") return <p role="status">{t("common.loading")}</p>;
  return (
    <>
      {list.error ? (
        <Alert tone="error">
          <p>{describeError(list.error)}</p>
        </Alert>
      ) : null}
      {list.items.length === 0 && !list.error ? <p>{t("students.list.noChildren")}</p> : null}
      <ul className="card-list" aria-label={label}>
        {list.items.map((child) => {
          const name = studentName(child);
          return (
            <li key={child.id} className="card">
              <h2 className="card-title">
                <Link href={paths.student(child.id)}>{name}</Link>
              </h2>
              <p>{t("students.list.child.school", { school: child.schoolName, grade: String(child.grade) })}</p>
              {child.plans.length > 0 ? (
                <p>
                  {t("students.list.child.plans")} {child.plans.map(planLabel).join("; ")}
                </p>
              ) : null}
              {child.nextDeadline ? <p>{familyDeadlineText(child.nextDeadline)}</p> : null}
            </li>
          );
        })}
      </ul>
      {list.nextCursor !== null ? (
        <Pagination
          summary={t("common.showing", { count: list.items.length })}
          hasMore
          loading={list.loading === "more"}
          onLoadMore={list.loadMore}
          loadMoreLabel={t("common.loadMore")}
          loadingLabel={t("common.loading")}
        />
      ) : null}
    </>
  );
}
