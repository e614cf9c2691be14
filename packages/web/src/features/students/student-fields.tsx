/**
 * The student's own fields (name, date of birth, grade, school, student number), the same when a
 * student is added and when their details are corrected: one label, hint and error per control,
 * and the same checks before anything is sent and the same reading of the server's 4xx.
 */
import { Field, Select, TextInput } from "../../components/ui/index.ts";
import { t } from "../../i18n/t.ts";
import { ApiError } from "../../lib/api-client.ts";
import { describeError } from "../../lib/error-message.ts";

export const STUDENT_FIELDS = ["firstName", "lastName", "dateOfBirth", "grade", "schoolId", "localId"] as const;
export type StudentFieldName = (typeof STUDENT_FIELDS)[number];
export type StudentForm = Record<StudentFieldName, string>;

export const GRADES = ["PK", "TK", "K", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "UG"] as const;

export function gradeLabel(grade: string): string {
  switch (grade) {
    case "PK":
    case "TK":
    case "K":
    case "UG":
      return t(`students.add.grade.${grade}`);
    default:
      return t("students.grade", { grade });
  }
}

/** The names and date of birth a student must have, each missing one named under its field. */
export function missingStudentNames(form: StudentForm): Partial<Record<StudentFieldName, string>> {
  const found: Partial<Record<StudentFieldName, string>> = {};
  const missing = (field: StudentFieldName, label: string) => {
    found[field] = t("students.add.missing", { what: label.toLowerCase() });
  };
  if (!form.firstName.trim()) missing("firstName", t("students.add.firstName"));
  if (!form.lastName.trim()) missing("lastName", t("students.add.lastName"));
  if (!form.dateOfBirth) missing("dateOfBirth", t("students.add.dateOfBirth"));
  return found;
}

/**
 * Shows what went wrong with a save: each problem the server names against a field this form has
 * (its path "guardians/0/email" read as "guardians.0.email") under that field, else the message.
 */
export function showSaveProblems<K extends string>(
  problems: { show: (errors: Partial<Record<K, string>>, general: string | null) => void },
  error: unknown,
  isField: (key: string) => key is K,
): void {
  if (error instanceof ApiError && error.issues.length > 0) {
    const fromServer: Partial<Record<K, string>> = {};
    for (const issue of error.issues) {
      const key = issue.path.split("/").filter(Boolean).join(".");
      if (isField(key) && !fromServer[key]) fromServer[key] = issue.message;
    }
    problems.show(fromServer, Object.keys(fromServer).length > 0 ? null : error.message);
  } else {
    problems.show({}, describeError(error));
  }
}

export function StudentFields({
  ids,
  form,
  onChange,
  errors,
  grades,
  schools,
  dateOfBirthHint,
  gradePlaceholder,
  schoolPlaceholder,
}: {
  ids: Record<StudentFieldName, string>;
  form: StudentForm;
  onChange: (field: StudentFieldName) => (e: { target: { value: string } }) => void;
  errors: Partial<Record<StudentFieldName, string>>;
  grades: readonly string[];
  schools: ReadonlyArray<{ id: string; name: string }>;
  dateOfBirthHint?: string;
  /** A first, empty choice, where the form starts with none chosen. */
  gradePlaceholder?: string;
  schoolPlaceholder?: string;
}) {
  return (
    <>
      <Field id={ids.firstName} label={t("students.add.firstName")} error={errors.firstName} required>
        <TextInput autoComplete="off" value={form.firstName} onChange={onChange("firstName")} />
      </Field>
      <Field id={ids.lastName} label={t("students.add.lastName")} error={errors.lastName} required>
        <TextInput autoComplete="off" value={form.lastName} onChange={onChange("lastName")} />
      </Field>
      <Field
        id={ids.dateOfBirth}
        label={t("students.add.dateOfBirth")}
        hint={dateOfBirthHint}
        error={errors.dateOfBirth}
        required
      >
        <TextInput type="date" value={form.dateOfBirth} onChange={onChange("dateOfBirth")} />
      </Field>
      <Field id={ids.grade} label={t("students.add.grade")} error={errors.grade} required>
        <Select
          value={form.grade}
          onChange={onChange("grade")}
          {...(gradePlaceholder !== undefined ? { placeholder: gradePlaceholder } : {})}
          options={grades.map((g) => ({ value: g, label: gradeLabel(g) }))}
        />
      </Field>
      <Field id={ids.schoolId} label={t("students.add.school")} error={errors.schoolId} required>
        <Select
          value={form.schoolId}
          onChange={onChange("schoolId")}
          {...(schoolPlaceholder !== undefined ? { placeholder: schoolPlaceholder } : {})}
          options={schools.map((s) => ({ value: s.id, label: s.name }))}
        />
      </Field>
      <Field
        id={ids.localId}
        label={t("students.add.localId")}
        hint={t("students.add.localIdHint")}
        error={errors.localId}
      >
        <TextInput autoComplete="off" spellCheck={false} value={form.localId} onChange={onChange("localId")} />
      </Field>
    </>
  );
}
