import { type OpenRecordsRequestList, someRoleMay } from "@lantern/core";
import { Link } from "wouter";
import { paths } from "../../app/paths.ts";
import { useSession } from "../../app/session.tsx";
import { type Column, DataTable } from "../../components/ui/index.ts";
import { shortDate } from "../../i18n/dates.ts";
import { t, tMaybe } from "../../i18n/t.ts";
import { ApiError } from "../../lib/api-client.ts";
import { useRequest } from "../../lib/use-request.ts";
import { getOpenRecordsRequests } from "./api.ts";

type Row = OpenRecordsRequestList["items"][number];

/**
 * Records requests not yet provided on the students a person serves, soonest due first (the
 * deadlines page); left out (and not asked for) for roles that do not keep the record (teachers,
 * providers): the staff who may write it fulfil the requests.
 */
export function RecordsDueSection() {
  const { user } = useSession();
  if (!user || !someRoleMay(user.roles, "write-record")) return null;
  return <RecordsDue />;
}

function RecordsDue() {
  const open = useRequest("records-requests:open", (signal) => getOpenRecordsRequests(signal));
  if (open.status === "error" && open.error instanceof ApiError && open.error.status === 403) return null;
  const columns: Column<Row>[] = [
    {
      id: "student",
      header: t("records.due.student"),
      cell: (r) => (
        <Link href={paths.caseFile(r.studentId)} aria-label={t("records.due.open", { name: r.studentName })}>
          {r.studentName}
        </Link>
      ),
      rowHeader: true,
    },
    { id: "received", header: t("records.requests.received"), cell: (r) => shortDate(r.receivedOn) },
    {
      id: "due",
      header: t("records.requests.due"),
      cell: (r) =>
        t("records.requests.dueText", {
          date: shortDate(r.clock.dueDate),
          limit: t("records.requests.limit", { days: r.clock.limitDays, unit: r.clock.limitUnit }),
          citation: r.clock.citation,
        }),
    },
    {
      id: "status",
      header: t("records.requests.status"),
      cell: (r) =>
        r.clock.daysLate > 0
          ? t("records.requests.late", { days: r.clock.daysLate })
          : (tMaybe(`label.deadlineState.${r.clock.state}`) ?? r.clock.state),
    },
  ];
  return (
    <section aria-labelledby="records-due" className="panel">
      <h2 id="records-due">{t("records.due.title")}</h2>
      <p>{t("records.due.intro")}</p>
      {open.status === "ok" ? (
        <DataTable
          caption={t("records.due.caption")}
          columns={columns}
          rows={open.data.items}
          rowKey={(r) => r.id}
          empty={t("records.due.none")}
        />
      ) : open.status === "loading" ? (
        <p role="status">{t("common.loading")}</p>
      ) : null}
    </section>
  );
}
