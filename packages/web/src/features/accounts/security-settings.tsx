import { MAX_IDLE_MINUTES, MIN_IDLE_MINUTES } from "@lantern/core";
import { type FormEvent, useState } from "react";
import { FormProblems, useProblems } from "../../components/ui/form-problems.tsx";
import { Alert, Button, Field, StatusRegion, TextInput } from "../../components/ui/index.ts";
import { t } from "../../i18n/t.ts";
import { ApiError } from "../../lib/api-client.ts";
import { describeError } from "../../lib/error-message.ts";
import { useRequest } from "../../lib/use-request.ts";
import { loadSecuritySettings, type SecuritySettings as Settings, saveSecuritySettings } from "./api.ts";

type SecurityField = "requiredForStaff" | "staffIdleMinutes" | "familyIdleMinutes";
const IDS: Record<SecurityField, string> = {
  requiredForStaff: "security-second-factor",
  staffIdleMinutes: "security-staff-idle",
  familyIdleMinutes: "security-family-idle",
};

/** The district's sign-in security, for district administrators: a second factor for staff, idle limits. */
export function SecuritySettings() {
  const settings = useRequest("security-settings", (signal) => loadSecuritySettings(signal));
  return (
    <section aria-labelledby="security-title" className="panel">
      <h2 id="security-title">{t("accounts.security.title")}</h2>
      <p>{t("accounts.security.intro")}</p>
      {settings.status === "error" ? <Alert tone="error">{describeError(settings.error)}</Alert> : null}
      {settings.status === "ok" ? <SecurityForm initial={settings.data} /> : null}
    </section>
  );
}

function SecurityForm({ initial }: { initial: Settings }) {
  const [required, setRequired] = useState(initial.requiredForStaff);
  const [staff, setStaff] = useState(String(initial.staffIdleMinutes));
  const [family, setFamily] = useState(String(initial.familyIdleMinutes));
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState("");
  const problems = useProblems<SecurityField>();
  const range = { min: MIN_IDLE_MINUTES, max: MAX_IDLE_MINUTES };

  const minutes = (text: string): number | null => {
    if (!/^\d{1,4}$/.test(text.trim())) return null;
    const n = Number(text.trim());
    return n >= MIN_IDLE_MINUTES && n <= MAX_IDLE_MINUTES ? n : null;
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setSaved("");
    const staffIdleMinutes = minutes(staff);
    const familyIdleMinutes = minutes(family);
    const found: Partial<Record<SecurityField, string>> = {};
    if (staffIdleMinutes === null) found.staffIdleMinutes = t("accounts.security.idleInvalid", range);
    if (familyIdleMinutes === null) found.familyIdleMinutes = t("accounts.security.idleInvalid", range);
    if (staffIdleMinutes === null || familyIdleMinutes === null) return problems.show(found, null);
    setBusy(true);
    try {
      const now = await saveSecuritySettings({ requiredForStaff: required, staffIdleMinutes, familyIdleMinutes });
      problems.clear();
      setRequired(now.requiredForStaff);
      setStaff(String(now.staffIdleMinutes));
      setFamily(String(now.familyIdleMinutes));
      setSaved(t("accounts.security.saved"));
    } catch (error) {
      if (error instanceof ApiError && error.issues.length > 0) {
        const fromServer: Partial<Record<SecurityField, string>> = {};
        for (const field of Object.keys(IDS) as SecurityField[]) {
          const issue = error.issuesFor(field)[0];
          if (issue) fromServer[field] = issue.message;
        }
        problems.show(fromServer, Object.keys(fromServer).length > 0 ? null : error.message);
      } else {
        problems.show({}, describeError(error));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <StatusRegion message={saved} visible />
      <FormProblems
        title={t("accounts.security.errorTitle")}
        general={problems.general}
        problems={problems.errors}
        ids={IDS}
        summaryRef={problems.summaryRef}
      />
      <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="security-title">
        <div className="checkbox-field">
          <label htmlFor={IDS.requiredForStaff}>
            <input
              id={IDS.requiredForStaff}
              type="checkbox"
              checked={required}
              aria-describedby={`${IDS.requiredForStaff}-hint`}
              onChange={(e) => setRequired(e.target.checked)}
            />{" "}
            {t("accounts.security.requireSecondFactor")}
          </label>
          <p className="field-hint" id={`${IDS.requiredForStaff}-hint`}>
            {t("accounts.security.requireSecondFactorHint")}
          </p>
        </div>
        <Field
          id={IDS.staffIdleMinutes}
          label={t("accounts.security.staffIdle")}
          hint={t("accounts.security.idleHint", range)}
          error={problems.errors.staffIdleMinutes}
          required
        >
          <TextInput
            inputMode="numeric"
            name="staffIdleMinutes"
            value={staff}
            onChange={(e) => setStaff(e.target.value)}
          />
        </Field>
        <Field
          id={IDS.familyIdleMinutes}
          label={t("accounts.security.familyIdle")}
          hint={t("accounts.security.idleHint", range)}
          error={problems.errors.familyIdleMinutes}
          required
        >
          <TextInput
            inputMode="numeric"
            name="familyIdleMinutes"
            value={family}
            onChange={(e) => setFamily(e.target.value)}
          />
        </Field>
        <Button type="submit" busy={busy} busyLabel={t("accounts.security.saving")}>
          {t("accounts.security.save")}
        </Button>
      </form>
    </>
  );
}
