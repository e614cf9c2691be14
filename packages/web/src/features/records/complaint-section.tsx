/**
 * The family's state complaint drafts (34 CFR 300.153): the newest opens for editing — every field
 * of 300.153(b), what is still missing, the evidence from the record, the one-year limit, where to
 * send it and a copy to the district — with its PDF. General information, not legal advice. What
 * Lantern says of the draft (what is still to fill in, where to send it) is core's, in the page's
 * language; the family's words stay as written.
 */
import { type ComplaintLanguage, type ComplaintText, complaintGaps, complaintRecipients } from "@lantern/core";
import { type FormEvent, useEffect, useState } from "react";
import { Alert, Button, Field, StatusRegion, TextArea, TextInput } from "../../components/ui/index.ts";
import { longDate, shortDate } from "../../i18n/dates.ts";
import { getLocale, t, tMaybe } from "../../i18n/t.ts";
import { ApiError } from "../../lib/api-client.ts";
import { describeError } from "../../lib/error-message.ts";
import { useRequest } from "../../lib/use-request.ts";
import { type ComplaintDraft, complaintPdfUrl, getComplaintDrafts, saveComplaintDraft } from "./api.ts";

const kindName = (k: string) => tMaybe(`records.kind.${k}`) ?? k;

export function ComplaintSection({
  studentId,
  version,
  latest,
}: {
  studentId: string;
  version: number;
  /** A draft just made from the chronology: opened at once. */
  latest: ComplaintDraft | null;
}) {
  const drafts = useRequest(`complaints:${studentId}:${version}`, (signal) => getComplaintDrafts(studentId, signal));
  const [openId, setOpenId] = useState<string | null>(null);
  useEffect(() => {
    if (latest) setOpenId(latest.id);
  }, [latest]);
  if (drafts.status === "error") {
    return (
      <section aria-labelledby="complaint" className="panel">
        <h2 id="complaint">{t("records.complaint.title")}</h2>
        <Alert tone="error" title={t("records.loadError")}>
          <p>{describeError(drafts.error)}</p>
        </Alert>
      </section>
    );
  }
  if (drafts.status !== "ok") return null;
  const items = drafts.data.items;
  if (items.length === 0) return null;
  const open = items.find((d) => d.id === openId) ?? items[0];
  if (!open) return null;
  return (
    <section aria-labelledby="complaint" className="panel">
      <h2 id="complaint">{t("records.complaint.title")}</h2>
      <p>{t("records.complaint.intro")}</p>
      <Alert tone="info">
        <p>{t("records.complaint.notAdvice")}</p>
        <p>{t("records.complaint.private")}</p>
      </Alert>
      <ComplaintEditor key={`${open.id}:${open.revision}`} studentId={studentId} draft={open} />
      {items.length > 1 ? (
        <>
          <h3>{t("records.complaint.others")}</h3>
          <ul>
            {items
              .filter((d) => d.id !== open.id)
              .map((d) => (
                <li key={d.id}>
                  <Button variant="secondary" onClick={() => setOpenId(d.id)}>
                    {t("records.complaint.open", { date: longDate(d.createdAt.slice(0, 10)) })}
                  </Button>
                </li>
              ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function ComplaintEditor({ studentId, draft: initial }: { studentId: string; draft: ComplaintDraft }) {
  const [draft, setDraft] = useState(initial);
  const [text, setText] = useState<ComplaintText>(initial.text);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");
  const tooOld = new Set(draft.timeLimit.tooOld);

  const set = (patch: Partial<ComplaintText>) => setText((v) => ({ ...v, ...patch }));
  const setChild = (patch: Partial<ComplaintText["child"]>) =>
    setText((v) => ({ ...v, child: { ...v.child, ...patch } }));
  const setYou = (patch: Partial<ComplaintText["complainant"]>) =>
    setText((v) => ({ ...v, complainant: { ...v.complainant, ...patch } }));

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    try {
      const saved = await saveComplaintDraft(studentId, draft.id, { revision: draft.revision, text });
      setDraft(saved);
      setText(saved.text);
      setStatus(t("records.complaint.saved"));
    } catch (e) {
      if (e instanceof ApiError && e.issues.length > 0) {
        setErrors(Object.fromEntries(e.issues.map((i) => [i.path.replace(/^\/(text\/)?/, ""), i.message])));
      }
      setStatus(describeError(e));
    } finally {
      setBusy(false);
    }
  }

  const err = (k: string) => (errors[k] ? { error: errors[k] } : {});
  // Core's words in the page's language: the server's are English (the saved draft's gaps, its recipients).
  const lang: ComplaintLanguage = getLocale() === "es" ? "es" : "en";
  const gaps = lang === "en" ? draft.gaps : complaintGaps(draft.text, lang);
  const sendTo = lang === "en" ? draft.sendTo : complaintRecipients(draft.district.state, draft.district.name, lang);
  return (
    <>
      {gaps.length > 0 ? (
        <>
          <h3>{t("records.complaint.gaps")}</h3>
          <ul data-testid="complaint-gaps">
            {gaps.map((g) => (
              <li key={g.field}>
                {g.message} ({g.citation})
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <form onSubmit={save} noValidate>
        <TextArea
          label={t("records.complaint.violation")}
          name="complaint-violation"
          value={text.violation}
          onChange={(v) => set({ violation: v })}
          {...err("violation")}
        />
        <TextArea
          label={t("records.complaint.facts")}
          name="complaint-facts"
          value={text.facts}
          onChange={(v) => set({ facts: v })}
          {...err("facts")}
        />
        <TextArea
          label={t("records.complaint.resolution")}
          name="complaint-resolution"
          value={text.resolution}
          onChange={(v) => set({ resolution: v })}
          {...err("resolution")}
        />
        <fieldset>
          <legend>{t("records.complaint.child")}</legend>
          <Field label={t("records.complaint.childName")} error={errors["child/name"]}>
            <TextInput
              value={text.child.name}
              autoComplete="off"
              onChange={(e) => setChild({ name: e.target.value })}
            />
          </Field>
          <Field label={t("records.complaint.childAddress")} error={errors["child/address"]}>
            <TextInput
              value={text.child.address}
              autoComplete="street-address"
              onChange={(e) => setChild({ address: e.target.value })}
            />
          </Field>
          <Field label={t("records.complaint.childSchool")} error={errors["child/school"]}>
            <TextInput
              value={text.child.school}
              autoComplete="off"
              onChange={(e) => setChild({ school: e.target.value })}
            />
          </Field>
        </fieldset>
        <fieldset>
          <legend>{t("records.complaint.you")}</legend>
          <Field label={t("records.complaint.yourName")} error={errors["complainant/name"]}>
            <TextInput
              value={text.complainant.name}
              autoComplete="name"
              onChange={(e) => setYou({ name: e.target.value })}
            />
          </Field>
          <Field label={t("records.complaint.relationship")} error={errors["complainant/relationship"]}>
            <TextInput
              value={text.complainant.relationship}
              autoComplete="off"
              onChange={(e) => setYou({ relationship: e.target.value })}
            />
          </Field>
          <Field label={t("records.complaint.address")} error={errors["complainant/address"]}>
            <TextInput
              value={text.complainant.address}
              autoComplete="street-address"
              onChange={(e) => setYou({ address: e.target.value })}
            />
          </Field>
          <Field label={t("records.complaint.phone")} error={errors["complainant/phone"]}>
            <TextInput
              type="tel"
              value={text.complainant.phone}
              autoComplete="tel"
              onChange={(e) => setYou({ phone: e.target.value })}
            />
          </Field>
          <Field label={t("records.complaint.email")} error={errors["complainant/email"]}>
            <TextInput
              type="email"
              value={text.complainant.email}
              autoComplete="email"
              onChange={(e) => setYou({ email: e.target.value })}
            />
          </Field>
        </fieldset>
        <Button type="submit" busy={busy}>
          {t("records.complaint.save")}
        </Button>
        <StatusRegion message={status} visible />
      </form>
      <p>
        <a href={complaintPdfUrl(studentId, draft.id)} download>
          {t("records.complaint.pdf")}
        </a>
        {getLocale() === "en" ? (
          <>
            {" · "}
            <a href={complaintPdfUrl(studentId, draft.id, "es")} hrefLang="es" download>
              {t("records.complaint.pdfSpanish")}
            </a>
          </>
        ) : null}
      </p>
      <h3>{t("records.complaint.evidence")}</h3>
      <p>{t("records.complaint.evidenceIntro")}</p>
      <ul data-testid="complaint-evidence">
        {draft.evidence.map((ev) => (
          <li key={ev.entry.id}>
            <strong>
              {shortDate(ev.entry.date)}, {kindName(ev.entry.kind)}:
            </strong>{" "}
            {tooOld.has(ev.entry.id) ? t("records.complaint.tooOld", { what: ev.entry.what }) : ev.entry.what}
            {ev.details.length > 0 ? (
              <ul>
                {ev.details.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
      <p>{t("records.complaint.oneYear", { date: longDate(draft.timeLimit.earliest) })}</p>
      <p>{t("records.complaint.howToSend")}</p>
      <ul>
        <li data-testid="complaint-send-to">{t("records.complaint.sendTo", { agency: sendTo.agency })}</li>
        <li>{t("records.complaint.copyTo", { district: sendTo.copyTo })}</li>
      </ul>
    </>
  );
}
