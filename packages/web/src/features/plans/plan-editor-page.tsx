/**
 * The section-by-section editor of a draft. Every change is kept on this device at once
 * (localStorage) and autosaved to the server shortly after; the status says "Saved" when the
 * server has it. The server refuses a save based on an older revision (409): the merge view then
 * shows, per section, their version and yours, and saves the merged draft.
 */
import { type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import { Link } from "wouter";
import { Page } from "../../app/page.tsx";
import { paths, type RouteParams } from "../../app/paths.ts";
import { Alert, Button, StatusRegion } from "../../components/ui/index.ts";
import { timeOfDay } from "../../i18n/dates.ts";
import { label } from "../../i18n/labels.ts";
import { t } from "../../i18n/t.ts";
import { ApiError } from "../../lib/api-client.ts";
import { describeError } from "../../lib/error-message.ts";
import { useRequest } from "../../lib/use-request.ts";
import { type PlanContent, type PlanDetail, type PlanType, plansApi } from "./api.ts";
import { sectionsFor } from "./plan-sections.ts";
import { planTypeText, sectionHeading, sectionTitle, setPath, statusText } from "./plan-text.ts";
import { SectionEditor } from "./section-editor.tsx";

type Backup = { revision: number; content: PlanContent };
const backupKey = (versionId: string) => `lantern.plan-draft.${versionId}`;

function readBackup(versionId: string): Backup | null {
  try {
    const raw = globalThis.localStorage?.getItem(backupKey(versionId));
    return raw ? (JSON.parse(raw) as Backup) : null;
  } catch {
    return null;
  }
}
function writeBackup(versionId: string, backup: Backup): void {
  try {
    globalThis.localStorage?.setItem(backupKey(versionId), JSON.stringify(backup));
  } catch {
    // storage full or disabled: the server save still runs
  }
}
function clearBackup(versionId: string): void {
  try {
    globalThis.localStorage?.removeItem(backupKey(versionId));
  } catch {
    // ignore
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Where the editor shows what the compliance checks found in the draft; `app/` passes it in. */
export type FindingsPart = (draft: {
  studentId: string;
  planId: string;
  revision: number;
  /** Anchors of the editor's sections, for links from a finding to its part of the plan. */
  sectionIds: string[];
}) => ReactNode;

export function PlanEditorPage({ params, findings }: { params: RouteParams; findings: FindingsPart }) {
  const studentId = params.id ?? "";
  const planId = params.planId ?? "";
  const state = useRequest(`plan-edit:${planId}`, (signal) => plansApi.get(studentId, planId, signal));
  if (state.status === "loading") return <Page title={t("app.loading")} />;
  if (state.status === "error") {
    return (
      <Page title={label("planType", "iep")}>
        <Alert tone="error">{t("plans.error.load", { message: describeError(state.error) })}</Alert>
      </Page>
    );
  }
  return <Editor studentId={studentId} detail={state.data} findings={findings} />;
}

type SaveState =
  | { kind: "saved"; at: string | null }
  | { kind: "unsaved" }
  | { kind: "saving" }
  | { kind: "offline" }
  | { kind: "restored" }
  | { kind: "error"; message: string };

function Editor({ studentId, detail, findings }: { studentId: string; detail: PlanDetail; findings: FindingsPart }) {
  const versionId = detail.version.id;
  const s = detail.version.content.student;
  const name = `${s?.firstName ?? ""} ${s?.lastName ?? ""}`.trim();
  const title = t("plans.editor.title", { plan: planTypeText(detail.plan.type), name });

  const initial = (() => {
    const backup = readBackup(versionId);
    if (backup && !same(backup.content, detail.version.content)) return { ...backup, restored: true };
    return { revision: detail.version.revision, content: detail.version.content, restored: false };
  })();
  const [content, setContent] = useState<PlanContent>(initial.content);
  const [revision, setRevision] = useState(initial.revision);
  const [savedContent, setSavedContent] = useState<PlanContent>(detail.version.content);
  const [save, setSave] = useState<SaveState>(initial.restored ? { kind: "restored" } : { kind: "saved", at: null });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [merge, setMerge] = useState<{ theirs: PlanContent; revision: number } | null>(null);
  const inFlight = useRef(false);

  const doSave = useCallback(
    async (toSave: PlanContent, rev: number) => {
      if (inFlight.current) return;
      inFlight.current = true;
      setSave({ kind: "saving" });
      try {
        const res = await plansApi.saveDraft(studentId, detail.plan.id, rev, toSave);
        setRevision(res.revision);
        setSavedContent(toSave);
        setFieldErrors({});
        clearBackup(versionId);
        setSave({ kind: "saved", at: timeOfDay(new Date()) });
      } catch (e) {
        if (e instanceof ApiError && e.status === 409) {
          try {
            const current = await plansApi.get(studentId, detail.plan.id);
            if (current.version.id === versionId && current.version.status === "draft") {
              setMerge({ theirs: current.version.content, revision: current.version.revision });
            }
            setSave({ kind: "error", message: e.message });
          } catch (inner) {
            setSave({ kind: "error", message: describeError(inner) });
          }
        } else if (e instanceof ApiError && e.isNetworkError) {
          setSave({ kind: "offline" });
        } else if (e instanceof ApiError && e.status === 400) {
          const errors: Record<string, string> = {};
          for (const issue of e.issues) errors[issue.path.replace(/^\/content/, "")] = issue.message;
          setFieldErrors(errors);
          setSave({ kind: "error", message: e.message });
        } else {
          setSave({ kind: "error", message: describeError(e) });
        }
      } finally {
        inFlight.current = false;
      }
    },
    [studentId, detail.plan.id, versionId],
  );

  // Autosave: shortly after the last change, and again every few seconds while not saved.
  const dirty = !same(content, savedContent);
  useEffect(() => {
    if (!dirty || merge) return;
    const timer = setTimeout(() => void doSave(content, revision), 800);
    return () => clearTimeout(timer);
  }, [content, revision, dirty, merge, doSave]);
  useEffect(() => {
    if (save.kind !== "offline") return;
    const timer = setInterval(() => void doSave(content, revision), 5000);
    return () => clearInterval(timer);
  }, [save.kind, content, revision, doSave]);

  function change(path: (string | number)[], value: unknown) {
    const next = setPath(content, path, value);
    setContent(next);
    writeBackup(versionId, { revision, content: next });
    if (save.kind !== "offline") setSave({ kind: "unsaved" });
  }

  if (detail.version.status !== "draft") {
    return (
      <Page title={title}>
        <Alert tone="info">{t("plans.editor.notDraft", { status: statusText(detail.version.status) })}</Alert>
        <Link href={paths.studentPlan(studentId, detail.plan.id)}>{t("plans.editor.done")}</Link>
      </Page>
    );
  }

  const sections = sectionsFor(detail.plan.type);
  const statusMessage =
    save.kind === "saved"
      ? save.at
        ? t("plans.editor.status.savedAt", { time: save.at })
        : t("plans.editor.status.saved")
      : save.kind === "saving"
        ? t("plans.editor.status.saving")
        : save.kind === "unsaved"
          ? t("plans.editor.status.unsaved")
          : save.kind === "offline"
            ? t("plans.editor.status.offline")
            : save.kind === "restored"
              ? t("plans.editor.status.restored")
              : t("plans.editor.status.error", { message: save.message });

  return (
    <Page title={title}>
      <div className="plan-save-status" data-testid="save-status" data-state={save.kind}>
        <StatusRegion message={statusMessage} visible />
      </div>
      <p>
        <Link href={paths.studentPlan(studentId, detail.plan.id)}>{t("plans.editor.done")}</Link>
      </p>
      {merge ? (
        <MergeView
          type={detail.plan.type}
          mine={content}
          theirs={merge.theirs}
          onSave={(merged) => {
            setMerge(null);
            setContent(merged);
            writeBackup(versionId, { revision: merge.revision, content: merged });
            setRevision(merge.revision);
            void doSave(merged, merge.revision);
          }}
        />
      ) : null}
      <nav aria-labelledby="sections-nav">
        <h2 id="sections-nav">{t("plans.editor.sections")}</h2>
        <ul>
          {sections.map((sec) => (
            <li key={sec.id}>
              <a href={`#section-${sec.id}`}>{sectionHeading(detail.plan.type, sec)}</a>
            </li>
          ))}
        </ul>
      </nav>
      {findings({ studentId, planId: detail.plan.id, revision, sectionIds: sections.map((sec) => sec.id) })}
      {sections.map((sec) => (
        <SectionEditor
          key={sec.id}
          heading={sectionHeading(detail.plan.type, sec)}
          spec={sec}
          content={content}
          errors={fieldErrors}
          onChange={change}
        />
      ))}
    </Page>
  );
}

function MergeView({
  type,
  mine,
  theirs,
  onSave,
}: {
  type: PlanType;
  mine: PlanContent;
  theirs: PlanContent;
  onSave: (merged: PlanContent) => void;
}) {
  const keys = [...new Set([...Object.keys(mine), ...Object.keys(theirs)])].filter(
    (k) => !same((mine as Record<string, unknown>)[k], (theirs as Record<string, unknown>)[k]),
  );
  const [choice, setChoice] = useState<Record<string, "mine" | "theirs">>(
    Object.fromEntries(keys.map((k) => [k, "mine"])),
  );
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section aria-labelledby="merge" className="panel" data-testid="merge-view">
      <h2 id="merge" ref={headingRef} tabIndex={-1}>
        {t("plans.merge.heading")}
      </h2>
      <Alert tone="warning">{t("plans.merge.explain")}</Alert>
      {keys.map((k) => {
        const label = sectionTitle(type, k);
        return (
          <fieldset key={k}>
            <legend>{t("plans.merge.section", { section: label })}</legend>
            <div className="merge-columns">
              <div>
                <h3>{t("plans.merge.theirs")}</h3>
                <pre>{JSON.stringify((theirs as Record<string, unknown>)[k], null, 2)}</pre>
              </div>
              <div>
                <h3>{t("plans.merge.yours")}</h3>
                <pre>{JSON.stringify((mine as Record<string, unknown>)[k], null, 2)}</pre>
              </div>
            </div>
            {(["mine", "theirs"] as const).map((c) => (
              <div key={c}>
                <input
                  type="radio"
                  id={`merge-${k}-${c}`}
                  name={`merge-${k}`}
                  checked={choice[k] === c}
                  onChange={() => setChoice({ ...choice, [k]: c })}
                />{" "}
                <label htmlFor={`merge-${k}-${c}`}>
                  {c === "mine" ? t("plans.merge.keepYours") : t("plans.merge.takeTheirs")}
                </label>
              </div>
            ))}
          </fieldset>
        );
      })}
      <Button
        onClick={() => {
          let merged = { ...theirs } as Record<string, unknown>;
          for (const k of keys)
            if (choice[k] === "mine") merged = { ...merged, [k]: (mine as Record<string, unknown>)[k] };
          onSave(merged as PlanContent);
        }}
      >
        {t("plans.merge.save")}
      </Button>
    </section>
  );
}
