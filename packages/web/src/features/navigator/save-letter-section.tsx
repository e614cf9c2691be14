import type { LetterRequestInput } from "@lantern/core";
import { type FormEvent, useState } from "react";
import { useSession } from "../../app/session.tsx";
import { Alert, Button, Field, Select, StatusRegion } from "../../components/ui/index.ts";
import { t } from "../../i18n/t.ts";
import { describeError } from "../../lib/error-message.ts";
import { useRequest } from "../../lib/use-request.ts";
import { listStudentsForSaving, saveLetterToRecord } from "./api.ts";

/**
 * A parent keeps a letter with the child's record, only when they choose to (through the access
 * path: the save is in the record of access and the audit trail). On the child's own page the
 * child is known; in the navigator the parent picks which child.
 */
export function SaveLetterSection({
  request,
  student,
  onSaved,
}: {
  request: LetterRequestInput;
  student?: { id: string; name: string } | undefined;
  onSaved?: (() => void) | undefined;
}) {
  const { user } = useSession();
  const isGuardian = user?.roles.some((r) => r.role === "guardian") ?? false;
  if (!isGuardian) return null;
  return student ? (
    <SaveForm request={request} fixed={student} onSaved={onSaved} />
  ) : (
    <PickAndSave request={request} onSaved={onSaved} />
  );
}

function PickAndSave({ request, onSaved }: { request: LetterRequestInput; onSaved?: (() => void) | undefined }) {
  const students = useRequest("navigator:letter-students", (signal) => listStudentsForSaving(signal));
  if (students.status === "error") return <Alert tone="error">{describeError(students.error)}</Alert>;
  const options =
    students.status === "ok"
      ? students.data.items.map((s) => ({ value: s.id, label: `${s.firstName} ${s.lastName}` }))
      : [];
  return <SaveForm request={request} options={options} onSaved={onSaved} />;
}

function SaveForm({
  request,
  fixed,
  options,
  onSaved,
}: {
  request: LetterRequestInput;
  fixed?: { id: string; name: string };
  options?: Array<{ value: string; label: string }>;
  onSaved?: (() => void) | undefined;
}) {
  const [studentId, setStudentId] = useState(fixed?.id ?? "");
  const [error, setError] = useState<string | undefined>(undefined);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!studentId) {
      setError(t("navigator.letter.save.chooseChild"));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await saveLetterToRecord(studentId, request);
      const name = fixed?.name ?? options?.find((o) => o.value === studentId)?.label ?? "";
      setSaved(name);
      onSaved?.();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={save} noValidate className="navigator-save-letter no-print" aria-labelledby="letter-save-title">
      <h3 id="letter-save-title">{t("navigator.letter.save.title")}</h3>
      <p>{t("navigator.letter.save.intro")}</p>
      {fixed ? (
        error ? (
          <Alert tone="error">{error}</Alert>
        ) : null
      ) : (
        <Field label={t("navigator.letter.save.child")} error={error} required>
          <Select
            value={studentId}
            onChange={(e) => setStudentId(e.target.value)}
            placeholder={t("navigator.letter.save.choose")}
            options={options ?? []}
          />
        </Field>
      )}
      <Button type="submit" busy={busy}>
        {fixed ? t("navigator.letter.save.submitFor", { name: fixed.name }) : t("navigator.letter.save.submit")}
      </Button>
      <StatusRegion message={saved !== null ? t("navigator.letter.save.saved", { name: saved }) : ""} visible />
    </form>
  );
}
