import type { RecordsRequest } from "@lantern/core";
import { type FormEvent, useState } from "react";
import {
  Alert,
  Button,
  type Column,
  DataTable,
  Field,
  Select,
  StatusRegion,
  TextArea,
  TextInput,
} from "../../components/ui/index.ts";
import { longDate, shortDate } from "../../i18n/dates.ts";
import { t, tMaybe } from "../../i18n/t.ts";
import { describeError } from "../../lib/error-message.ts";
import { useRequest } from "../../lib/use-request.ts";
import { addRecordsRequestEvent, createRecordsRequest, getRecordsRequests } from "./api.ts";
import { attempt, Loaded } from "./record-list-parts.tsx";

const label = (prefix: string, code: string) => tMaybe(`records.${prefix}.${code}`) ?? code;

function standing(r: RecordsRequest): string {
  const status = label("event", r.status);
  if (r.clock.daysLate > 0) return `${status}, ${t("records.requests.late", { days: r.clock.daysLate })}`;
  if (r.status === "fulfilled") return `${status}, ${t("records.requests.onTime")}`;
  return `${status}, ${tMaybe(`label.deadlineState.${r.clock.state}`) ?? r.clock.state}`;
}

/** A student's records requests on the clock: the family asks, staff log, acknowledge and provide. */
export function RecordsRequestsSection({
  studentId,
  firstName,
  forFamily,
  forStaff,
  onChange,
}: {
  studentId: string;
  firstName: string;
  forFamily: boolean;
  forStaff: boolean;
  onChange: () => void;
}) {
  const [version, setVersion] = useState(0);
  const list = useRequest(`records-requests:${studentId}:${version}`, (signal) =>
    getRecordsRequests(studentId, signal),
  );
  const [status, setStatus] = useState("");
  const [scope, setScope] = useState("");
  const [channel, setChannel] = useState<"written" | "oral">("written");
  const [receivedOn, setReceivedOn] = useState("");
  const [requester, setRequester] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  function changed(message: string) {
    setStatus(message);
    setVersion((v) => v + 1);
    onChange();
  }

  async function submit(event: FormEvent, body: Parameters<typeof createRecordsRequest>[1], done: string) {
    event.preventDefault();
    setBusy(true);
    setFormError(undefined);
    let dueOn = "";
    const ok = await attempt(
      async () => {
        dueOn = (await createRecordsRequest(studentId, body)).clock.dueDate;
      },
      setErrors,
      setFormError,
    );
    setBusy(false);
    if (!ok) return;
    changed(t(done as "records.requests.asked", { date: longDate(dueOn) }));
    setScope("");
    setReceivedOn("");
    setRequester("");
  }

  async function step(r: RecordsRequest, kind: "acknowledged" | "fulfilled") {
    try {
      await addRecordsRequestEvent(studentId, r.id, { kind });
      changed(t(kind === "fulfilled" ? "records.requests.fulfilled" : "records.requests.acknowledged"));
    } catch (e) {
      setStatus(describeError(e));
    }
  }

  const columns: Column<RecordsRequest>[] = [
    {
      id: "received",
      header: t("records.requests.received"),
      cell: (r) => `${shortDate(r.receivedOn)} · ${label("channel", r.channel)}`,
      rowHeader: true,
    },
    { id: "requester", header: t("records.requests.requester"), cell: (r) => r.requester },
    {
      id: "due",
      header: t("records.requests.due"),
      cell: (r) =>
        t("records.requests.dueText", {
          date: shortDate(r.clock.dueDate),
          limit: t("records.requests.limit", { days: r.clock.limitDays, unit: r.clock.limitUnit }),
          citation: r.clock.citation,
        }),
    },
    { id: "status", header: t("records.requests.status"), cell: standing },
    {
      id: "history",
      header: t("records.requests.history"),
      cell: (r) => (
        <ul className="plain-list">
          {r.events.map((e) => (
            <li key={e.kind}>
              {t("records.requests.event", { kind: label("event", e.kind), date: shortDate(e.on), who: e.who })}
            </li>
          ))}
          {forStaff && r.status !== "fulfilled" ? (
            <li>
              {r.status === "received" ? (
                <Button variant="secondary" onClick={() => step(r, "acknowledged")}>
                  {t("records.requests.acknowledge", { who: r.requester })}
                </Button>
              ) : null}{" "}
              <Button variant="secondary" onClick={() => step(r, "fulfilled")}>
                {t("records.requests.fulfil", { who: r.requester })}
              </Button>
            </li>
          ) : null}
        </ul>
      ),
    },
  ];

  return (
    <section aria-labelledby="records-requests" className="panel">
      <h2 id="records-requests">{t("records.requests.title")}</h2>
      <p>{t("records.requests.intro")}</p>
      <Loaded state={list}>
        {(data) => (
          <DataTable
            caption={t("records.requests.caption")}
            columns={columns}
            rows={data.items}
            rowKey={(r) => r.id}
            empty={t("records.requests.none")}
          />
        )}
      </Loaded>
      {formError ? (
        <Alert tone="error" title={formError}>
          <p>{formError}</p>
        </Alert>
      ) : null}
      {forFamily ? (
        <form
          onSubmit={(e) =>
            submit(e, { channel: "app", ...(scope.trim() ? { scope: scope.trim() } : {}) }, "records.requests.asked")
          }
          noValidate
        >
          <TextArea
            label={t("records.requests.scopeLabel")}
            name="records-scope"
            hint={t("records.requests.scopeHint")}
            value={scope}
            onChange={setScope}
            {...(errors.scope ? { error: errors.scope } : {})}
          />
          <Button type="submit" busy={busy}>
            {t("records.requests.ask", { name: firstName })}
          </Button>
        </form>
      ) : null}
      {forStaff ? (
        <form
          onSubmit={(e) =>
            submit(
              e,
              {
                channel,
                ...(receivedOn ? { receivedOn } : {}),
                ...(requester.trim() ? { requester: requester.trim() } : {}),
              },
              "records.requests.logged",
            )
          }
          noValidate
        >
          <h3>{t("records.requests.logTitle")}</h3>
          <Field label={t("records.requests.channelLabel")}>
            <Select
              value={channel}
              onChange={(e) => setChannel(e.target.value as "written" | "oral")}
              options={[
                { value: "written", label: label("channel", "written") },
                { value: "oral", label: label("channel", "oral") },
              ]}
            />
          </Field>
          <Field label={t("records.requests.receivedLabel")} error={errors.receivedOn} required>
            <TextInput type="date" value={receivedOn} onChange={(e) => setReceivedOn(e.target.value)} />
          </Field>
          <Field label={t("records.requests.requesterLabel")} error={errors.requester} required>
            <TextInput value={requester} autoComplete="off" onChange={(e) => setRequester(e.target.value)} />
          </Field>
          <Button type="submit" busy={busy}>
            {t("records.requests.log")}
          </Button>
        </form>
      ) : null}
      <StatusRegion message={status} visible />
    </section>
  );
}
