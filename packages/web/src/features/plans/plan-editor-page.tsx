/**
 * The section-by-section editor of a draft. Every change is kept on this device at once
 * (localStorage) and autosaved to the server shortly after; the status says "Saved" when the
 * server has it. The server refuses a save based on an older revision (409): the merge view then
 * shows, per section, their version and yours, and saves the merged draft.
 */
import {
  FEDERAL_PROGRESS_RULES,
  type IepSectionKey,
  type PlanComplianceView,
  type PlanTranslationView,
  type ProgressRules,
  planProgress,
  type Section504SectionKey,
  type SectionProgress,
  translatableTexts,
  translationsFor,
} from "@lantern/core";
import { type MouseEvent, type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import { Link } from "wouter";
import { Page } from "../../app/page.tsx";
import { paths, type RouteParams } from "../../app/paths.ts";
import { Alert, Button, StatusRegion } from "../../components/ui/index.ts";
import { longDate, timeOfDay } from "../../i18n/dates.ts";
import { label } from "../../i18n/labels.ts";
import { t } from "../../i18n/t.ts";
import { ApiError } from "../../lib/api-client.ts";
import { describeError } from "../../lib/error-message.ts";
import { useRequest } from "../../lib/use-request.ts";
import { type PlanContent, type PlanDetail, type PlanType, plansApi } from "./api.ts";
import { pathKey, placeOf, pointerPath } from "./finding-places.ts";
import { goalBankApi } from "./goal-bank-api.ts";
import { GoalBuilder, type NewGoal } from "./goal-builder.tsx";
import { type SectionSpec, sectionsFor } from "./plan-sections.ts";
import { getPath, planTypeText, sectionHeading, sectionTitle, setPath, statusText } from "./plan-text.ts";
import { fieldId, SectionEditor } from "./section-editor.tsx";
import { TranslationEditor } from "./translation-editor.tsx";

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

type PlanFinding = PlanComplianceView["findings"][number];
/** What the compliance checks tell the editor: the findings, and the state's ages that decide which sections apply. */
export type PlanCheck = { findings: PlanFinding[]; today?: string; stateAges?: ProgressRules | undefined };
/** A link from a finding to its place in the editor; a click moves focus there. */
export type FindingLink = { href: string; onClick: (event: MouseEvent<HTMLAnchorElement>) => void };

/** Where the editor shows what the compliance checks found in the draft; `app/` passes it in. */
export type FindingsPart = (draft: {
  studentId: string;
  planId: string;
  revision: number;
  /** The link from a finding (by its place in the plan) to the field or section it concerns, or null. */
  linkTo: (place: string) => FindingLink | null;
  /** Called with each new result, so the editor shows each finding beside its field. */
  onChecked: (check: PlanCheck) => void;
}) => ReactNode;

type SectionKey = IepSectionKey | Section504SectionKey;

/** Move focus to an element that is not focusable by itself (a heading), for a link to a section. */
function focusElement(el: HTMLElement | null): boolean {
  if (!el) return false;
  if (!el.matches("input, select, textarea, button, a[href]") && !el.hasAttribute("tabindex")) {
    el.setAttribute("tabindex", "-1");
  }
  el.focus();
  return document.activeElement === el;
}

/** The first control whose id starts with this field id (the first field of a goal, of a service…). */
function firstControlUnder(id: string): HTMLElement | null {
  for (const el of document.querySelectorAll<HTMLElement>(`[id^="${id}."]`)) {
    if (el.matches("input, select, textarea")) return el;
  }
  return null;
}

function useNarrowScreen(): boolean {
  const query = "(max-width: 60rem)";
  const [narrow, setNarrow] = useState(() => globalThis.matchMedia?.(query).matches ?? false);
  useEffect(() => {
    const list = globalThis.matchMedia?.(query);
    if (!list) return;
    const update = () => setNarrow(list.matches);
    list.addEventListener("change", update);
    return () => list.removeEventListener("change", update);
  }, []);
  return narrow;
}

function FindingNote({ finding }: { finding: PlanFinding }) {
  return (
    <div
      className={`finding-note finding-note-${finding.severity}`}
      data-testid="finding-note"
      data-place={finding.place}
    >
      <p>
        <strong>{label("severity", finding.severity)}:</strong> {finding.message}{" "}
        <span className="muted">({finding.citation})</span>
      </p>
      <p>{finding.fix}</p>
    </div>
  );
}

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
  const [check, setCheck] = useState<PlanCheck | null>(null);
  const [translations, setTranslations] = useState<PlanTranslationView[]>(detail.translations ?? []);
  const latestDraft = useRef({
    content: initial.content,
    savedContent: detail.version.content,
    revision: initial.revision,
  });
  const [navOpen, setNavOpen] = useState(false);
  const [focusAfterRender, setFocusAfterRender] = useState<string | null>(null);
  const narrow = useNarrowScreen();
  const patterns = useRequest("goal-patterns", (signal) => goalBankApi.list(signal));
  const inFlight = useRef(false);
  useEffect(() => {
    if (!focusAfterRender) return;
    // A new item's group (a fieldset) has the item's id: its first control takes the focus.
    const own = document.getElementById(focusAfterRender);
    const control = own?.matches("input, select, textarea") ? own : firstControlUnder(focusAfterRender);
    focusElement(control ?? own);
    setFocusAfterRender(null);
  }, [focusAfterRender]);
  const lastSavedAt = useRef<string | null>(null);

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
        lastSavedAt.current = timeOfDay(new Date());
        setSave({ kind: "saved", at: lastSavedAt.current });
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
  // Changes that end where the server's copy is (a choice made and taken back) need no save.
  useEffect(() => {
    if (!dirty && save.kind === "unsaved") setSave({ kind: "saved", at: lastSavedAt.current });
  }, [dirty, save.kind]);
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

  const type = detail.plan.type;
  const sections = sectionsFor(type);
  const rules = check?.stateAges ?? FEDERAL_PROGRESS_RULES;
  const progress = planProgress(
    content as unknown as Record<string, unknown>,
    sections.map((sec) => sec.section as SectionKey),
    rules,
    check?.today,
  );
  const stateOf = (sec: SectionSpec): SectionProgress | undefined =>
    progress.sections.find((p) => p.key === sec.section);
  const applies = (sec: SectionSpec) => stateOf(sec)?.state !== "not-applicable";
  const shown = sections.filter(applies);

  // Each finding beside the field it concerns, or under its section's heading.
  const placed = (check?.findings ?? []).map((f) => ({ f, at: placeOf(f.place, shown, content) }));
  // Each free-text field with English in it gets its Spanish translation beside it (decision 0027).
  const texts = new Map(translatableTexts(content).map((x) => [x.pointer, x]));
  const views = new Map(translationsFor(content, translations).map((v) => [v.pointer, v]));
  // Sections are memoized: read the latest draft through a ref, never a closure's old copy.
  latestDraft.current = { content, savedContent, revision };
  const ensureSaved = async () => {
    const draft = latestDraft.current;
    if (!same(draft.content, draft.savedContent)) await doSave(draft.content, draft.revision);
  };
  const notesFor = (path: (string | number)[], fieldLabel: string) => {
    const here = placed.filter((p) => p.at?.field && pathKey(p.at.field) === pathKey(path));
    const pointer = `/${path.join("/")}`;
    const translatable = texts.get(pointer);
    return (
      <>
        {here.map((p) => (
          <FindingNote key={`${p.f.code}-${p.f.place}`} finding={p.f} />
        ))}
        {translatable ? (
          <TranslationEditor
            studentId={studentId}
            planId={detail.plan.id}
            field={translatable.field}
            pointer={pointer}
            controlId={fieldId(path)}
            label={fieldLabel}
            view={views.get(pointer) ?? null}
            beforeSave={ensureSaved}
            onSaved={(saved) => setTranslations((list) => [...list, saved])}
          />
        ) : null}
      </>
    );
  };
  const sectionNotes = (sec: SectionSpec) => {
    const here = placed.filter((p) => p.at?.sectionId === sec.id && p.at.field === null);
    if (here.length === 0) return null;
    return (
      <div className="section-findings">
        <p className="section-findings-count">{t("plans.workspace.findingsHere", { count: here.length })}</p>
        {here.map((p) => (
          <FindingNote key={`${p.f.code}-${p.f.place}`} finding={p.f} />
        ))}
      </div>
    );
  };

  /** Move focus to the place a finding names: its field, the first field under it, or its section. */
  function focusPlace(place: string): void {
    const at = placeOf(place, shown, content);
    if (at?.field && focusElement(document.getElementById(fieldId(at.field)))) return;
    if (focusElement(firstControlUnder(fieldId(pointerPath(place))))) return;
    if (at) focusElement(document.getElementById(`h-${at.sectionId}`));
  }
  const linkTo = (place: string): FindingLink | null => {
    const at = placeOf(place, shown, content);
    if (!at) return null;
    return {
      href: at.field ? `#${fieldId(at.field)}` : `#section-${at.sectionId}`,
      onClick: (event) => {
        event.preventDefault();
        focusPlace(place);
      },
    };
  };

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

  const progressText = t("plans.workspace.progress", { complete: progress.complete, count: progress.total });
  const stateText = (sec: SectionSpec) => {
    const st = stateOf(sec)?.state;
    return st === "complete"
      ? t("plans.workspace.state.complete")
      : st === "incomplete"
        ? t("plans.workspace.state.incomplete")
        : st === "not-applicable"
          ? t("plans.workspace.state.notApplicable")
          : null;
  };
  const notApplicableText = (sec: SectionSpec): string => {
    const na = stateOf(sec)?.notApplicable;
    if (!na) return "";
    const params = { age: na.age, date: longDate(na.turnsOn), citation: na.citation };
    return na.reason === "before-transition-age"
      ? t("plans.workspace.notApplicable.beforeTransitionAge", params)
      : t("plans.workspace.notApplicable.beforeAgeOfMajorityYear", params);
  };
  const goals = (getPath(content, ["goals"]) as unknown[] | undefined) ?? [];
  /** The first section shown that is not complete yet: one link from the top of the page to its first field. */
  const nextToDo = shown.find((sec) => stateOf(sec)?.state === "incomplete") ?? null;
  const studentFirstName = s?.preferredName || s?.firstName || "";

  function addGoal(goal: NewGoal) {
    change(["goals"], [...goals, goal]);
    setFocusAfterRender(fieldId(["goals", goals.length]));
  }

  const navList = (
    <ol id="editor-nav-list" className="editor-nav-list">
      {sections.map((sec, i) => {
        // A section edited in parts that does not apply is listed once.
        if (!applies(sec) && sections.findIndex((o) => o.section === sec.section) !== i) return null;
        const state = stateOf(sec)?.state;
        return (
          <li key={sec.id} className={state ? `nav-${state}` : undefined}>
            <a
              href={`#section-${sec.id}`}
              onClick={(event) => {
                event.preventDefault();
                if (narrow) setNavOpen(false);
                focusElement(document.getElementById(`h-${sec.id}`));
              }}
            >
              {applies(sec) ? sectionHeading(type, sec) : sectionTitle(type, sec.section)}
            </a>
            {stateText(sec) ? <span className="nav-state"> — {stateText(sec)}</span> : null}
          </li>
        );
      })}
    </ol>
  );

  return (
    <Page title={title}>
      <div className="editor-bar">
        <div className="plan-save-status" data-testid="save-status" data-state={save.kind}>
          <StatusRegion message={statusMessage} visible />
        </div>
        <div className="editor-progress">
          <span id="plan-progress" data-testid="plan-progress">
            {progressText}
          </span>
          <progress value={progress.complete} max={Math.max(progress.total, 1)} aria-labelledby="plan-progress" />
        </div>
        {nextToDo ? (
          <a
            href={`#section-${nextToDo.id}`}
            data-testid="next-to-complete"
            onClick={(event) => {
              event.preventDefault();
              if (!focusElement(firstControlUnder(fieldId(nextToDo.path)))) {
                focusElement(document.getElementById(`h-${nextToDo.id}`));
              }
            }}
          >
            {t("plans.workspace.nextToComplete", { section: sectionHeading(type, nextToDo) })}
          </a>
        ) : null}
        <Link href={paths.studentPlan(studentId, detail.plan.id)}>{t("plans.editor.done")}</Link>
      </div>
      {merge ? (
        <MergeView
          type={type}
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
      <div className="editor-layout">
        <nav aria-labelledby="sections-nav" className="editor-nav">
          {narrow ? (
            <>
              <h2 id="sections-nav" className="editor-nav-heading">
                <button
                  type="button"
                  className="editor-nav-toggle"
                  aria-expanded={navOpen}
                  aria-controls="editor-nav-list"
                  onClick={() => setNavOpen(!navOpen)}
                >
                  {t("plans.editor.sections")}
                </button>
              </h2>
              {navOpen ? navList : null}
            </>
          ) : (
            <>
              <h2 id="sections-nav" className="editor-nav-heading">
                {t("plans.editor.sections")}
              </h2>
              {navList}
            </>
          )}
        </nav>
        <div className="editor-main">
          {findings({ studentId, planId: detail.plan.id, revision, linkTo, onChecked: setCheck })}
          {sections.map((sec, i) => {
            if (!applies(sec)) {
              if (sections.findIndex((o) => o.section === sec.section) !== i) return null;
              return (
                <section
                  key={sec.id}
                  id={`section-${sec.id}`}
                  aria-labelledby={`h-${sec.id}`}
                  className="panel section-not-applicable"
                  data-testid={`not-applicable-${sec.section}`}
                >
                  <h2 id={`h-${sec.id}`}>{sectionTitle(type, sec.section)}</h2>
                  <p>{notApplicableText(sec)}</p>
                </section>
              );
            }
            return (
              <div key={sec.id} className="editor-section">
                <SectionEditor
                  heading={sectionHeading(type, sec)}
                  spec={sec}
                  content={content}
                  errors={fieldErrors}
                  onChange={change}
                  sectionNotes={sectionNotes(sec)}
                  notesFor={notesFor}
                  findings={check}
                  translations={translations}
                />
                {sec.id === "goals" && type === "iep" ? (
                  <GoalBuilder
                    studentName={studentFirstName}
                    patterns={patterns.status === "ok" ? patterns.data.patterns : null}
                    goalCount={goals.length}
                    onAdd={addGoal}
                  />
                ) : null}
              </div>
            );
          })}
        </div>
      </div>
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
