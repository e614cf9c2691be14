/** A student's plans: open one, or start an IEP or a Section 504 plan. */
import { useState } from "react";
import { Link, useLocation } from "wouter";
import { Page } from "../../app/page.tsx";
import { paths, type RouteParams } from "../../app/paths.ts";
import { Alert, Button, Field, Select } from "../../components/ui/index.ts";
import { t } from "../../i18n/t.ts";
import { api } from "../../lib/api-client.ts";
import { describeError } from "../../lib/error-message.ts";
import { useRequest } from "../../lib/use-request.ts";
import { type PlanType, plansApi } from "./api.ts";
import { planTypeText, statusText } from "./plan-text.ts";

export default function PlansPage({ params }: { params: RouteParams }) {
  const studentId = params.id ?? "";
  const [, navigate] = useLocation();
  const student = useRequest(`student:${studentId}`, (signal) =>
    api.get<{ firstName: string; lastName: string }>(
      `/api/students/${encodeURIComponent(studentId)}`,
      undefined,
      signal,
    ),
  );
  const list = useRequest(`plans:${studentId}`, (signal) => plansApi.list(studentId, signal));
  const [type, setType] = useState<PlanType>("iep");
  const [carry, setCarry] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = student.status === "ok" ? `${student.data.firstName} ${student.data.lastName}` : "";

  async function start() {
    setBusy(true);
    setError(null);
    try {
      const created = await plansApi.create(studentId, {
        type,
        ...(type === "iep" && carry ? { carryOver504: true } : {}),
      });
      navigate(paths.studentPlanEdit(studentId, created.plan.id));
    } catch (e) {
      setError(describeError(e));
      setBusy(false);
    }
  }

  return (
    <Page title={t("plans.title", { name })}>
      <p>{t("plans.intro")}</p>
      {list.status === "error" ? <Alert tone="error">{describeError(list.error)}</Alert> : null}
      {list.status === "ok" ? (
        list.data.items.length === 0 ? (
          <p>{t("plans.none")}</p>
        ) : (
          <ul className="plain-list" data-testid="plan-list">
            {list.data.items.map((p) => (
              <li key={p.id}>
                <Link href={paths.studentPlan(studentId, p.id)}>
                  {planTypeText(p.type)} — {statusText(p.status)}
                </Link>
              </li>
            ))}
          </ul>
        )
      ) : null}
      {list.status === "ok" && list.data.permissions.write ? (
        <section aria-labelledby="start-plan" className="panel">
          <h2 id="start-plan">{t("plans.start.heading")}</h2>
          {error ? <Alert tone="error">{error}</Alert> : null}
          <Field label={t("plans.start.type")}>
            <Select
              value={type}
              onChange={(e) => setType(e.target.value as PlanType)}
              options={[
                { value: "iep", label: t("plans.start.iep") },
                { value: "section-504", label: t("plans.start.504") },
              ]}
            />
          </Field>
          {type === "iep" && list.status === "ok" && list.data.active504PlanId ? (
            <div className="field">
              <input
                id="carry-over"
                type="checkbox"
                checked={carry}
                onChange={(e) => setCarry(e.target.checked)}
                aria-describedby="carry-over-hint"
              />{" "}
              <label htmlFor="carry-over">{t("plans.start.carryOver")}</label>
              <p id="carry-over-hint" className="field-hint">
                {t("plans.start.carryOverHint")}
              </p>
            </div>
          ) : null}
          <Button onClick={start} busy={busy}>
            {t("plans.start.submit")}
          </Button>
        </section>
      ) : null}
    </Page>
  );
}
