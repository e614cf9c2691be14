import {
  PROVIDER_DISCIPLINES,
  type ProviderDiscipline,
  SCHOOL_ROLES,
  STAFF_ROLES,
  type StaffRole,
} from "@lantern/core";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { FormProblems, useProblems } from "../../components/ui/form-problems.tsx";
import { Alert, Button, Field, Select, TextInput } from "../../components/ui/index.ts";
import { label } from "../../i18n/labels.ts";
import { t } from "../../i18n/t.ts";
import { ApiError } from "../../lib/api-client.ts";
import { describeError } from "../../lib/error-message.ts";
import { useRequest } from "../../lib/use-request.ts";
import {
  addToCaseload,
  changeRoles,
  findStudents,
  loadCaseload,
  type PeopleResponse,
  type PersonSummary,
  removeFromCaseload,
  setDiscipline,
  transferCaseload,
} from "./api.ts";

const nameOf = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;

type Act = (run: () => Promise<unknown>, done: string) => Promise<void>;

/**
 * One person's roles, schools and caseload, below the People table: change the roles, put a
 * student on the caseload or take one off, or move the whole caseload to a colleague.
 */
export function PersonEditor({
  person,
  data,
  act,
  announce,
  version,
  onClose,
}: {
  person: PersonSummary;
  data: PeopleResponse;
  act: Act;
  /** Say a change is done (and load the page again). */
  announce(done: string): void;
  version: number;
  onClose(): void;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  return (
    <section aria-labelledby="person-editor-title" className="panel">
      <h2 id="person-editor-title" tabIndex={-1} ref={headingRef}>
        {t("accounts.editor.title", { name: nameOf(person) })}
      </h2>
      <RolesForm
        key={`roles-${person.id}-${JSON.stringify(person.roles)}`}
        person={person}
        data={data}
        announce={announce}
      />
      {person.roles.some((r) => r.role === "related-service-provider") ? (
        <DisciplineForm key={`discipline-${person.id}-${person.discipline ?? ""}`} person={person} act={act} />
      ) : null}
      <CaseloadSection key={`caseload-${person.id}`} person={person} data={data} act={act} version={version} />
      <Button variant="secondary" onClick={onClose}>
        {t("accounts.editor.close")}
      </Button>
    </section>
  );
}

type RoleRow = { role: string; schoolId: string };

function RolesForm({
  person,
  data,
  announce,
}: {
  person: PersonSummary;
  data: PeopleResponse;
  announce(done: string): void;
}) {
  const [rows, setRows] = useState<RoleRow[]>(() =>
    person.roles
      .filter((r) => (STAFF_ROLES as readonly string[]).includes(r.role))
      .map((r) => ({ role: r.role, schoolId: r.schoolId ?? "" })),
  );
  const [busy, setBusy] = useState(false);
  const problems = useProblems<string>();
  const ids: Record<string, string> = { roles: "edit-add-role" };
  rows.forEach((_, i) => {
    ids[`role-${i}`] = `edit-role-${i}`;
    ids[`school-${i}`] = `edit-school-${i}`;
  });

  const update = (i: number, field: keyof RoleRow, value: string) =>
    setRows(rows.map((r, j) => (j === i ? { ...r, [field]: value } : r)));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found: Record<string, string> = {};
    if (rows.length === 0) found.roles = t("accounts.editor.roles.none");
    rows.forEach((r, i) => {
      if (!r.role) found[`role-${i}`] = t("accounts.editor.roles.chooseRole", { n: i + 1 });
      else if (SCHOOL_ROLES.has(r.role as StaffRole) && !r.schoolId)
        found[`school-${i}`] = t("accounts.editor.roles.chooseSchool", { n: i + 1 });
    });
    if (Object.keys(found).length > 0) return problems.show(found, null);
    setBusy(true);
    try {
      await changeRoles(
        person.id,
        rows.map((r) => ({ role: r.role as StaffRole, schoolId: r.schoolId || null })),
      );
      problems.clear();
      announce(t("accounts.editor.roles.saved", { name: nameOf(person) }));
    } catch (error) {
      if (error instanceof ApiError && error.issues.length > 0) {
        const fromServer: Record<string, string> = {};
        for (const issue of error.issues) {
          const m = /^\/roles\/(\d+)\/(role|schoolId)$/.exec(issue.path);
          if (m) fromServer[`${m[2] === "role" ? "role" : "school"}-${m[1]}`] = issue.message;
          else fromServer.roles = issue.message;
        }
        problems.show(fromServer, null);
      } else problems.show({}, describeError(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="edit-roles-title">
      <h3 id="edit-roles-title">{t("accounts.editor.roles.title")}</h3>
      <FormProblems
        title={t("accounts.editor.roles.errorTitle")}
        general={problems.general}
        problems={problems.errors}
        ids={ids}
        summaryRef={problems.summaryRef}
      />
      {rows.map((r, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a row has no identity but its place.
        <fieldset key={i}>
          <legend>{t("accounts.editor.roles.legend", { n: i + 1 })}</legend>
          <Field id={`edit-role-${i}`} label={t("accounts.invite.role")} error={problems.errors[`role-${i}`]} required>
            <Select
              value={r.role}
              onChange={(e) => update(i, "role", e.target.value)}
              placeholder=""
              options={STAFF_ROLES.filter((x) => data.roles.includes(x) || x === r.role).map((x) => ({
                value: x,
                label: label("role", x),
              }))}
            />
          </Field>
          <Field
            id={`edit-school-${i}`}
            label={t("accounts.invite.school")}
            hint={t("accounts.invite.schoolHint")}
            error={problems.errors[`school-${i}`]}
          >
            <Select
              value={r.schoolId}
              onChange={(e) => update(i, "schoolId", e.target.value)}
              placeholder={t("accounts.invite.noSchool")}
              options={data.schools.map((s) => ({ value: s.id, label: s.name }))}
            />
          </Field>
          <Button variant="secondary" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
            {t("accounts.editor.roles.remove", { n: i + 1 })}
          </Button>
        </fieldset>
      ))}
      {problems.errors.roles ? (
        <p className="field-error" id="edit-roles-error">
          {problems.errors.roles}
        </p>
      ) : null}
      <div className="button-row">
        <Button
          id={ids.roles}
          variant="secondary"
          aria-describedby={problems.errors.roles ? "edit-roles-error" : undefined}
          onClick={() => setRows([...rows, { role: "", schoolId: "" }])}
        >
          {t("accounts.editor.roles.add")}
        </Button>
        <Button type="submit" busy={busy} busyLabel={t("accounts.editor.saving")}>
          {t("accounts.editor.roles.save")}
        </Button>
      </div>
    </form>
  );
}

/**
 * A related-service provider's discipline: the service area they give. Their week's service log
 * lists their students' services of this area first.
 */
function DisciplineForm({ person, act }: { person: PersonSummary; act: Act }) {
  const [value, setValue] = useState<string>(person.discipline ?? "");
  const [busy, setBusy] = useState(false);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      await act(
        () => setDiscipline(person.id, value === "" ? null : (value as ProviderDiscipline)),
        t(value === "" ? "accounts.editor.discipline.cleared" : "accounts.editor.discipline.saved", {
          name: nameOf(person),
          discipline: value === "" ? "" : label("serviceArea", value as ProviderDiscipline),
        }),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="edit-discipline-title">
      <h3 id="edit-discipline-title">{t("accounts.editor.discipline.title")}</h3>
      <Field
        id="edit-discipline"
        label={t("accounts.editor.discipline.label")}
        hint={t("accounts.editor.discipline.hint")}
      >
        <Select
          value={value}
          onChange={(e) => setValue(e.target.value)}
          placeholder={t("accounts.editor.discipline.none")}
          options={PROVIDER_DISCIPLINES.map((d) => ({ value: d, label: label("serviceArea", d) }))}
        />
      </Field>
      <div className="button-row">
        <Button type="submit" busy={busy} busyLabel={t("accounts.editor.saving")}>
          {t("accounts.editor.discipline.save")}
        </Button>
      </div>
    </form>
  );
}

function CaseloadSection({
  person,
  data,
  act,
  version,
}: {
  person: PersonSummary;
  data: PeopleResponse;
  act: Act;
  version: number;
}) {
  const caseload = useRequest(`caseload-${person.id}-${version}`, (signal) => loadCaseload(person.id, signal));
  const colleagues = data.people.filter((p) => p.status !== "deactivated" && p.id !== person.id);
  return (
    <section aria-labelledby="edit-caseload-title">
      <h3 id="edit-caseload-title">{t("accounts.editor.caseload.title")}</h3>
      {caseload.status === "error" ? <Alert tone="error">{describeError(caseload.error)}</Alert> : null}
      {caseload.status === "ok" ? (
        <>
          {caseload.data.students.length === 0 ? (
            <p>{t("accounts.editor.caseload.empty", { name: nameOf(person) })}</p>
          ) : (
            <ul className="plain-list">
              {caseload.data.students.map((s) => (
                <li key={s.id}>
                  {nameOf(s)} ({s.schoolName}){" "}
                  <Button
                    variant="secondary"
                    onClick={() =>
                      act(
                        () => removeFromCaseload(person.id, s.id),
                        t("accounts.editor.caseload.removed", { student: nameOf(s), name: nameOf(person) }),
                      )
                    }
                  >
                    {t("accounts.editor.caseload.remove", { student: nameOf(s) })}
                  </Button>
                </li>
              ))}
            </ul>
          )}
          {caseload.data.holdsCaseloadRole ? (
            <AddStudent person={person} onCaseload={new Set(caseload.data.students.map((s) => s.id))} act={act} />
          ) : (
            <p>{t("accounts.editor.caseload.noRole")}</p>
          )}
          {caseload.data.students.length > 0 ? (
            <TransferForm person={person} colleagues={colleagues} act={act} count={caseload.data.students.length} />
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function AddStudent({ person, onCaseload, act }: { person: PersonSummary; onCaseload: Set<string>; act: Act }) {
  const [query, setQuery] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [found, setFound] = useState<Array<{ id: string; firstName: string; lastName: string; schoolName: string }>>(
    [],
  );
  const [searched, setSearched] = useState(false);
  const onSearch = async (event: FormEvent) => {
    event.preventDefault();
    if (query.trim().length < 2) {
      setError(t("accounts.editor.caseload.searchShort"));
      return;
    }
    setError(undefined);
    try {
      setFound((await findStudents(query.trim())).items);
      setSearched(true);
    } catch (e) {
      setError(describeError(e));
    }
  };
  return (
    <form className="inline-form" noValidate onSubmit={onSearch}>
      <Field id="caseload-search" label={t("accounts.editor.caseload.search")} error={error}>
        <TextInput value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />
      </Field>
      <Button type="submit" variant="secondary">
        {t("accounts.editor.caseload.find")}
      </Button>
      {searched ? (
        found.length === 0 ? (
          <p role="status">{t("accounts.editor.caseload.noneFound")}</p>
        ) : (
          <ul className="plain-list">
            {found.map((s) => (
              <li key={s.id}>
                {nameOf(s)} ({s.schoolName}){" "}
                {onCaseload.has(s.id) ? (
                  t("accounts.editor.caseload.already")
                ) : (
                  <Button
                    variant="secondary"
                    onClick={() =>
                      act(
                        () => addToCaseload(person.id, s.id),
                        t("accounts.editor.caseload.added", { student: nameOf(s), name: nameOf(person) }),
                      )
                    }
                  >
                    {t("accounts.editor.caseload.add", { student: nameOf(s) })}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )
      ) : null}
    </form>
  );
}

function TransferForm({
  person,
  colleagues,
  act,
  count,
}: {
  person: PersonSummary;
  colleagues: PersonSummary[];
  act: Act;
  count: number;
}) {
  const [to, setTo] = useState("");
  const [error, setError] = useState<string | undefined>();
  return (
    <form
      className="inline-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!to) {
          setError(t("accounts.people.transferChoose"));
          return;
        }
        setError(undefined);
        void act(() => transferCaseload(person.id, to), t("accounts.people.done.transferred", { count }));
      }}
    >
      <Field
        id={`transfer-${person.id}`}
        label={t("accounts.people.transferTo", { name: nameOf(person) })}
        hint={t("accounts.editor.caseload.transferHint")}
        error={error}
      >
        <Select
          value={to}
          onChange={(e) => setTo(e.target.value)}
          placeholder={t("accounts.people.transferChoose")}
          options={colleagues.map((c) => ({ value: c.id, label: nameOf(c) }))}
        />
      </Field>
      <Button type="submit" variant="secondary">
        {t("accounts.people.transfer")}
      </Button>
    </form>
  );
}
