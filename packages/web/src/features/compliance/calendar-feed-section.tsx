import { useState } from "react";
import { Alert, Button, Field, StatusRegion, TextInput } from "../../components/ui/index.ts";
import { t } from "../../i18n/t.ts";
import { describeError } from "../../lib/error-message.ts";
import { createCalendarFeed, revokeCalendarFeed } from "./api.ts";

/** A personal, revocable ICS address for upcoming deadlines. */
export function CalendarFeedSection() {
  const [url, setUrl] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function create() {
    setBusy(true);
    setError(null);
    try {
      const feed = await createCalendarFeed();
      setUrl(new URL(feed.url, window.location.origin).toString());
      setStatus(t("compliance.feed.created"));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  async function revoke() {
    setError(null);
    try {
      await revokeCalendarFeed();
      setUrl(null);
      setStatus(t("compliance.feed.revoked"));
    } catch (e) {
      setError(e);
    }
  }

  return (
    <section aria-labelledby="calendar-feed" className="panel">
      <h2 id="calendar-feed">{t("compliance.feed.title")}</h2>
      <p>{t("compliance.feed.intro")}</p>
      {url ? (
        <Field label={t("compliance.feed.address")}>
          <TextInput readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
        </Field>
      ) : null}
      <div className="button-row">
        <Button variant="secondary" busy={busy} onClick={create}>
          {url ? t("compliance.feed.replace") : t("compliance.feed.create")}
        </Button>{" "}
        <Button variant="secondary" onClick={revoke}>
          {t("compliance.feed.revoke")}
        </Button>
      </div>
      {error ? <Alert tone="error">{describeError(error)}</Alert> : null}
      <StatusRegion message={status} visible />
    </section>
  );
}
