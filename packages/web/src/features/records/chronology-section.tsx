import { CHRONOLOGY_KINDS, type ChronologyEntry, type ChronologyKind } from "@lantern/core";
import { type FormEvent, useState } from "react";
import { Alert, Button, type Column, DataTable, Field, TextInput } from "../../components/ui/index.ts";
import { shortDate } from "../../i18n/dates.ts";
import { t, tMaybe } from "../../i18n/t.ts";
import { describeError } from "../../lib/error-message.ts";
import { useRequest } from "../../lib/use-request.ts";
import { type ChronologyFilter, chronologyPdfUrl, getChronology } from "./api.ts";

const kindName = (k: string) => tMaybe(`records.kind.${k}`) ?? k;

/** The case chronology: filters by kind and dates, the table, and its PDF. */
export function ChronologySection({
  studentId,
  firstName,
  version,
}: {
  studentId: string;
  firstName: string;
  version: number;
}) {
  const [kinds, setKinds] = useState<ChronologyKind[]>([...CHRONOLOGY_KINDS]);
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [applied, setApplied] = useState<ChronologyFilter>({ kinds: [...CHRONOLOGY_KINDS], from: "", to: "" });
  const key = `chronology:${studentId}:${version}:${applied.kinds.join(",")}:${applied.from}:${applied.to}`;
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
      cell: (e) =>
        e.outcome === "missed" ? (
          <>
            <strong>{t("records.chronology.missed")}</strong> {e.what}
          </>
        ) : (
          e.what
        ),
    },
    { id: "rule", header: t("records.chronology.rule"), cell: (e) => e.rule ?? "" },
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
          <DataTable
            caption={t("records.chronology.caption", { count: chronology.data.entries.length })}
            columns={columns}
            rows={chronology.data.entries}
            rowKey={(e) => e.id}
            empty={t("records.chronology.empty")}
          />
        </>
      ) : (
        <p role="status">{t("common.loading")}</p>
      )}
    </section>
  );
}
