import { type FormEvent, useState } from "react";
import { Link } from "wouter";
import { paths } from "../../app/paths.ts";
import { Alert, Button, type Column, DataTable, Field, Pagination, TextInput } from "../../components/ui/index.ts";
import { t } from "../../i18n/t.ts";
import { describeError } from "../../lib/error-message.ts";
import type { StudentListItem } from "./api.ts";
import { deadlineText, planLabel, studentName } from "./student-text.ts";
import { useStudentList } from "./use-student-list.ts";

const columns: readonly Column<StudentListItem>[] = [
  {
    id: "name",
    header: t("students.list.column.name"),
    rowHeader: true,
    cell: (student) => <Link href={paths.student(student.id)}>{studentName(student)}</Link>,
  },
  { id: "grade", header: t("students.list.column.grade"), cell: (student) => String(student.grade) },
  { id: "school", header: t("students.list.column.school"), cell: (student) => student.schoolName },
  {
    id: "plans",
    header: t("students.list.column.plans"),
    cell: (student) =>
      student.plans.length === 0 ? (
        t("students.noPlans")
      ) : (
        <ul className="plain-list">
          {student.plans.map((plan) => (
            <li key={plan.id}>{planLabel(plan)}</li>
          ))}
        </ul>
      ),
  },
  {
    id: "deadline",
    header: t("students.list.column.nextDeadline"),
    cell: (student) => (student.nextDeadline ? deadlineText(student.nextDeadline) : t("students.noDeadline")),
  },
];

/** Staff home: a searchable table of the students this person may see, 25 at a time. */
export function CaseloadTable({ caption, empty }: { caption: string; empty: string }) {
  const [draft, setDraft] = useState("");
  const [query, setQuery] = useState("");
  const list = useStudentList(query);

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    setQuery(draft.trim());
  };

  return (
    <section aria-labelledby="caseload-heading" className="panel">
      <h2 id="caseload-heading" className="visually-hidden">
        {caption}
      </h2>
      <search>
        <form className="search-form" onSubmit={onSearch}>
          <Field label={t("students.list.search.label")} hint={t("students.list.search.hint")}>
            <TextInput type="search" value={draft} onChange={(event) => setDraft(event.target.value)} />
          </Field>
          <div className="search-actions">
            <Button type="submit" variant="secondary">
              {t("students.list.search.submit")}
            </Button>
            {query ? (
              <Button
                variant="link"
                onClick={() => {
                  setDraft("");
                  setQuery("");
                }}
              >
                {t("students.list.search.clear")}
              </Button>
            ) : null}
          </div>
        </form>
      </search>

      {list.error ? (
        <Alert tone="error">
          <p>{describeError(list.error)}</p>
        </Alert>
      ) : null}

      {list.loading === "initial" ? (
        <p role="status">{t("common.loading")}</p>
      ) : (
        <>
          <DataTable
            caption={query ? `${caption}. ${t("students.list.search.results", { query })}` : caption}
            columns={columns}
            rows={list.items}
            rowKey={(student) => student.id}
            empty={empty}
          />
          <Pagination
            summary={
              list.lastAdded > 0
                ? `${t("common.loadedMore", { count: list.lastAdded })} ${t("common.showing", { count: list.items.length })}`
                : t("common.showing", { count: list.items.length })
            }
            hasMore={list.nextCursor !== null}
            loading={list.loading === "more"}
            onLoadMore={list.loadMore}
            loadMoreLabel={t("common.loadMore")}
            loadingLabel={t("common.loading")}
            doneLabel={list.items.length > 0 ? t("common.allShown") : undefined}
          />
        </>
      )}
    </section>
  );
}
