import { useState } from "react";
import { Link } from "wouter";
import { Page } from "../../app/page.tsx";
import { type PageProps, paths } from "../../app/paths.ts";
import { useSession } from "../../app/session.tsx";
import { Alert } from "../../components/ui/index.ts";
import { t } from "../../i18n/t.ts";
import { describeError } from "../../lib/error-message.ts";
import { useRequest } from "../../lib/use-request.ts";
import { AmendmentRequestsSection } from "./amendment-requests-section.tsx";
import { type ComplaintDraft, getChronology, recordZipUrl } from "./api.ts";
import { ChronologySection } from "./chronology-section.tsx";
import { CommunicationLogSection } from "./communication-log-section.tsx";
import { ComplaintSection } from "./complaint-section.tsx";
import { DestructionRequestsSection } from "./destruction-requests-section.tsx";
import { MeetingPrepSection } from "./meeting-prep-section.tsx";
import { RecordsRequestsSection } from "./records-requests-section.tsx";

const STAFF = new Set(["district-admin", "school-admin", "case-manager", "section-504-coordinator"]);

/**
 * The family's case file: records requests on the clock, the whole record in one download, the
 * communication log, getting ready for a meeting (the family), the chronology, and a state complaint
 * drafted from chosen entries (the family).
 */
export default function CaseFilePage({ params }: PageProps) {
  const studentId = params.id ?? "";
  const { user } = useSession();
  const forFamily = user?.roles.some((r) => r.role === "guardian" || r.role === "advocate") ?? false;
  const forStaff = user?.roles.some((r) => STAFF.has(r.role)) ?? false;
  // Only a parent may ask for records to be destroyed (34 CFR 300.624(b)); an advocate may not.
  const isGuardian = user?.roles.some((r) => r.role === "guardian") ?? false;
  const [version, setVersion] = useState(0);
  const [latestDraft, setLatestDraft] = useState<ComplaintDraft | null>(null);
  // The chronology's reply names the student (one request for the title and the first section).
  const head = useRequest(`case-file:${studentId}`, (signal) =>
    getChronology(studentId, { kinds: ["records-request"], from: "", to: "" }, signal),
  );
  if (head.status === "error") {
    return (
      <Page title={t("records.titleLoading")}>
        <Alert tone="error" title={t("records.loadError")}>
          <p>{describeError(head.error)}</p>
        </Alert>
      </Page>
    );
  }
  if (head.status === "loading") {
    return (
      <Page title={t("records.titleLoading")}>
        <p role="status">{t("common.loading")}</p>
      </Page>
    );
  }
  const name = head.data.studentName;
  const firstName = name.split(" ")[0] ?? name;
  return (
    <Page title={t("records.title", { name })}>
      <p>
        <Link href={paths.student(studentId)}>{t("records.back", { name: firstName })}</Link>
      </p>
      <RecordsRequestsSection
        studentId={studentId}
        firstName={firstName}
        forFamily={forFamily}
        forStaff={forStaff}
        onChange={() => setVersion((v) => v + 1)}
      />
      {forFamily || forStaff ? (
        <section aria-labelledby="whole-record" className="panel">
          <h2 id="whole-record">{t("records.download.title")}</h2>
          <p>{t("records.download.intro")}</p>
          <p>
            <a href={recordZipUrl(studentId)} download>
              {t("records.download.link", { name: firstName })}
            </a>
          </p>
        </section>
      ) : null}
      <AmendmentRequestsSection
        studentId={studentId}
        firstName={firstName}
        forFamily={forFamily}
        forStaff={forStaff}
        onChange={() => setVersion((v) => v + 1)}
      />
      <CommunicationLogSection
        studentId={studentId}
        canWrite={forFamily || forStaff}
        onChange={() => setVersion((v) => v + 1)}
      />
      {isGuardian || forStaff ? (
        <DestructionRequestsSection studentId={studentId} firstName={firstName} forFamily={isGuardian} />
      ) : null}
      {forFamily ? <MeetingPrepSection studentId={studentId} /> : null}
      <ChronologySection
        studentId={studentId}
        firstName={firstName}
        version={version}
        onDrafted={
          forFamily
            ? (draft) => {
                setLatestDraft(draft);
                setVersion((v) => v + 1);
              }
            : undefined
        }
      />
      {forFamily ? <ComplaintSection studentId={studentId} version={version} latest={latestDraft} /> : null}
    </Page>
  );
}
