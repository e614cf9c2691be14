/**
 * Staff correct a student's details (name, date of birth, grade, school, student number), folded
 * under the facts on the student's page as "Edit details". The schools offered are those where the
 * person may add a student (the server decides who may edit). Every control has its label; a
 * problem is shown under its field and in a summary that takes focus and links to the field; the
 * server's 400 or 409 names the field, shown the same way.
 */
import { type FormEvent, useState } from "react";
import { FormProblems, useProblems } from "../../components/ui/form-problems.tsx";
import { Alert, Button } from "../../components/ui/index.ts";
import { t } from "../../i18n/t.ts";
import { ApiError } from "../../lib/api-client.ts";
import { describeError } from "../../lib/error-message.ts";
import { useRequest } from "../../lib/use-request.ts";
import { editStudentDetails, loadIntakeSchools, type StudentDetail } from "./api.ts";
import {
  STUDENT_FIELDS as FIELDS,
  type StudentFieldName as FieldName,
  type StudentForm as Form,
  GRADES,
  missingStudentNames,
  StudentFields,
  showSaveProblems,
} from "./student-fields.tsx";

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
  const grades: string[] = GRADES.includes(form.grade as (typeof GRADES)[number])
    ? [...GRADES]
    : [form.grade, ...GRADES];

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found = missingStudentNames(form);
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
      showSaveProblems(problems, error, (key): key is FieldName => (FIELDS as readonly string[]).includes(key));
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
        <StudentFields
          ids={IDS}
          form={form}
          onChange={set}
          errors={problems.errors}
          grades={grades}
          schools={schools}
          dateOfBirthHint={t("students.edit.dateOfBirthHint")}
        />
        <Button type="submit" busy={busy} busyLabel={t("students.edit.submitting")}>
          {t("students.edit.submit")}
        </Button>
      </form>
    </>
  );
}
