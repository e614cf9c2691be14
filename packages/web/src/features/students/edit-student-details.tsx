/**
 * Staff correct a student's details (name, date of birth, grade, school, student number), folded
 * under the facts on the student's page as "Edit details". The schools offered are those where the
 * person may add a student (the server decides who may edit). Every control has its label; a
 * problem is shown under its field and in a summary that takes focus and links to the field; the
 * server's 400 or 409 names the field, shown the same way.
 */
import { type FormEvent, useState } from "react";
import { FormProblems, useProblems } from "../../components/ui/form-problems.tsx";
import { Alert, Button, Field, Select, TextInput } from "../../components/ui/index.ts";
import { t } from "../../i18n/t.ts";
import { ApiError } from "../../lib/api-client.ts";
import { describeError } from "../../lib/error-message.ts";
import { useRequest } from "../../lib/use-request.ts";
import { GRADES, gradeLabel } from "./add-student-page.tsx";
import { editStudentDetails, loadIntakeSchools, type StudentDetail } from "./api.ts";

const FIELDS = ["firstName", "lastName", "dateOfBirth", "grade", "schoolId", "localId"] as const;
type FieldName = (typeof FIELDS)[number];
type Form = Record<FieldName, string>;

const idOf = (field: FieldName) => `edit-student-${field}`;
const IDS = Object.fromEntries(FIELDS.map((f) => [f, idOf(f)])) as Record<FieldName, string>;

const formOf = (s: StudentDetail): Form => ({
  firstName: s.firstName,
  lastName: s.lastName,
  dateOfBirth: s.dateOfBirth,
  grade: s.grade,
  schoolId: s.school.id,
  localId: s.localId ?? "",
});

/** "Edit details": a disclosure whose form loads the schools only once it is opened. */
export function EditStudentDetails({
  student,
  onSaved,
}: {
  student: StudentDetail;
  onSaved: (student: StudentDetail) => void;
}) {
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState("");
  return (
    <details className="edit-student" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t("students.edit.open")}</summary>
      {open ? (
        <EditStudentForm
          student={student}
          onSaved={(saved) => {
            setStatus(t("students.edit.saved", { name: saved.firstName }));
            onSaved(saved);
          }}
        />
      ) : null}
      <p role="status">{status}</p>
    </details>
  );
}

function EditStudentForm({ student, onSaved }: { student: StudentDetail; onSaved: (s: StudentDetail) => void }) {
  const intake = useRequest("student-intake-schools", (signal) => loadIntakeSchools(signal));
  if (intake.status === "loading") return <p role="status">{t("common.loading")}</p>;
  if (intake.status === "error") {
    return (
      <Alert tone="error">
        {intake.error instanceof ApiError && intake.error.status === 403
          ? t("students.edit.notAllowed")
          : describeError(intake.error)}
      </Alert>
    );
  }
  const schools = intake.data.schools.some((s) => s.id === student.school.id)
    ? intake.data.schools
    : [student.school, ...intake.data.schools];
  return <EditStudentFields student={student} schools={schools} onSaved={onSaved} />;
}

export function EditStudentFields({
  student,
  schools,
  onSaved,
}: {
  student: StudentDetail;
  schools: ReadonlyArray<{ id: string; name: string }>;
  onSaved: (s: StudentDetail) => void;
}) {
  const [form, setForm] = useState<Form>(() => formOf(student));
  const [busy, setBusy] = useState(false);
  const problems = useProblems<FieldName>();
  const set = (field: FieldName) => (e: { target: { value: string } }) => setForm({ ...form, [field]: e.target.value });
  const err = (field: FieldName) => problems.errors[field];
  const grades: string[] = GRADES.includes(form.grade as (typeof GRADES)[number])
    ? [...GRADES]
    : [form.grade, ...GRADES];

  function check(): Partial<Record<FieldName, string>> {
    const found: Partial<Record<FieldName, string>> = {};
    const missing = (field: FieldName, label: string) => {
      found[field] = t("students.add.missing", { what: label.toLowerCase() });
    };
    if (!form.firstName.trim()) missing("firstName", t("students.add.firstName"));
    if (!form.lastName.trim()) missing("lastName", t("students.add.lastName"));
    if (!form.dateOfBirth) missing("dateOfBirth", t("students.add.dateOfBirth"));
    return found;
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found = check();
    if (Object.keys(found).length > 0) {
      problems.show(found, null);
      return;
    }
    setBusy(true);
    try {
      const saved = await editStudentDetails(student.id, {
        schoolId: form.schoolId,
        firstName: form.firstName.trim(),
        lastName: form.lastName.trim(),
        dateOfBirth: form.dateOfBirth,
        grade: form.grade,
        localId: form.localId.trim() || null,
      });
      problems.clear();
      setBusy(false);
      onSaved(saved);
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiError && error.issues.length > 0) {
        const fromServer: Partial<Record<FieldName, string>> = {};
        for (const issue of error.issues) {
          const key = issue.path.split("/").filter(Boolean).join(".") as FieldName;
          if (FIELDS.includes(key) && !fromServer[key]) fromServer[key] = issue.message;
        }
        problems.show(fromServer, Object.keys(fromServer).length > 0 ? null : error.message);
      } else {
        problems.show({}, describeError(error));
      }
    }
  }

  return (
    <>
      <FormProblems
        title={t("students.edit.errorTitle")}
        general={problems.general}
        problems={problems.errors}
        ids={IDS}
        summaryRef={problems.summaryRef}
      />
      <form className="form" noValidate onSubmit={onSubmit} aria-label={t("students.edit.title")}>
        <p className="field-hint">{t("students.edit.intro")}</p>
        <Field id={IDS.firstName} label={t("students.add.firstName")} error={err("firstName")} required>
          <TextInput autoComplete="off" value={form.firstName} onChange={set("firstName")} />
        </Field>
        <Field id={IDS.lastName} label={t("students.add.lastName")} error={err("lastName")} required>
          <TextInput autoComplete="off" value={form.lastName} onChange={set("lastName")} />
        </Field>
        <Field
          id={IDS.dateOfBirth}
          label={t("students.add.dateOfBirth")}
          hint={t("students.edit.dateOfBirthHint")}
          error={err("dateOfBirth")}
          required
        >
          <TextInput type="date" value={form.dateOfBirth} onChange={set("dateOfBirth")} />
        </Field>
        <Field id={IDS.grade} label={t("students.add.grade")} error={err("grade")} required>
          <Select
            value={form.grade}
            onChange={set("grade")}
            options={grades.map((g) => ({ value: g, label: gradeLabel(g) }))}
          />
        </Field>
        <Field id={IDS.schoolId} label={t("students.add.school")} error={err("schoolId")} required>
          <Select
            value={form.schoolId}
            onChange={set("schoolId")}
            options={schools.map((s) => ({ value: s.id, label: s.name }))}
          />
        </Field>
        <Field
          id={IDS.localId}
          label={t("students.add.localId")}
          hint={t("students.add.localIdHint")}
          error={err("localId")}
        >
          <TextInput autoComplete="off" spellCheck={false} value={form.localId} onChange={set("localId")} />
        </Field>
        <Button type="submit" busy={busy} busyLabel={t("students.edit.submitting")}>
          {t("students.edit.submit")}
        </Button>
      </form>
    </>
  );
}
