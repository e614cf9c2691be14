import { type FormEvent, useState } from "react";
import { Alert, Button, Field, StatusRegion, TextInput } from "../../components/ui/index.ts";
import { t } from "../../i18n/t.ts";
import { ApiError } from "../../lib/api-client.ts";
import { describeError } from "../../lib/error-message.ts";
import { useRequest } from "../../lib/use-request.ts";
import { getAdvocates, linkAdvocate, unlinkAdvocate } from "./api.ts";

/** A guardian shares their child's record with an advocate, or stops (34 CFR 300.622(a)). */
export function AdvocateSharingSection({ studentId }: { studentId: string }) {
  const [version, setVersion] = useState(0);
  const links = useRequest(`advocates:${studentId}:${version}`, (signal) => getAdvocates(studentId, signal));
  const [email, setEmail] = useState("");
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");

  async function share(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await linkAdvocate(studentId, email.trim());
      setStatus(t("sharing.advocates.shared", { email: email.trim() }));
      setEmail("");
      setVersion((v) => v + 1);
    } catch (e) {
      setError(e instanceof ApiError ? (e.issuesFor("advocateEmail")[0]?.message ?? e.message) : describeError(e));
    } finally {
      setBusy(false);
    }
  }

  async function stop(advocateId: string, name: string) {
    await unlinkAdvocate(studentId, advocateId);
    setStatus(t("sharing.advocates.stopped", { name }));
    setVersion((v) => v + 1);
  }

  return (
    <section aria-labelledby="advocate-sharing" className="panel">
      <h2 id="advocate-sharing">{t("sharing.advocates.title")}</h2>
      <p>{t("sharing.advocates.intro")}</p>
      {links.status === "error" ? (
        <Alert tone="error" title={t("sharing.advocates.loadError")}>
          <p>{describeError(links.error)}</p>
        </Alert>
      ) : links.status === "ok" && links.data.items.length === 0 ? (
        <p>{t("sharing.advocates.none")}</p>
      ) : links.status === "ok" ? (
        <ul className="plain-list">
          {links.data.items.map((link) => (
            <li key={link.advocateId}>
              {t("sharing.advocates.item", { name: link.name, email: link.email })}{" "}
              <Button variant="link" onClick={() => stop(link.advocateId, link.name)}>
                {t("sharing.advocates.stop", { name: link.name })}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <form onSubmit={share} noValidate>
        <Field label={t("sharing.advocates.emailLabel")} hint={t("sharing.advocates.emailHint")} error={error} required>
          <TextInput type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} />
        </Field>
        <Button type="submit" busy={busy}>
          {t("sharing.advocates.share")}
        </Button>
      </form>
      <StatusRegion message={status} visible />
    </section>
  );
}
