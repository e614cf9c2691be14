import { OWABLE_REASONS } from "@lantern/core";
import { type FormEvent, useEffect, useState } from "react";
import { Page } from "../../app/page.tsx";
import { Alert, Button, Field, StatusRegion, TextInput } from "../../components/ui/index.ts";
import { label } from "../../i18n/labels.ts";
import { t } from "../../i18n/t.ts";
import { ApiError } from "../../lib/api-client.ts";
import { describeError } from "../../lib/error-message.ts";
import { useRequest } from "../../lib/use-request.ts";
import { type CompensatoryPolicy, getCompensatoryPolicy, putCompensatoryPolicy } from "./api.ts";

/**
 * The district's compensatory-services policy, explicit and editable by district administrators:
 * which missed sessions the school owes back, and when a service counts as behind schedule.
 */
export default function PolicyPage() {
  const request = useRequest("compensatory-policy", (signal) => getCompensatoryPolicy(signal));
  const [owed, setOwed] = useState<string[]>([]);
  const [percent, setPercent] = useState("90");
  const [error, setError] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (request.status === "ok") {
      setOwed(request.data.owedReasons);
      setPercent(String(Math.round(request.data.behindScheduleThreshold * 100)));
    }
  }, [request]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const value = Number(percent);
    if (!Number.isFinite(value) || value < 0 || value > 100) {
      setError(t("enforcement.policy.percentError"));
      return;
    }
    setError(undefined);
    setFailure(null);
    setBusy(true);
    try {
      const saved = await putCompensatoryPolicy({
        owedReasons: owed as CompensatoryPolicy["owedReasons"],
        behindScheduleThreshold: value / 100,
      });
      setOwed(saved.owedReasons);
      setStatus(t("enforcement.policy.saved"));
    } catch (e) {
      setFailure(e instanceof ApiError ? e.message : describeError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title={t("enforcement.policy.title")}>
      <p className="lead">{t("enforcement.policy.intro")}</p>
      {request.status === "loading" ? <p role="status">{t("common.loading")}</p> : null}
      {request.status === "error" ? <Alert tone="error">{describeError(request.error)}</Alert> : null}
      {request.status === "ok" ? (
        <form onSubmit={submit} noValidate className="panel">
          {failure ? <Alert tone="error">{failure}</Alert> : null}
          <fieldset>
            <legend>{t("enforcement.policy.owedLegend")}</legend>
            <p className="muted">{t("enforcement.policy.owedHint")}</p>
            {OWABLE_REASONS.map((reason) => (
              <div key={reason} className="checkbox-field">
                <label>
                  <input
                    type="checkbox"
                    checked={owed.includes(reason)}
                    onChange={(e) =>
                      setOwed((list) => (e.target.checked ? [...list, reason] : list.filter((r) => r !== reason)))
                    }
                  />{" "}
                  {label("sessionStatus", reason)}
                </label>
              </div>
            ))}
          </fieldset>
          <Field label={t("enforcement.policy.percent")} hint={t("enforcement.policy.percentHint")} error={error}>
            <TextInput inputMode="numeric" value={percent} onChange={(e) => setPercent(e.target.value)} />
          </Field>
          <Button type="submit" busy={busy}>
            {t("enforcement.policy.save")}
          </Button>
          <StatusRegion message={status} visible />
        </form>
      ) : null}
    </Page>
  );
}
