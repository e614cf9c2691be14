import { type DestructionRequest, RETENTION_RECORD_TYPES } from "@lantern/core";
import { type FormEvent, useState } from "react";
import { Alert, Button, DataTable, StatusRegion, TextArea } from "../../components/ui/index.ts";
import { shortDate } from "../../i18n/dates.ts";
import { t, tMaybe } from "../../i18n/t.ts";
import { describeError } from "../../lib/error-message.ts";
import { useRequest } from "../../lib/use-request.ts";
import { createDestructionRequest, getDestructionRequests } from "./api.ts";

const kindName = (type: string) => tMaybe(`records.destroy.kind.${type}`) ?? type;

/**
 * A family asks the school to destroy records about the child that are no longer needed
 * (34 CFR 300.624), and follows each request's status. Staff see the requests here too.
 */
export function DestructionRequestsSection({
  studentId,
  firstName,
  forFamily,
}: {
  studentId: string;
  firstName: string;
  forFamily: boolean;
}) {
  const [version, setVersion] = useState(0);
  const list = useRequest(`destruction-requests:${studentId}:${version}`, (signal) =>
    getDestructionRequests(studentId, signal),
  );
  const [kinds, setKinds] = useState<string[]>([]);
  const [reason, setReason] = useState("");
  const [kindsError, setKindsError] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setStatus("");
    setFailure(null);
    if (kinds.length === 0) {
      setKindsError(t("records.destroy.kindsError"));
      return;
    }
    setKindsError(undefined);
    setBusy(true);
    try {
      await createDestructionRequest(studentId, {
        recordTypes: kinds as DestructionRequest["recordTypes"],
        reason,
      });
      setKinds([]);
      setReason("");
      setStatus(t("records.destroy.sent"));
      setVersion((v) => v + 1);
    } catch (e) {
      setFailure(describeError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="destruction-requests" className="panel">
      <h2 id="destruction-requests">{t("records.destroy.title")}</h2>
      <p>{t("records.destroy.intro", { name: firstName })}</p>
      {forFamily ? (
        <form onSubmit={submit} noValidate>
          {failure ? <Alert tone="error">{failure}</Alert> : null}
          <fieldset aria-describedby={kindsError ? "destroy-kinds-error" : undefined}>
            <legend>{t("records.destroy.kinds")}</legend>
            {kindsError ? (
              <p className="field-error" id="destroy-kinds-error">
                {kindsError}
              </p>
            ) : null}
            {RETENTION_RECORD_TYPES.map((k) => (
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
          <TextArea
            label={t("records.destroy.reason")}
            hint={t("records.destroy.reasonHint")}
            name="reason"
            value={reason}
            onChange={setReason}
          />
          <Button type="submit" busy={busy}>
            {t("records.destroy.send")}
          </Button>
          <StatusRegion message={status} visible />
        </form>
      ) : null}
      {list.status === "error" ? <Alert tone="error">{describeError(list.error)}</Alert> : null}
      {list.status === "ok" ? (
        <DataTable
          caption={t("records.destroy.caption")}
          rows={list.data.items}
          rowKey={(r) => r.id}
          empty={t("records.destroy.empty")}
          columns={[
            {
              id: "asked",
              header: t("records.destroy.asked"),
              cell: (r) => shortDate(r.requestedAt.slice(0, 10)),
              rowHeader: true,
            },
            { id: "kinds", header: t("records.destroy.kinds"), cell: (r) => r.recordTypes.map(kindName).join(", ") },
            {
              id: "status",
              header: t("records.destroy.status"),
              cell: (r) =>
                [tMaybe(`records.destroy.status.${r.status}`) ?? r.status, r.statusNote].filter(Boolean).join(": "),
            },
          ]}
        />
      ) : null}
    </section>
  );
}
