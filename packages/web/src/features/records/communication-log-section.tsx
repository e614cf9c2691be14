import { COMMUNICATION_MODES, type Communication, type CommunicationMode } from "@lantern/core";
import { type FormEvent, useState } from "react";
import {
  Button,
  type Column,
  DataTable,
  Field,
  Select,
  StatusRegion,
  TextArea,
  TextInput,
} from "../../components/ui/index.ts";
import { shortDate } from "../../i18n/dates.ts";
import { t, tMaybe } from "../../i18n/t.ts";
import { useRequest } from "../../lib/use-request.ts";
import { getCommunications, logCommunication } from "./api.ts";
import { attempt, Loaded } from "./record-list-parts.tsx";

const modeName = (m: string) => tMaybe(`records.mode.${m}`) ?? m;

/** The communication log between the family and the school; either side writes in it. */
export function CommunicationLogSection({
  studentId,
  canWrite,
  onChange,
}: {
  studentId: string;
  canWrite: boolean;
  onChange: () => void;
}) {
  const [version, setVersion] = useState(0);
  const list = useRequest(`communications:${studentId}:${version}`, (signal) => getCommunications(studentId, signal));
  const [occurredOn, setOccurredOn] = useState("");
  const [mode, setMode] = useState<CommunicationMode>("phone");
  const [withWhom, setWithWhom] = useState("");
  const [summary, setSummary] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");

  async function add(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const ok = await attempt(
      () => logCommunication(studentId, { occurredOn, mode, withWhom, summary }),
      setErrors,
      setStatus,
    );
    setBusy(false);
    if (!ok) return;
    setStatus(t("records.log.added"));
    setOccurredOn("");
    setWithWhom("");
    setSummary("");
    setVersion((v) => v + 1);
    onChange();
  }

  const columns: Column<Communication>[] = [
    { id: "date", header: t("records.log.date"), cell: (c) => shortDate(c.occurredOn), rowHeader: true },
    { id: "mode", header: t("records.log.mode"), cell: (c) => modeName(c.mode) },
    { id: "with", header: t("records.log.with"), cell: (c) => c.withWhom },
    { id: "summary", header: t("records.log.summary"), cell: (c) => c.summary },
    { id: "by", header: t("records.log.by"), cell: (c) => c.loggedBy },
  ];

  return (
    <section aria-labelledby="communication-log" className="panel">
      <h2 id="communication-log">{t("records.log.title")}</h2>
      <p>{t("records.log.intro")}</p>
      <Loaded state={list}>
        {(data) => (
          <DataTable
            caption={t("records.log.caption")}
            columns={columns}
            rows={data.items}
            rowKey={(c) => c.id}
            empty={t("records.log.none")}
          />
        )}
      </Loaded>
      {canWrite ? (
        <form onSubmit={add} noValidate>
          <Field label={t("records.log.dateLabel")} error={errors.occurredOn} required>
            <TextInput type="date" value={occurredOn} onChange={(e) => setOccurredOn(e.target.value)} />
          </Field>
          <Field label={t("records.log.modeLabel")}>
            <Select
              value={mode}
              onChange={(e) => setMode(e.target.value as CommunicationMode)}
              options={COMMUNICATION_MODES.map((m) => ({ value: m, label: modeName(m) }))}
            />
          </Field>
          <Field label={t("records.log.withLabel")} error={errors.withWhom} required>
            <TextInput value={withWhom} autoComplete="off" onChange={(e) => setWithWhom(e.target.value)} />
          </Field>
          <TextArea
            label={t("records.log.summaryLabel")}
            name="communication-summary"
            value={summary}
            onChange={setSummary}
            {...(errors.summary ? { error: errors.summary } : {})}
          />
          <Button type="submit" busy={busy}>
            {t("records.log.add")}
          </Button>
        </form>
      ) : null}
      <StatusRegion message={status} visible />
    </section>
  );
}
