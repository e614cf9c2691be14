import { STAFF_ROLES, type StaffRole } from "@lantern/core";
import { type FormEvent, useRef, useState } from "react";
import { Page } from "../../app/page.tsx";
import { useSignedInUser } from "../../app/session.tsx";
import { FormProblems, useProblems } from "../../components/ui/form-problems.tsx";
import {
  Alert,
  Button,
  type Column,
  ConfirmDialog,
  DataTable,
  Field,
  Select,
  StatusRegion,
  TextInput,
} from "../../components/ui/index.ts";
import { dateTime } from "../../i18n/dates.ts";
import { label } from "../../i18n/labels.ts";
import { t } from "../../i18n/t.ts";
import { ApiError } from "../../lib/api-client.ts";
import { describeError } from "../../lib/error-message.ts";
import { useRequest } from "../../lib/use-request.ts";
import {
  deactivate,
  invitePerson,
  loadOutbox,
  loadPeople,
  type MailOutboxResponse,
  type PeopleResponse,
  type PersonSummary,
  reactivate,
  resendInvitation,
  revokeInvitation,
} from "./api.ts";
import { PersonEditor } from "./person-editor.tsx";
import { SecuritySettings } from "./security-settings.tsx";

type InviteField = "firstName" | "lastName" | "email" | "role" | "schoolId";
const IDS: Record<InviteField, string> = {
  firstName: "invite-first-name",
  lastName: "invite-last-name",
  email: "invite-email",
  role: "invite-role",
  schoolId: "invite-school",
};

const nameOf = (p: Pick<PersonSummary, "firstName" | "lastName">) => `${p.firstName} ${p.lastName}`;

/** People: administrators invite staff and manage their accounts; district administrators see the mail. */
export default function PeoplePage() {
  const user = useSignedInUser();
  const [version, setVersion] = useState(0);
  const [status, setStatus] = useState("");
  const [actionError, setActionError] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const people = useRequest(`people-${version}`, (signal) => loadPeople(signal));
  const isDistrictAdmin = user.roles.some((r) => r.role === "district-admin");
  const outbox = useRequest(`outbox-${version}-${isDistrictAdmin}`, (signal) =>
    isDistrictAdmin ? loadOutbox(signal) : Promise.resolve(null),
  );

  const announce = (done: string) => {
    setActionError(null);
    setStatus(done);
    setVersion((v) => v + 1);
  };
  const act = async (run: () => Promise<unknown>, done: string) => {
    setActionError(null);
    try {
      await run();
      announce(done);
    } catch (error) {
      setActionError(describeError(error));
    }
  };
  // While the list loads again after a change, the page keeps showing the last one (focus stays put).
  const last = useRef<PeopleResponse | null>(null);
  if (people.status === "ok") last.current = people.data;
  const data = last.current;
  const edited = data?.people.find((p) => p.id === editing);

  return (
    <Page title={t("accounts.people.title")}>
      <p>{t("accounts.people.intro")}</p>
      <StatusRegion message={status} visible />
      {actionError ? <Alert tone="error">{actionError}</Alert> : null}
      {people.status === "error" ? <Alert tone="error">{describeError(people.error)}</Alert> : null}
      {data ? (
        <>
          <InviteForm
            data={data}
            onInvited={(email) => act(async () => {}, t("accounts.people.done.invitationSent", { email }))}
          />
          <PeopleTable data={data} act={act} onEdit={setEditing} />
        </>
      ) : null}
      {data && edited ? (
        <PersonEditor
          key={edited.id}
          person={edited}
          data={data}
          act={act}
          announce={announce}
          version={version}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {isDistrictAdmin ? <SecuritySettings /> : null}
      {outbox.status === "ok" && outbox.data ? <Outbox data={outbox.data} /> : null}
    </Page>
  );
}

function InviteForm({ data, onInvited }: { data: PeopleResponse; onInvited(email: string): void }) {
  const [form, setForm] = useState({ firstName: "", lastName: "", email: "", role: "", schoolId: "" });
  const [busy, setBusy] = useState(false);
  const problems = useProblems<InviteField>();
  const set = (field: InviteField) => (e: { target: { value: string } }) =>
    setForm({ ...form, [field]: e.target.value });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found: Partial<Record<InviteField, string>> = {};
    if (!form.firstName.trim())
      found.firstName = t("accounts.invite.missing", { what: t("accounts.invite.firstName").toLowerCase() });
    if (!form.lastName.trim())
      found.lastName = t("accounts.invite.missing", { what: t("accounts.invite.lastName").toLowerCase() });
    if (!/^[^\s@]+@[^\s@]+$/.test(form.email.trim())) found.email = t("accounts.forgot.emailInvalid");
    if (!form.role) found.role = t("accounts.invite.missing", { what: t("accounts.invite.role").toLowerCase() });
    if (Object.keys(found).length > 0) return problems.show(found, null);
    setBusy(true);
    try {
      const invited = await invitePerson({
        firstName: form.firstName.trim(),
        lastName: form.lastName.trim(),
        email: form.email.trim(),
        role: form.role as StaffRole,
        schoolId: form.schoolId || null,
      });
      problems.clear();
      setForm({ firstName: "", lastName: "", email: "", role: "", schoolId: "" });
      onInvited(invited.email);
    } catch (error) {
      if (error instanceof ApiError && error.issues.length > 0) {
        const fromServer: Partial<Record<InviteField, string>> = {};
        for (const field of Object.keys(IDS) as InviteField[]) {
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
    <section aria-labelledby="invite-title" className="panel">
      <h2 id="invite-title">{t("accounts.invite.title")}</h2>
      <FormProblems
        title={t("accounts.invite.errorTitle")}
        general={problems.general}
        problems={problems.errors}
        ids={IDS}
        summaryRef={problems.summaryRef}
      />
      <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="invite-title">
        <Field id={IDS.firstName} label={t("accounts.invite.firstName")} error={problems.errors.firstName} required>
          <TextInput name="firstName" autoComplete="off" value={form.firstName} onChange={set("firstName")} />
        </Field>
        <Field id={IDS.lastName} label={t("accounts.invite.lastName")} error={problems.errors.lastName} required>
          <TextInput name="lastName" autoComplete="off" value={form.lastName} onChange={set("lastName")} />
        </Field>
        <Field id={IDS.email} label={t("accounts.invite.email")} error={problems.errors.email} required>
          <TextInput
            type="email"
            name="email"
            autoComplete="off"
            spellCheck={false}
            value={form.email}
            onChange={set("email")}
          />
        </Field>
        <Field id={IDS.role} label={t("accounts.invite.role")} error={problems.errors.role} required>
          <Select
            name="role"
            value={form.role}
            onChange={set("role")}
            placeholder=""
            options={STAFF_ROLES.filter((r) => data.roles.includes(r)).map((r) => ({
              value: r,
              label: label("role", r),
            }))}
          />
        </Field>
        <Field
          id={IDS.schoolId}
          label={t("accounts.invite.school")}
          hint={t("accounts.invite.schoolHint")}
          error={problems.errors.schoolId}
        >
          <Select
            name="schoolId"
            value={form.schoolId}
            onChange={set("schoolId")}
            placeholder={t("accounts.invite.noSchool")}
            options={data.schools.map((s) => ({ value: s.id, label: s.name }))}
          />
        </Field>
        <Button type="submit" busy={busy} busyLabel={t("accounts.invite.submitting")}>
          {t("accounts.invite.submit")}
        </Button>
      </form>
    </section>
  );
}

function PeopleTable({
  data,
  act,
  onEdit,
}: {
  data: PeopleResponse;
  act(run: () => Promise<unknown>, done: string): Promise<void>;
  onEdit(personId: string): void;
}) {
  const school = (id: string | null) => data.schools.find((s) => s.id === id)?.name;
  // Someone with a caseload who is about to be deactivated: asked first, offered to move it.
  const [leaving, setLeaving] = useState<PersonSummary | null>(null);
  const columns: Column<PersonSummary>[] = [
    { id: "name", header: t("accounts.people.col.name"), rowHeader: true, cell: (p) => nameOf(p) },
    { id: "email", header: t("accounts.people.col.email"), cell: (p) => p.email },
    {
      id: "roles",
      header: t("accounts.people.col.roles"),
      cell: (p) =>
        p.roles
          .map((r) =>
            [
              label("role", r.role),
              r.role === "related-service-provider" && p.discipline ? label("serviceArea", p.discipline) : null,
              school(r.schoolId),
            ]
              .filter(Boolean)
              .join(", "),
          )
          .join("; "),
    },
    {
      id: "status",
      header: t("accounts.people.col.status"),
      cell: (p) =>
        p.status === "invited" && p.invitationExpiresAt
          ? t("accounts.people.status.invitedUntil", { date: dateTime(p.invitationExpiresAt) })
          : t(
              p.status === "active"
                ? "accounts.people.status.active"
                : p.status === "deactivated"
                  ? "accounts.people.status.deactivated"
                  : "accounts.people.status.awaitingPassword",
            ),
    },
    { id: "caseload", header: t("accounts.people.col.caseload"), cell: (p) => String(p.caseloadSize) },
    {
      id: "actions",
      header: t("accounts.people.col.actions"),
      cell: (p) =>
        p.manageable ? (
          <div className="button-row">
            {p.status === "invited" ? (
              <Button
                variant="secondary"
                onClick={() => act(() => resendInvitation(p.id), t("accounts.people.done.resent", { name: nameOf(p) }))}
              >
                {t("accounts.people.resend", { name: nameOf(p) })}
              </Button>
            ) : null}
            {p.status === "invited" && p.invitationExpiresAt ? (
              <Button
                variant="secondary"
                onClick={() =>
                  act(() => revokeInvitation(p.id), t("accounts.people.done.revoked", { name: nameOf(p) }))
                }
              >
                {t("accounts.people.revoke", { name: nameOf(p) })}
              </Button>
            ) : null}
            {p.status === "deactivated" ? (
              <Button
                variant="secondary"
                onClick={() => act(() => reactivate(p.id), t("accounts.people.done.reactivated", { name: nameOf(p) }))}
              >
                {t("accounts.people.reactivate", { name: nameOf(p) })}
              </Button>
            ) : (
              <Button
                variant="secondary"
                onClick={() =>
                  p.caseloadSize > 0
                    ? setLeaving(p)
                    : act(() => deactivate(p.id), t("accounts.people.done.deactivated", { name: nameOf(p) }))
                }
              >
                {t("accounts.people.deactivate", { name: nameOf(p) })}
              </Button>
            )}
            <Button variant="secondary" onClick={() => onEdit(p.id)}>
              {t("accounts.people.edit", { name: nameOf(p) })}
            </Button>
          </div>
        ) : null,
    },
  ];
  return (
    <>
      <DataTable caption={t("accounts.people.caption")} columns={columns} rows={data.people} rowKey={(p) => p.id} />
      <ConfirmDialog
        open={leaving !== null}
        title={t("accounts.people.deactivate", { name: leaving ? nameOf(leaving) : "" })}
        confirmLabel={t("accounts.people.deactivateAnyway")}
        cancelLabel={t("accounts.people.moveFirst")}
        onCancel={() => {
          const person = leaving;
          setLeaving(null);
          if (person) onEdit(person.id);
        }}
        onConfirm={() => {
          const person = leaving;
          setLeaving(null);
          if (person)
            void act(() => deactivate(person.id), t("accounts.people.done.deactivated", { name: nameOf(person) }));
        }}
      >
        <p>
          {leaving
            ? t("accounts.people.leavingCaseload", { name: nameOf(leaving), count: leaving.caseloadSize })
            : null}
        </p>
      </ConfirmDialog>
    </>
  );
}

function Outbox({ data }: { data: MailOutboxResponse }) {
  const columns: Column<MailOutboxResponse["messages"][number]>[] = [
    { id: "to", header: t("accounts.outbox.col.to"), rowHeader: true, cell: (m) => m.to },
    { id: "subject", header: t("accounts.outbox.col.subject"), cell: (m) => m.subject },
    {
      id: "status",
      header: t("accounts.outbox.col.status"),
      cell: (m) =>
        m.sentAt
          ? t("accounts.outbox.sent")
          : m.lastError
            ? t("accounts.outbox.failed", { reason: m.lastError })
            : t("accounts.outbox.waiting"),
    },
    {
      id: "message",
      header: t("accounts.outbox.col.message"),
      cell: (m) => (
        <details>
          <summary>{t("accounts.outbox.show", { to: m.to })}</summary>
          <pre className="mail-text">{m.text}</pre>
        </details>
      ),
    },
  ];
  return (
    <section aria-labelledby="outbox-title">
      <h2 id="outbox-title">{t("accounts.outbox.title")}</h2>
      <p>{t(data.sending ? "accounts.outbox.sending" : "accounts.outbox.notSending")}</p>
      <DataTable
        caption={t("accounts.outbox.caption")}
        columns={columns}
        rows={data.messages}
        rowKey={(m) => m.id}
        empty={t("accounts.outbox.empty")}
      />
    </section>
  );
}
