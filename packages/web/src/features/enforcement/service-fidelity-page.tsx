/**
 * Service delivery report for administrators: required vs delivered minutes and minutes owed,
 * grouped by provider, school or district, with a CSV download of the same figures.
 */
import type { FidelityGroup } from "@lantern/core";
import { type FormEvent, useState } from "react";
import { Page } from "../../app/page.tsx";
import { Alert, Button, DataTable, Field, Select, TextInput } from "../../components/ui/index.ts";
import { longDate } from "../../i18n/dates.ts";
import { label } from "../../i18n/labels.ts";
import { t } from "../../i18n/t.ts";
import { describeError } from "../../lib/error-message.ts";
import { useRequest } from "../../lib/use-request.ts";
import { type FidelityQuery, getServiceFidelity, serviceFidelityCsvUrl } from "./api.ts";
import "./enforcement.css";

const GROUPINGS = ["school", "provider", "district"] as const;

export default function ServiceFidelityPage() {
  const [form, setForm] = useState<FidelityQuery>({ by: "school" });
  const [query, setQuery] = useState<FidelityQuery>({ by: "school" });
  const request = useRequest(`fidelity:${JSON.stringify(query)}`, (signal) => getServiceFidelity(query, signal));

  function submit(event: FormEvent) {
    event.preventDefault();
    setQuery({ ...form });
  }

  return (
    <Page title={t("enforcement.fidelity.title")}>
      <p>{t("enforcement.fidelity.intro")}</p>
      <form onSubmit={submit} className="week-nav">
        <Field label={t("enforcement.fidelity.by")}>
          <Select
            value={form.by}
            onChange={(e) => setForm({ ...form, by: e.target.value as FidelityQuery["by"] })}
            options={GROUPINGS.map((g) => ({ value: g, label: label("fidelityGrouping", g) }))}
          />
        </Field>
        <Field label={t("enforcement.fidelity.from")} hint={t("enforcement.fidelity.datesHint")}>
          <TextInput
            type="date"
            value={form.from ?? ""}
            onChange={(e) => {
              const { from: _from, ...rest } = form;
              setForm(e.target.value ? { ...rest, from: e.target.value } : rest);
            }}
          />
        </Field>
        <Field label={t("enforcement.fidelity.through")}>
          <TextInput
            type="date"
            value={form.through ?? ""}
            onChange={(e) => {
              const { through: _through, ...rest } = form;
              setForm(e.target.value ? { ...rest, through: e.target.value } : rest);
            }}
          />
        </Field>
        <Button type="submit">{t("enforcement.fidelity.show")}</Button>
      </form>
      {request.status === "loading" ? <p role="status">{t("common.loading")}</p> : null}
      {request.status === "error" ? (
        <Alert tone="error" title={t("enforcement.fidelity.loadError")}>
          <p>{describeError(request.error)}</p>
        </Alert>
      ) : null}
      {request.status === "ok" ? (
        <>
          <DataTable<FidelityGroup>
            caption={t("enforcement.fidelity.caption", {
              by: label("fidelityGrouping", request.data.by).toLowerCase(),
              from: longDate(request.data.from),
              through: longDate(request.data.through),
            })}
            rows={request.data.groups}
            rowKey={(g) => g.key}
            empty={t("enforcement.fidelity.none")}
            columns={[
              { id: "group", header: t("enforcement.fidelity.column.group"), cell: (g) => g.label, rowHeader: true },
              { id: "students", header: t("enforcement.fidelity.column.students"), cell: (g) => g.students },
              { id: "services", header: t("enforcement.fidelity.column.services"), cell: (g) => g.services },
              { id: "required", header: t("enforcement.fidelity.column.required"), cell: (g) => g.requiredMinutes },
              { id: "delivered", header: t("enforcement.fidelity.column.delivered"), cell: (g) => g.deliveredMinutes },
              { id: "madeUp", header: t("enforcement.fidelity.column.madeUp"), cell: (g) => g.madeUpMinutes },
              { id: "missed", header: t("enforcement.fidelity.column.missed"), cell: (g) => g.missedMinutes },
              { id: "owed", header: t("enforcement.fidelity.column.owed"), cell: (g) => g.compensatoryOwedMinutes },
              {
                id: "fidelity",
                header: t("enforcement.fidelity.column.fidelity"),
                cell: (g) => (g.fidelity === null ? "—" : `${Math.round(g.fidelity * 100)}%`),
              },
              { id: "behind", header: t("enforcement.fidelity.column.behind"), cell: (g) => g.servicesBehindSchedule },
            ]}
          />
          <p>
            <a href={serviceFidelityCsvUrl(query)} download>
              {t("enforcement.fidelity.csv")}
            </a>
          </p>
        </>
      ) : null}
    </Page>
  );
}
