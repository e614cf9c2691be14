import { type AccessLog, someRoleMay } from "@lantern/core";
import { type ReactNode, useState } from "react";
import { useSession } from "../../app/session.tsx";
import { Alert, Button, type Column, DataTable, StatusRegion } from "../../components/ui/index.ts";
import { dateTime } from "../../i18n/dates.ts";
import { labelOrCode } from "../../i18n/labels.ts";
import { t } from "../../i18n/t.ts";
import { ApiError } from "../../lib/api-client.ts";
import { describeError } from "../../lib/error-message.ts";
import { useRequest } from "../../lib/use-request.ts";
import { getAccessLog } from "./api.ts";

type Entry = AccessLog["items"][number];

/** The role the person read the record in (core's name), or "seen in a list". */
function roleLabel(role: string): string {
  return role === "list" ? t("sharing.role.list") : labelOrCode("role", role);
}

/**
 * The record of access (34 CFR 300.614; FERPA 99.32), newest first, ten at a time; left out (and
 * not asked for) when none of the person's roles may read it (teachers, providers, advocates).
 */
export function AccessLogSection({ studentId }: { studentId: string }) {
  const { user } = useSession();
  if (!user || !someRoleMay(user.roles, "read-access-log")) return null;
  return <AccessLogPanel studentId={studentId} />;
}

function AccessLogPanel({ studentId }: { studentId: string }) {
  const first = useRequest(`access-log:${studentId}`, (signal) => getAccessLog(studentId, null, signal));
  const [more, setMore] = useState<Entry[]>([]);
  const [next, setNext] = useState<number | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");

  const columns: Column<Entry>[] = [
    { id: "when", header: t("sharing.accessLog.when"), cell: (e) => dateTime(e.at), rowHeader: true },
    { id: "who", header: t("sharing.accessLog.who"), cell: (e) => e.who },
    { id: "role", header: t("sharing.accessLog.role"), cell: (e) => roleLabel(e.role) },
    { id: "what", header: t("sharing.accessLog.what"), cell: (e) => e.purpose },
  ];

  // Only the family and the staff who run the plan may see it; for others the section is left out.
  if (first.status === "error" && first.error instanceof ApiError && first.error.status === 403) return null;
  const body = (content: ReactNode) => (
    <section aria-labelledby="record-of-access" className="panel">
      <h2 id="record-of-access">{t("sharing.accessLog.title")}</h2>
      <p className="muted">{t("sharing.accessLog.intro")}</p>
      {content}
    </section>
  );
  if (first.status === "loading") return body(<p role="status">{t("common.loading")}</p>);
  if (first.status === "error") {
    return body(
      <Alert tone="error" title={t("sharing.accessLog.loadError")}>
        <p>{describeError(first.error)}</p>
      </Alert>,
    );
  }
  const rows = [...first.data.items, ...more];
  const cursor = next === undefined ? first.data.nextBefore : next;

  async function showMore() {
    if (cursor === null) return;
    setBusy(true);
    try {
      const page = await getAccessLog(studentId, cursor);
      setMore((m) => [...m, ...page.items]);
      setNext(page.nextBefore);
      setStatus(t("sharing.accessLog.moreShown"));
    } finally {
      setBusy(false);
    }
  }

  return body(
    <>
      <DataTable
        caption={t("sharing.accessLog.caption")}
        columns={columns}
        rows={rows}
        rowKey={(e) => e.id}
        empty={t("sharing.accessLog.empty")}
      />
      {cursor !== null ? (
        <Button variant="secondary" busy={busy} onClick={showMore}>
          {t("sharing.accessLog.more")}
        </Button>
      ) : null}
      <StatusRegion message={status} />
    </>,
  );
}
