/**
 * Add a student: a case manager, Section 504 coordinator or administrator enters one student and
 * up to two parents or guardians, at a school they serve (the server decides; the schools offered
 * are the ones it allows). Every control has its label; a problem is shown under its field and in
 * a summary that takes focus and links to the field; the server's 4xx names the field, shown the
 * same way. When the student is added, their plans page opens, where the first plan is started.
 */
import { FAMILY_LANGUAGES } from "@lantern/core";
import { type FormEvent, useState } from "react";
import { useLocation } from "wouter";
import { Page } from "../../app/page.tsx";
import { paths } from "../../app/paths.ts";
import { FormProblems, useProblems } from "../../components/ui/form-problems.tsx";
import { Alert, Button, Field, Select, TextInput } from "../../components/ui/index.ts";
import { getLocale, t } from "../../i18n/t.ts";
import { ApiError } from "../../lib/api-client.ts";
import { describeError } from "../../lib/error-message.ts";
import { useRequest } from "../../lib/use-request.ts";
import { type AddStudentRequestBody, addStudent, loadIntakeSchools, type StudentIntakeSchools } from "./api.ts";
import {
  GRADES,
  missingStudentNames,
  type StudentFieldName,
  StudentFields,
  type StudentForm,
  showSaveProblems,
} from "./student-fields.tsx";

const GUARDIAN_FIELDS = ["firstName", "lastName", "email", "relationship", "preferredLanguage"] as const;
type GuardianField = (typeof GUARDIAN_FIELDS)[number];
/** The guardian's text fields, and whether they need an interpreter at meetings (34 CFR 300.322(e)). */
type Guardian = Record<GuardianField, string> & { interpreterNeeded: boolean };

/** A problem's key: a student field ("dateOfBirth") or a guardian's ("guardians.0.email"), as the server's paths. */
type ProblemKey = string;

const idOf = (key: ProblemKey) => `student-${key.replace(/\./g, "-")}`;

function languageName(code: string): string {
  try {
    return new Intl.DisplayNames([getLocale()], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

const emptyGuardian = (): Guardian => ({
  firstName: "",
  lastName: "",
  email: "",
  relationship: "",
  preferredLanguage: "en",
  interpreterNeeded: false,
});

export default function AddStudentPage() {
  const intake = useRequest("student-intake-schools", (signal) => loadIntakeSchools(signal));
  return (
    <Page title={t("students.add.title")}>
      <p>{t("students.add.intro")}</p>
      {intake.status === "error" ? (
        <Alert tone="error">
          {intake.error instanceof ApiError && intake.error.status === 403
            ? t("students.add.notAllowed")
            : describeError(intake.error)}
        </Alert>
      ) : null}
      {intake.status === "ok" ? <AddStudentForm intake={intake.data} /> : null}
    </Page>
  );
}

export function AddStudentForm({ intake }: { intake: StudentIntakeSchools }) {
  const [, navigate] = useLocation();
  const onlySchool = intake.schools.length === 1 ? (intake.schools[0]?.id ?? "") : "";
  const [student, setStudent] = useState<StudentForm>({
    firstName: "",
    lastName: "",
    dateOfBirth: "",
    grade: "",
    schoolId: onlySchool,
    localId: "",
  });
  const [guardians, setGuardians] = useState<Guardian[]>([emptyGuardian()]);
  const [busy, setBusy] = useState(false);
  const problems = useProblems<ProblemKey>();
  const ids: Record<ProblemKey, string> & Record<StudentFieldName, string> = {
    firstName: idOf("firstName"),
    lastName: idOf("lastName"),
    dateOfBirth: idOf("dateOfBirth"),
    grade: idOf("grade"),
    schoolId: idOf("schoolId"),
    localId: idOf("localId"),
  };
  guardians.forEach((_, i) => {
    for (const f of [...GUARDIAN_FIELDS, "interpreterNeeded"]) ids[`guardians.${i}.${f}`] = idOf(`guardians.${i}.${f}`);
  });

  const setField = (field: keyof StudentForm) => (e: { target: { value: string } }) =>
    setStudent({ ...student, [field]: e.target.value });
  const setGuardian = (i: number, field: GuardianField) => (e: { target: { value: string } }) =>
    setGuardians(guardians.map((g, j) => (j === i ? { ...g, [field]: e.target.value } : g)));

  /** What is missing or malformed before anything is sent. */
  function check(): Record<ProblemKey, string> {
    const found: Record<ProblemKey, string> = { ...missingStudentNames(student) };
    const missing = (key: string, what: string) => {
      found[key] = t("students.add.missing", { what });
    };
    if (!student.grade) found.grade = t("students.add.choose", { what: t("students.add.grade").toLowerCase() });
    if (!student.schoolId) found.schoolId = t("students.add.choose", { what: t("students.add.school").toLowerCase() });
    guardians.forEach((g, i) => {
      const n = i + 1;
      if (!g.firstName.trim()) missing(`guardians.${i}.firstName`, t("students.add.guardianFirstName", { n }));
      if (!g.lastName.trim()) missing(`guardians.${i}.lastName`, t("students.add.guardianLastName", { n }));
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(g.email.trim()))
        found[`guardians.${i}.email`] = t("students.add.emailInvalid");
      if (!g.relationship.trim())
        missing(`guardians.${i}.relationship`, t("students.add.guardianRelationship", { n }).toLowerCase());
    });
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
    const body: AddStudentRequestBody = {
      schoolId: student.schoolId,
      firstName: student.firstName.trim(),
      lastName: student.lastName.trim(),
      dateOfBirth: student.dateOfBirth,
      grade: student.grade,
      localId: student.localId.trim() || null,
      guardians: guardians.map((g) => ({
        firstName: g.firstName.trim(),
        lastName: g.lastName.trim(),
        email: g.email.trim(),
        relationship: g.relationship.trim(),
        preferredLanguage: g.preferredLanguage,
        interpreterNeeded: g.interpreterNeeded,
      })),
    };
    setBusy(true);
    try {
      const added = await addStudent(body);
      navigate(paths.studentPlans(added.id));
    } catch (error) {
      setBusy(false);
      showSaveProblems(problems, error, (key): key is ProblemKey => key in ids);
    }
  }

  const err = (key: ProblemKey) => problems.errors[key];

  return (
    <>
      {intake.joinsCaseload ? <p>{t("students.add.joinsCaseload")}</p> : null}
      <FormProblems
        title={t("students.add.errorTitle")}
        general={problems.general}
        problems={problems.errors}
        ids={ids}
        summaryRef={problems.summaryRef}
      />
      <form className="form" noValidate onSubmit={onSubmit} aria-label={t("students.add.title")}>
        <fieldset>
          <legend>{t("students.add.student")}</legend>
          <StudentFields
            ids={ids}
            form={student}
            onChange={setField}
            errors={problems.errors}
            grades={GRADES}
            schools={intake.schools}
            gradePlaceholder={t("students.add.gradeChoose")}
            schoolPlaceholder={t("students.add.schoolChoose")}
          />
        </fieldset>
        <fieldset aria-describedby="student-guardians-hint">
          <legend>{t("students.add.guardians")}</legend>
          <p className="field-hint" id="student-guardians-hint">
            {t("students.add.guardiansHint")}
          </p>
          {guardians.map((g, i) => {
            const n = i + 1;
            const key = (f: GuardianField) => `guardians.${i}.${f}`;
            const gid = (f: GuardianField) => idOf(key(f));
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: guardians are only added at the end or removed as a whole
              <fieldset key={i} id={`student-guardian-${i}`}>
                <legend>{t("students.add.guardian", { n })}</legend>
                <Field
                  id={gid("firstName")}
                  label={t("students.add.guardianFirstName", { n })}
                  error={err(key("firstName"))}
                  required
                >
                  <TextInput autoComplete="off" value={g.firstName} onChange={setGuardian(i, "firstName")} />
                </Field>
                <Field
                  id={gid("lastName")}
                  label={t("students.add.guardianLastName", { n })}
                  error={err(key("lastName"))}
                  required
                >
                  <TextInput autoComplete="off" value={g.lastName} onChange={setGuardian(i, "lastName")} />
                </Field>
                <Field
                  id={gid("email")}
                  label={t("students.add.guardianEmail", { n })}
                  error={err(key("email"))}
                  required
                >
                  <TextInput
                    type="email"
                    autoComplete="off"
                    spellCheck={false}
                    value={g.email}
                    onChange={setGuardian(i, "email")}
                  />
                </Field>
                <Field
                  id={gid("relationship")}
                  label={t("students.add.guardianRelationship", { n })}
                  hint={t("students.add.guardianRelationshipHint")}
                  error={err(key("relationship"))}
                  required
                >
                  <TextInput autoComplete="off" value={g.relationship} onChange={setGuardian(i, "relationship")} />
                </Field>
                <Field
                  id={gid("preferredLanguage")}
                  label={t("students.add.guardianLanguage", { n })}
                  hint={t("students.add.guardianLanguageHint")}
                  error={err(key("preferredLanguage"))}
                  required
                >
                  <Select
                    value={g.preferredLanguage}
                    onChange={setGuardian(i, "preferredLanguage")}
                    options={FAMILY_LANGUAGES.map((code) => ({ value: code, label: languageName(code) }))}
                  />
                </Field>
                <div className="checkbox-field">
                  <input
                    id={idOf(`guardians.${i}.interpreterNeeded`)}
                    type="checkbox"
                    checked={g.interpreterNeeded}
                    onChange={(e) =>
                      setGuardians(
                        guardians.map((h, j) => (j === i ? { ...h, interpreterNeeded: e.target.checked } : h)),
                      )
                    }
                  />{" "}
                  <label htmlFor={idOf(`guardians.${i}.interpreterNeeded`)}>
                    {t("students.add.guardianInterpreter", { n })}
                  </label>
                </div>
                <Button
                  variant="secondary"
                  onClick={() => {
                    problems.clear();
                    setGuardians(guardians.filter((_, j) => j !== i));
                  }}
                >
                  {t("students.add.removeGuardian", { n })}
                </Button>
              </fieldset>
            );
          })}
          {guardians.length < 2 ? (
            <Button
              variant="secondary"
              onClick={() => {
                setGuardians([...guardians, emptyGuardian()]);
                // The new guardian's first field takes the focus once it is on the page.
                const next = guardians.length;
                setTimeout(() => document.getElementById(idOf(`guardians.${next}.firstName`))?.focus(), 0);
              }}
            >
              {t("students.add.addGuardian")}
            </Button>
          ) : null}
        </fieldset>
        <Button type="submit" busy={busy} busyLabel={t("students.add.submitting")}>
          {t("students.add.submit")}
        </Button>
      </form>
    </>
  );
}
