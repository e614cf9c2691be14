/**
 * Warns a signed-in person shortly before their session ends for lack of activity, and lets them
 * stay signed in. A modal dialog (the native <dialog>: focus moves into it, Escape keeps the
 * session, focus goes back where it was). When the time is up the session is asked again; if it
 * has ended the router sends the person to sign in, and a plan being edited keeps its typed text
 * on this device.
 */
import { idleEndAfterSeconds, idleWarningAfterSeconds } from "@lantern/core";
import { useEffect, useRef, useState } from "react";
import { Button } from "../components/ui/index.ts";
import { timeOfDay } from "../i18n/dates.ts";
import { t } from "../i18n/t.ts";
import { useSession } from "./session.tsx";

/** How often the clock is looked at; the warning comes at most this late. */
const TICK_MS = 5_000;

function close(dialog: HTMLDialogElement) {
  if (typeof dialog.close === "function") dialog.close();
  else dialog.removeAttribute("open");
}

export function IdleWarning() {
  const session = useSession();
  const idleMinutes = session.user?.idleMinutes ?? null;
  const { lastActivity, refresh, extend, signOut } = session;
  const [now, setNow] = useState(() => Date.now());
  const dialogRef = useRef<HTMLDialogElement>(null);
  const stayRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef<Element | null>(null);

  useEffect(() => {
    if (idleMinutes === null) return;
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, [idleMinutes]);

  const idleSeconds = (now - lastActivity) / 1000;
  const warn = idleMinutes !== null && idleSeconds >= idleWarningAfterSeconds(idleMinutes);
  const over = idleMinutes !== null && idleSeconds >= idleEndAfterSeconds(idleMinutes);

  useEffect(() => {
    if (over) void refresh();
  }, [over, refresh]);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (warn && !over && !dialog.open) {
      returnFocus.current = document.activeElement;
      if (typeof dialog.showModal === "function") dialog.showModal();
      else dialog.setAttribute("open", "");
      stayRef.current?.focus();
    } else if ((!warn || over) && dialog.open) {
      close(dialog);
    }
  }, [warn, over]);

  if (idleMinutes === null) return null;
  const endsAt = timeOfDay(new Date(lastActivity + idleEndAfterSeconds(idleMinutes) * 1000));

  const stay = async () => {
    if (dialogRef.current) close(dialogRef.current);
    try {
      await extend();
    } finally {
      setNow(Date.now());
      if (returnFocus.current instanceof HTMLElement) returnFocus.current.focus();
    }
  };

  return (
    <dialog
      ref={dialogRef}
      className="idle-warning"
      aria-labelledby="idle-warning-title"
      aria-describedby="idle-warning-body"
      onCancel={(event) => {
        // Escape: the person is here, so keep the session.
        event.preventDefault();
        void stay();
      }}
    >
      <h2 id="idle-warning-title">{t("app.idle.title")}</h2>
      <p id="idle-warning-body">{t("app.idle.body", { minutes: idleMinutes, time: endsAt })}</p>
      <div className="button-row">
        <Button ref={stayRef} onClick={() => void stay()}>
          {t("app.idle.stay")}
        </Button>
        <Button
          variant="secondary"
          onClick={() => {
            if (dialogRef.current) close(dialogRef.current);
            void signOut();
          }}
        >
          {t("app.idle.signOut")}
        </Button>
      </div>
    </dialog>
  );
}
