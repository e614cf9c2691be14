import type { NavigatorFactsInput } from "@lantern/core";
import { type FormEvent, useState } from "react";
import { Link } from "wouter";
import { paths } from "../../app/paths.ts";
import { useSession } from "../../app/session.tsx";
import { Alert, Button, Field, Select, StatusRegion } from "../../components/ui/index.ts";
import { t } from "../../i18n/t.ts";
import { describeError } from "../../lib/error-message.ts";
import { useRequest } from "../../lib/use-request.ts";
import { listStudentsForSaving, saveResultToRecord } from "./api.ts";

const STAFF = new Set(["district-admin", "school-admin", "case-manager", "section-504-coordinator"]);

/** Staff keep a navigator result with a student's record (through the access path). */
export function SaveToRecordSection({ facts }: { facts: NavigatorFactsInput }) {
  const { user } = useSession();
  const isStaff = user?.roles.some((r) => STAFF.has(r.role)) ?? false;
  if (!isStaff) return null;
  return <SaveForm facts={facts} />;
}

function SaveForm({ facts }: { facts: NavigatorFactsInput }) {
  const students = useRequest("navigator:students", (signal) => listStudentsForSaving(signal));
  const [studentId, setStudentId] = useState("");
  const [error, setError] = useState<string | undefined>(undefined);
  const [saved, setSaved] = useState<{ id: string; name: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!studentId) {
      setError(t("navigator.save.chooseStudent"));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await saveResultToRecord(studentId, facts);
      const s = students.status === "ok" ? students.data.items.find((x) => x.id === studentId) : undefined;
      setSaved({ id: studentId, name: s ? `${s.firstName} ${s.lastName}` : "" });
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="navigator-save" className="panel">
      <h2 id="navigator-save">{t("navigator.save.title")}</h2>
      <p>{t("navigator.save.intro")}</p>
      {students.status === "error" ? <Alert tone="error">{describeError(students.error)}</Alert> : null}
      <form onSubmit={save} noValidate>
        <Field label={t("navigator.save.student")} error={error} required>
          <Select
            value={studentId}
            onChange={(e) => setStudentId(e.target.value)}
            placeholder={t("navigator.save.choose")}
            options={
              students.status === "ok"
                ? students.data.items.map((s) => ({ value: s.id, label: `${s.lastName}, ${s.firstName}` }))
                : []
            }
          />
        </Field>
        <Button type="submit" busy={busy}>
          {t("navigator.save.submit")}
        </Button>
      </form>
      <StatusRegion message={saved ? t("navigator.save.saved", { name: saved.name }) : ""} visible />
      {saved ? (
        <p>
          <Link href={paths.student(saved.id)}>{t("navigator.save.open", { name: saved.name })}</Link>
        </p>
      ) : null}
    </section>
  );
}
