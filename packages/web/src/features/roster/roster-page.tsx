import type { RosterColumn } from "@lantern/core";
import { type ChangeEvent, type FormEvent, type Ref, useRef, useState } from "react";
import { Page } from "../../app/page.tsx";
import { useSignedInUser } from "../../app/session.tsx";
import {
  Alert,
  Button,
  type Column,
  DataTable,
  Field,
  StatusRegion,
  useFieldControl,
} from "../../components/ui/index.ts";
import type { MessageKey } from "../../i18n/catalogs.ts";
import { t } from "../../i18n/t.ts";
import { describeError } from "../../lib/error-message.ts";
import { type RosterAnswer, type RosterImportResult, type RosterProblem, sendRoster } from "./api.ts";
import "./roster.css";

/** The largest file the server accepts (20 MB). */
const MAX_BYTES = 20 * 1024 * 1024;
const PROBLEMS_ID = "roster-problems";
const PROBLEMS_SUMMARY_ID = "roster-problems-summary";

type ColumnRow = {
  columns: readonly RosterColumn[];
  required: boolean;
  meaning: Extract<MessageKey, `roster.column.${string}`>;
};

/** The columns core's roster schema knows, grouped for people (a test checks none is missing). */
export const COLUMN_ROWS: readonly ColumnRow[] = [
  { columns: ["sis_id"], required: true, meaning: "roster.column.sis_id" },
  { columns: ["first_name"], required: true, meaning: "roster.column.first_name" },
  { columns: ["last_name"], required: true, meaning: "roster.column.last_name" },
  { columns: ["date_of_birth"], required: true, meaning: "roster.column.date_of_birth" },
  { columns: ["grade"], required: true, meaning: "roster.column.grade" },
  { columns: ["school"], required: true, meaning: "roster.column.school" },
  { columns: ["school_code"], required: false, meaning: "roster.column.school_code" },
  { columns: ["case_manager_email"], required: false, meaning: "roster.column.case_manager_email" },
  {
    columns: ["guardian1_first_name", "guardian1_last_name", "guardian1_email", "guardian1_relationship"],
    required: false,
    meaning: "roster.column.guardian1",
  },
  {
    columns: ["guardian2_first_name", "guardian2_last_name", "guardian2_email", "guardian2_relationship"],
    required: false,
    meaning: "roster.column.guardian2",
  },
  {
    columns: ["guardian1_language", "guardian2_language"],
    required: false,
    meaning: "roster.column.guardianLanguage",
  },
  {
    columns: ["guardian1_interpreter", "guardian2_interpreter"],
    required: false,
    meaning: "roster.column.guardianInterpreter",
  },
];

const columnTable: readonly Column<ColumnRow>[] = [
  {
    id: "column",
    header: t("roster.columns.column"),
    rowHeader: true,
    cell: (row) => (
      <span className="roster-column-names">
        {row.columns.map((c) => (
          <code key={c}>{c}</code>
        ))}
      </span>
    ),
  },
  {
    id: "required",
    header: t("roster.columns.required"),
    cell: (row) => t(row.required ? "roster.columns.yes" : "roster.columns.no"),
  },
  { id: "meaning", header: t("roster.columns.meaning"), cell: (row) => t(row.meaning) },
];

const problemTable: readonly Column<RosterProblem & { key: number }>[] = [
  { id: "line", header: t("roster.problems.line"), rowHeader: true, cell: (p) => p.line },
  {
    id: "column",
    header: t("roster.problems.column"),
    cell: (p) => (p.column ? <code>{p.column}</code> : t("roster.problems.wholeLine")),
  },
  { id: "problem", header: t("roster.problems.problem"), cell: (p) => p.message },
];

/** The file input, wired to its Field (label, hint, error) and to the problems it was answered with. */
function FileInput({
  describedBy,
  invalid,
  onChange,
  ref,
}: {
  describedBy: string | undefined;
  invalid: boolean;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  ref: Ref<HTMLInputElement>;
}) {
  const control = useFieldControl();
  const ids = [control?.["aria-describedby"], describedBy].filter(Boolean).join(" ");
  return (
    <input
      ref={ref}
      id={control?.id}
      type="file"
      accept=".csv,text/csv"
      className="file-input"
      aria-describedby={ids || undefined}
      aria-invalid={invalid || control?.["aria-invalid"] ? true : undefined}
      onChange={onChange}
    />
  );
}

function countsLine(result: RosterImportResult): Record<"created" | "updated" | "unchanged", string> {
  return {
    created: t("roster.count.students", { count: result.created }),
    updated: t("roster.count.students", { count: result.updated }),
    unchanged: t("roster.count.students", { count: result.unchanged }),
  };
}

/**
 * District administrators load the district's roster from a CSV file: check it first (a dry run:
 * every problem with its line and column, or what an import would change), then import it.
 */
export default function RosterPage() {
  const user = useSignedInUser();
  if (!user.roles.some((r) => r.role === "district-admin")) {
    return (
      <Page title={t("roster.title")}>
        <Alert tone="info">{t("roster.notAdmin")}</Alert>
      </Page>
    );
  }
  return <RosterImport />;
}

export function RosterImport() {
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<"check" | "import" | null>(null);
  const [answer, setAnswer] = useState<RosterAnswer | null>(null);
  const [fileError, setFileError] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [inviteGuardians, setInviteGuardians] = useState(true);

  function choose(event: ChangeEvent<HTMLInputElement>) {
    setFile(event.target.files?.[0] ?? null);
    setAnswer(null);
    setFileError(undefined);
    setFailure(null);
    setStatus("");
  }

  async function send(dryRun: boolean) {
    if (busy) return;
    if (!file) {
      setFileError(t("roster.file.missing"));
      input.current?.focus();
      return;
    }
    if (file.size > MAX_BYTES) {
      setFileError(t("roster.file.tooLarge"));
      input.current?.focus();
      return;
    }
    setFileError(undefined);
    setFailure(null);
    setStatus(t(dryRun ? "roster.checking" : "roster.importing"));
    setBusy(dryRun ? "check" : "import");
    try {
      // Read now, so a file changed since it was chosen is read as it is.
      const text = await file.text();
      const next = await sendRoster(new Blob([text], { type: "text/csv" }), dryRun, inviteGuardians);
      setAnswer(next);
      if (next.kind === "problems") {
        setStatus(t("roster.status.problems", { count: next.problemCount }));
      } else {
        const counts = countsLine(next.result);
        setStatus(t(next.result.dryRun ? "roster.status.checked" : "roster.status.imported", counts));
      }
    } catch (error) {
      setAnswer(null);
      setStatus("");
      setFailure(error instanceof DOMException ? t("roster.file.unreadable") : describeError(error));
    } finally {
      setBusy(null);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void send(false);
  }

  const problems = answer?.kind === "problems" ? answer : null;
  const result = answer?.kind === "done" ? answer.result : null;
  const error = fileError ?? (problems ? t("roster.file.hasProblems", { count: problems.problemCount }) : undefined);

  return (
    <Page title={t("roster.title")}>
      <p className="lead">{t("roster.intro")}</p>
      <p>{t("roster.safe")}</p>

      <section aria-labelledby="roster-columns-title" className="panel">
        <h2 id="roster-columns-title">{t("roster.columns.title")}</h2>
        <p>{t("roster.columns.intro")}</p>
        <DataTable
          caption={t("roster.columns.caption")}
          columns={columnTable}
          rows={COLUMN_ROWS}
          rowKey={(row) => row.columns.join(",")}
        />
      </section>

      <form onSubmit={submit} noValidate className="panel" aria-labelledby="roster-form-title">
        <h2 id="roster-form-title">{t("roster.form.title")}</h2>
        {failure ? <Alert tone="error">{failure}</Alert> : null}
        <Field label={t("roster.file.label")} hint={t("roster.file.hint")} error={error} id="roster-file">
          <FileInput
            ref={input}
            onChange={choose}
            invalid={problems !== null}
            describedBy={problems ? `${PROBLEMS_SUMMARY_ID} ${PROBLEMS_ID}` : undefined}
          />
        </Field>
        <label className="checkbox">
          <input type="checkbox" checked={inviteGuardians} onChange={(e) => setInviteGuardians(e.target.checked)} />{" "}
          {t("roster.inviteGuardians")}
        </label>
        <div className="roster-actions">
          <Button
            variant="secondary"
            busy={busy === "check"}
            busyLabel={t("roster.checking")}
            onClick={() => void send(true)}
          >
            {t("roster.check")}
          </Button>
          <Button type="submit" busy={busy === "import"} busyLabel={t("roster.importing")}>
            {t("roster.import")}
          </Button>
        </div>
        <StatusRegion message={status} visible />
      </form>

      {problems ? (
        <section aria-labelledby="roster-problems-title" className="panel">
          <h2 id="roster-problems-title">{t("roster.problems.title")}</h2>
          <p id={PROBLEMS_SUMMARY_ID}>
            {t("roster.problems.summary", { count: problems.problemCount })}
            {problems.problemCount > problems.problems.length
              ? ` ${t("roster.problems.more", { shown: problems.problems.length })}`
              : ""}
          </p>
          <div id={PROBLEMS_ID}>
            <DataTable
              caption={t("roster.problems.caption")}
              columns={problemTable}
              rows={problems.problems.map((p, key) => ({ ...p, key }))}
              rowKey={(p) => p.key}
            />
          </div>
        </section>
      ) : null}

      {result ? (
        <section aria-labelledby="roster-result-title" className="panel">
          <h2 id="roster-result-title">
            {t(result.dryRun ? "roster.result.checkedTitle" : "roster.result.importedTitle")}
          </h2>
          <p>{t(result.dryRun ? "roster.result.checked" : "roster.result.imported")}</p>
          <ul>
            <li>{t("roster.result.rows", { count: result.rows })}</li>
            <li>{t("roster.result.created", { count: result.created })}</li>
            <li>{t("roster.result.updated", { count: result.updated })}</li>
            <li>{t("roster.result.unchanged", { count: result.unchanged })}</li>
            <li>{t("roster.result.schools", { count: result.schools })}</li>
            <li>{t("roster.result.guardians", { count: result.guardians })}</li>
            {result.invitations > 0 ? <li>{t("roster.result.invitations", { count: result.invitations })}</li> : null}
            {result.pendingGuardianLinks > 0 ? (
              <li>{t("roster.result.pending", { count: result.pendingGuardianLinks })}</li>
            ) : null}
          </ul>
          {result.ignoredColumns.length > 0 ? (
            <p>{t("roster.result.ignored", { columns: result.ignoredColumns.join(", ") })}</p>
          ) : null}
        </section>
      ) : null}
    </Page>
  );
}
