/**
 * Beside a free-text field of the plan, its Spanish translation (decision 0027): who translated it
 * and when, whether the English changed after, and "Add Spanish translation" to write or update
 * it. The translation is saved at once, on its own (not with the draft's autosave), after the
 * English it translates has been saved. By keyboard: the button opens the box and moves focus to
 * it; Escape or Cancel closes it; saving closes it, says so, and gives focus back to the button.
 */
import type { PlanTranslationView } from "@lantern/core";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Button, TextArea } from "../../components/ui/index.ts";
import { t } from "../../i18n/t.ts";
import { ApiError } from "../../lib/api-client.ts";
import { describeError } from "../../lib/error-message.ts";
import { plansApi } from "./api.ts";
import { translatedBy } from "./team-words.tsx";

export type TranslationEditorProps = {
  studentId: string;
  planId: string;
  /** The field's stable key (item ids) and its place in this version (the control's id comes from it). */
  field: string;
  pointer: string;
  /** The control's id of the English field, and its label. */
  controlId: string;
  label: string;
  view: PlanTranslationView | null;
  /** Saves the English first, so the translation is kept with the English it translates. */
  beforeSave: () => Promise<void>;
  onSaved: (view: PlanTranslationView) => void;
};

export function TranslationEditor(props: TranslationEditorProps) {
  const { view, controlId, label } = props;
  const [open, setOpen] = useState(false);
  const [text, setText] = useState(view?.text ?? "");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [announce, setAnnounce] = useState("");
  const toggle = useRef<HTMLButtonElement>(null);
  const boxId = `${controlId}-es`;
  const focusBox = useRef(false);
  // Focus moves into the box when it opens, and back to its button when it closes (after the redraw).
  const focusToggle = useRef(false);
  useEffect(() => {
    if (open && focusBox.current) {
      document.getElementById(boxId)?.focus();
      focusBox.current = false;
    }
    if (!open && focusToggle.current) {
      toggle.current?.focus();
      focusToggle.current = false;
    }
  }, [open, boxId]);

  function close() {
    focusToggle.current = true;
    setOpen(false);
    setError(undefined);
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (text.trim() === "") {
      setError(t("plans.editor.translation.empty"));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await props.beforeSave();
      const saved = await plansApi.saveTranslation(props.studentId, props.planId, {
        field: props.field,
        language: "es",
        text,
      });
      props.onSaved(saved);
      setAnnounce(t("plans.editor.translation.saved"));
      close();
    } catch (e) {
      setError(e instanceof ApiError && e.issues[0] ? e.issues[0].message : describeError(e));
    } finally {
      setBusy(false);
    }
  }

  // Escape anywhere in the open box closes it, as Cancel does.
  const form = useRef<HTMLFormElement>(null);
  const closeRef = useRef(close);
  closeRef.current = close;
  useEffect(() => {
    const element = form.current;
    if (!open || !element) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      event.preventDefault();
      event.stopPropagation();
      closeRef.current();
    };
    element.addEventListener("keydown", onKeyDown);
    return () => element.removeEventListener("keydown", onKeyDown);
  }, [open]);

  return (
    <div className="translation" data-testid="translation" data-pointer={props.pointer}>
      {view ? (
        <div className="translation-current">
          <p>
            <strong>{t("plans.editor.translation.heading")}</strong> <span lang={view.language}>{view.text}</span>
          </p>
          <p className="muted" data-testid="translated-by">
            {translatedBy(view)}
          </p>
          {view.current ? null : (
            <p className="translation-out-of-date" data-testid="translation-out-of-date">
              {t("plans.editor.translation.outOfDate")}
            </p>
          )}
        </div>
      ) : null}
      {open ? (
        <form className="translation-form" onSubmit={save} ref={form}>
          <TextArea
            id={boxId}
            name={boxId}
            label={t("plans.editor.translation.label", { field: label })}
            hint={t("plans.editor.translation.hint")}
            value={text}
            lang="es"
            onChange={setText}
            {...(error ? { error } : {})}
          />
          <div className="button-row">
            <Button type="submit" busy={busy} busyLabel={t("plans.editor.translation.saving")}>
              {t("plans.editor.translation.save")}
            </Button>
            <Button variant="secondary" onClick={close}>
              {t("plans.editor.translation.cancel")}
            </Button>
          </div>
        </form>
      ) : (
        <Button
          ref={toggle}
          variant="secondary"
          aria-label={t(view ? "plans.editor.translation.editFor" : "plans.editor.translation.addFor", {
            field: label,
          })}
          onClick={() => {
            setText(view?.text ?? "");
            focusBox.current = true;
            setOpen(true);
          }}
        >
          {view ? t("plans.editor.translation.edit") : t("plans.editor.translation.add")}
        </Button>
      )}
      <p className="visually-hidden" role="status">
        {announce}
      </p>
    </div>
  );
}
