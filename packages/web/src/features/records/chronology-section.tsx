import { CHRONOLOGY_KINDS, type ChronologyEntry, type ChronologyKind } from "@lantern/core";
import { type FormEvent, useState } from "react";
import { Alert, Button, type Column, DataTable, Field, StatusRegion, TextInput } from "../../components/ui/index.ts";
import { shortDate } from "../../i18n/dates.ts";
import { getLocale, t, tMaybe } from "../../i18n/t.ts";
import { describeError } from "../../lib/error-message.ts";
import { useRequest } from "../../lib/use-request.ts";
import {
  type ChronologyFilter,
  type ComplaintDraft,
  chronologyPdfUrl,
  createComplaintDraft,
  getChronology,
} from "./api.ts";

const kindName = (k: string) => tMaybe(`records.kind.${k}`) ?? k;
/** An entry id as an element id (entry ids carry colons and service names). */
const cssId = (id: string) => id.replace(/[^A-Za-z0-9_-]/g, "_");

/**
 * The case chronology: filters by kind and dates, the table, and its PDF. For the family, each entry
 * can be checked, and the checked entries drafted into a state complaint (34 CFR 300.153).
 */
export function ChronologySection({
  studentId,
  firstName,
  version,
  onDrafted,
}: {
  studentId: string;
  firstName: string;
  version: number;
  /** Set for the family and its advocate: they may draft a complaint from chosen entries. */
  onDrafted?: ((draft: ComplaintDraft) => void) | undefined;
}) {
  const [chosen, setChosen] = useState<string[]>([]);
  const [drafting, setDrafting] = useState(false);
  const [draftStatus, setDraftStatus] = useState("");

  async function draft() {
    if (!onDrafted) return;
    if (chosen.length === 0) {
      setDraftStatus(t("records.complaint.chooseFirst"));
      return;
    }
    setDrafting(true);
    try {
      const created = await createComplaintDraft(studentId, chosen);
      setDraftStatus(t("records.complaint.drafted"));
      setChosen([]);
      onDrafted(created);
    } catch (e) {
      setDraftStatus(describeError(e));
    } finally {
      setDrafting(false);
    }
  }
  const [kinds, setKinds] = useState<ChronologyKind[]>([...CHRONOLOGY_KINDS]);
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [applied, setApplied] = useState<ChronologyFilter>({ kinds: [...CHRONOLOGY_KINDS], from: "", to: "" });
  // The entries' sentences come in the reader's language (core writes them in English and Spanish).
  const key = `chronology:${studentId}:${version}:${getLocale()}:${applied.kinds.join(",")}:${applied.from}:${applied.to}`;
  const chronology = useRequest(key, (signal) => getChronology(studentId, applied, signal));

  function apply(event: FormEvent) {
    event.preventDefault();
    setApplied({ kinds, from, to });
  }

  const columns: Column<ChronologyEntry>[] = [
    { id: "date", header: t("records.chronology.date"), cell: (e) => shortDate(e.date), rowHeader: true },
    { id: "kind", header: t("records.chronology.kind"), cell: (e) => kindName(e.kind) },
    { id: "who", header: t("records.chronology.who"), cell: (e) => e.who },
    {
      id: "what",
      header: t("records.chronology.what"),
      cell: (e) => (
        <span id={`what-${cssId(e.id)}`}>
          {e.outcome === "missed" ? (
            <>
              <strong>{t("records.chronology.missed")}</strong> {e.what}
            </>
          ) : (
            e.what
          )}
        </span>
      ),
    },
    { id: "rule", header: t("records.chronology.rule"), cell: (e) => e.rule ?? "" },
    ...(onDrafted
      ? [
          {
            id: "choose",
            header: t("records.complaint.chooseHeader"),
            cell: (e: ChronologyEntry) => (
              <input
                type="checkbox"
                aria-label={t("records.complaint.choose", { date: shortDate(e.date), kind: kindName(e.kind) })}
                aria-describedby={`what-${cssId(e.id)}`}
                checked={chosen.includes(e.id)}
                onChange={(ev) =>
                  setChosen((all) => (ev.target.checked ? [...all, e.id] : all.filter((x) => x !== e.id)))
                }
              />
            ),
          } satisfies Column<ChronologyEntry>,
        ]
      : []),
  ];

  return (
    <section aria-labelledby="chronology" className="panel">
      <h2 id="chronology">{t("records.chronology.title")}</h2>
      <p>{t("records.chronology.intro", { name: firstName })}</p>
      <form onSubmit={apply} noValidate>
        <fieldset>
          <legend>{t("records.chronology.kinds")}</legend>
          {CHRONOLOGY_KINDS.map((k) => (
            <div className="checkbox-field" key={k}>
              <label>
                <input
                  type="checkbox"
                  checked={kinds.includes(k)}
                  onChange={(e) => setKinds((all) => (e.target.checked ? [...all, k] : all.filter((x) => x !== k)))}
                />{" "}
                {kindName(k)}
              </label>
            </div>
          ))}
        </fieldset>
        <Field label={t("records.chronology.from")}>
          <TextInput type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </Field>
        <Field label={t("records.chronology.to")}>
          <TextInput type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </Field>
        <Button type="submit" variant="secondary">
          {t("records.chronology.apply")}
        </Button>
      </form>
      {chronology.status === "error" ? (
        <Alert tone="error" title={t("records.loadError")}>
          <p>{describeError(chronology.error)}</p>
        </Alert>
      ) : chronology.status === "ok" ? (
        <>
          <p>
            <a href={chronologyPdfUrl(studentId, applied)} download>
              {t("records.chronology.pdf")}
            </a>
          </p>
          {onDrafted ? <p>{t("records.complaint.chooseHint")}</p> : null}
          <DataTable
            caption={t("records.chronology.caption", { count: chronology.data.entries.length })}
            columns={columns}
            rows={chronology.data.entries}
            rowKey={(e) => e.id}
            empty={t("records.chronology.empty")}
          />
          {onDrafted ? (
            <>
              <Button onClick={draft} busy={drafting}>
                {t("records.complaint.draft", { count: chosen.length })}
              </Button>
              <StatusRegion message={draftStatus} visible />
            </>
          ) : null}
        </>
      ) : (
        <p role="status">{t("common.loading")}</p>
      )}
    </section>
  );
}
