import { useState } from "react";
import { Link } from "wouter";
import { Page } from "../../app/page.tsx";
import { paths } from "../../app/paths.ts";
import { Alert, Button, StatusRegion } from "../../components/ui/index.ts";
import { dateTime } from "../../i18n/dates.ts";
import { t } from "../../i18n/t.ts";
import { describeError } from "../../lib/error-message.ts";
import { useRequest } from "../../lib/use-request.ts";
import { decideLink, type InboxResponse, loadInbox, markRead, setEmailNotifications } from "./api.ts";

/** The inbox: messages, children a district asks the person to confirm, and the email choice. */
export default function InboxPage() {
  const [version, setVersion] = useState(0);
  const [status, setStatus] = useState("");
  const [error, setError] = useState<string | null>(null);
  const inbox = useRequest(`inbox-${version}`, (signal) => loadInbox(signal));

  const act = async (run: () => Promise<unknown>, done: string) => {
    setError(null);
    try {
      await run();
      setStatus(done);
      setVersion((v) => v + 1);
    } catch (e) {
      setError(describeError(e));
    }
  };

  return (
    <Page title={t("accounts.inbox.title")}>
      <StatusRegion message={status} visible />
      {error ? <Alert tone="error">{error}</Alert> : null}
      {inbox.status === "error" ? <Alert tone="error">{describeError(inbox.error)}</Alert> : null}
      {inbox.status === "ok" ? <InboxContent data={inbox.data} act={act} /> : null}
    </Page>
  );
}

function InboxContent({ data, act }: { data: InboxResponse; act(run: () => Promise<unknown>, done: string): void }) {
  return (
    <>
      {data.guardianLinks.length > 0 ? (
        <section aria-labelledby="links-title" className="panel">
          <h2 id="links-title">{t("accounts.inbox.links.title")}</h2>
          <ul className="link-list">
            {data.guardianLinks.map((l) => {
              const student = `${l.studentFirstName} ${l.studentLastName}`;
              return (
                <li key={l.id}>
                  <p>
                    {t("accounts.inbox.links.text", {
                      district: l.districtName,
                      relationship: l.relationship,
                      student,
                    })}
                  </p>
                  <div className="button-row">
                    <Button
                      onClick={() => act(() => decideLink(l.id, true), t("accounts.inbox.links.accepted", { student }))}
                    >
                      {t("accounts.inbox.links.accept", { student })}
                    </Button>
                    <Button
                      variant="secondary"
                      onClick={() =>
                        act(() => decideLink(l.id, false), t("accounts.inbox.links.declined", { student }))
                      }
                    >
                      {t("accounts.inbox.links.decline", { student })}
                    </Button>
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      {data.notifications.length === 0 ? <p>{t("accounts.inbox.empty")}</p> : null}
      <ul className="inbox-list">
        {data.notifications.map((n) => (
          <li key={n.id} className={n.read ? "inbox-item" : "inbox-item inbox-unread"}>
            <h2 className="inbox-title">
              {n.read ? null : <span className="badge">{t("accounts.inbox.new")}</span>} {n.title}
            </h2>
            <p className="muted">{dateTime(n.createdAt)}</p>
            <p>{n.body}</p>
            <div className="button-row">
              {n.link ? <Link href={n.link}>{t("accounts.inbox.open")}</Link> : null}
              {n.read ? null : (
                <Button variant="secondary" onClick={() => act(() => markRead(n.id), "")}>
                  {t("accounts.inbox.markRead", { title: n.title })}
                </Button>
              )}
            </div>
          </li>
        ))}
      </ul>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={data.emailNotifications}
          onChange={(e) => act(() => setEmailNotifications(e.target.checked), t("accounts.inbox.emailSaved"))}
        />{" "}
        {t("accounts.inbox.email")}
      </label>
    </>
  );
}

/** The inbox on every home page: how many messages are new, the newest, and a link to the inbox. */
export function InboxPanel() {
  const inbox = useRequest("inbox-panel", (signal) => loadInbox(signal));
  if (inbox.status !== "ok") return null;
  const unread = inbox.data.notifications.filter((n) => !n.read);
  const waiting = inbox.data.guardianLinks.length;
  return (
    <section aria-labelledby="inbox-panel-title" className="panel">
      <h2 id="inbox-panel-title">
        <Link href={paths.inbox}>
          {unread.length + waiting > 0
            ? t("accounts.inbox.unread", { count: unread.length + waiting })
            : t("accounts.inbox.link")}
        </Link>
      </h2>
      {waiting > 0 ? (
        <p>
          {t("accounts.inbox.links.title")}: {waiting}
        </p>
      ) : null}
      {unread.length > 0 ? (
        <ul className="link-list">
          {unread.slice(0, 3).map((n) => (
            <li key={n.id}>{n.title}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
