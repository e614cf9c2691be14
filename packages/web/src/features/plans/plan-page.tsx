/**
 * One plan: the current version in plain language first (what the child gets), then signing by
 * keyboard (each person as themselves; staff enter a signature given on paper with its scanned
 * page), the signatures and how each was given, the seal (SHA-256) explained in plain words,
 * versions and what changed, PDFs; for staff, the next lifecycle step and the team meeting.
 * Putting a plan in effect, ending it and signing ask first and say what will happen.
 */
import {
  ATTENDANCE_STATUSES,
  CONSENT_CHOICES,
  describeSignature,
  personNamesMatch,
  planPdfKindsFor,
} from "@lantern/core";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Link } from "wouter";
import { Page } from "../../app/page.tsx";
import { paths, type RouteParams } from "../../app/paths.ts";
import { Alert, Button, ConfirmDialog, Field, Select, TextArea, TextInput } from "../../components/ui/index.ts";
import { dateTime, longDate } from "../../i18n/dates.ts";
import { label, labelOrCode } from "../../i18n/labels.ts";
import { getLocale, t } from "../../i18n/t.ts";
import { English, englishText } from "../../i18n/written-in.tsx";
import { ApiError } from "../../lib/api-client.ts";
import { describeError } from "../../lib/error-message.ts";
import { useRequest } from "../../lib/use-request.ts";
import { type Attendee, isWrittenInSpanish, type PlanDetail, plansApi } from "./api.ts";
import { AmendForm, EndForm } from "./change-plan-forms.tsx";
import { MeetingAgenda } from "./meeting-agenda.tsx";
import { ParentContactForm } from "./parent-contact-form.tsx";
import { getPath, groupedHash, planTypeText, statusText } from "./plan-text.ts";
import { PlanTranslationsSection } from "./plan-translations-section.tsx";
import { SignaturePad } from "./signature-pad.tsx";
import { TeamWords } from "./team-words.tsx";

type Props = { params: RouteParams };

export default function PlanPage({ params }: Props) {
  const studentId = params.id ?? "";
  const planId = params.planId ?? "";
  const [reload, setReload] = useState(0);
  const [justSigned, setJustSigned] = useState(false);
  const state = useRequest(`plan:${planId}:${reload}`, (signal) => plansApi.get(studentId, planId, signal));
  if (state.status === "loading") return <Page title={t("app.loading")} />;
  if (state.status === "error") {
    return (
      <Page title={label("planType", "iep")}>
        <Alert tone="error">{t("plans.error.load", { message: describeError(state.error) })}</Alert>
      </Page>
    );
  }
  return (
    <PlanView
      studentId={studentId}
      detail={state.data}
      justSigned={justSigned}
      onChanged={() => setReload((n) => n + 1)}
      onSigned={() => {
        setJustSigned(true);
        setReload((n) => n + 1);
      }}
    />
  );
}

function studentNameOf(d: PlanDetail): string {
  const s = d.version.content.student;
  return `${s?.firstName ?? ""} ${s?.lastName ?? ""}`.trim();
}

function PlanView({
  studentId,
  detail,
  justSigned,
  onChanged,
  onSigned,
}: {
  studentId: string;
  detail: PlanDetail;
  justSigned: boolean;
  onChanged: () => void;
  onSigned: () => void;
}) {
  const { plan, version } = detail;
  const name = studentNameOf(detail);
  const title = t("plans.plan.title", { plan: planTypeText(plan.type), name });
  return (
    <Page title={title}>
      <p>
        <Link href={paths.studentPlans(studentId)}>{t("plans.plan.backToPlans")}</Link>
      </p>
      <p data-testid="plan-status">
        <strong>{statusText(plan.status)}</strong> ·{" "}
        {t("plans.plan.version", { number: version.number, status: statusText(version.status) })}
      </p>
      {plan.endedOn ? (
        <p>{t("plans.plan.ended", { date: longDate(plan.endedOn), reason: plan.endedReason ?? "" })}</p>
      ) : null}
      {version.status === "draft" && detail.permissions.write ? (
        <p>
          <Link href={paths.studentPlanEdit(studentId, plan.id)}>{t("plans.plan.edit")}</Link>
        </p>
      ) : null}
      {/* Staff see the next step first; the family's page leads with the plan: what the child gets. */}
      <NextSteps studentId={studentId} detail={detail} onChanged={onChanged} />
      {detail.permissions.write && (version.status === "draft" || version.status === "proposed") ? (
        <MeetingSection studentId={studentId} detail={detail} onChanged={onChanged} />
      ) : null}
      <PlainSummary detail={detail} name={name} />
      {detail.youMaySignAs.length > 0 ? (
        <SignSection studentId={studentId} detail={detail} onChanged={onSigned} />
      ) : justSigned ? (
        <SignedNote sealed={version.status === "signed"} />
      ) : null}
      {detail.permissions.write && version.status === "proposed" ? (
        <PaperSignatureForm studentId={studentId} detail={detail} onChanged={onChanged} />
      ) : null}
      <Signatures studentId={studentId} detail={detail} />
      <SealSection detail={detail} />
      <Versions detail={detail} />
      <DiffSection studentId={studentId} detail={detail} />
      <PdfLinks studentId={studentId} detail={detail} />
      {/* Last: a long list of the team's words, for staff who translate them. */}
      {detail.permissions.write && version.status !== "draft" && plan.status !== "ended" ? (
        <PlanTranslationsSection studentId={studentId} detail={detail} onChanged={onChanged} />
      ) : null}
    </Page>
  );
}

function SealSection({ detail }: { detail: PlanDetail }) {
  const v = detail.version;
  return (
    <section aria-labelledby="seal" className="panel">
      <h2 id="seal">{t("plans.seal.heading")}</h2>
      <p className="muted">{t("plans.seal.explain")}</p>
      {v.sha256 && v.sealedAt ? (
        <>
          <p>{t("plans.seal.sealedAt", { date: longDate(v.sealedAt.slice(0, 10)) })}</p>
          <p>
            {t("plans.seal.hash")}: <code data-testid="plan-hash">{groupedHash(v.sha256)}</code>
          </p>
          <p>{v.hashVerified ? t("plans.seal.verified") : t("plans.seal.notVerified")}</p>
        </>
      ) : (
        <p>{t("plans.seal.notYet")}</p>
      )}
    </section>
  );
}

function NextSteps({ studentId, detail, onChanged }: { studentId: string; detail: PlanDetail; onChanged: () => void }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<{ message: string; issues: readonly { path: string; message: string }[] } | null>(
    null,
  );
  if (!detail.permissions.write) return null;
  const v = detail.version;
  async function run(step: string, body: unknown = {}) {
    setBusy(step);
    setError(null);
    try {
      await plansApi.step(studentId, detail.plan.id, step, body);
      onChanged();
    } catch (e) {
      setError({ message: describeError(e), issues: e instanceof ApiError ? e.issues : [] });
      setBusy(null);
    }
  }
  const missing = v.status === "draft" ? detail.checks.propose : v.status === "proposed" ? detail.checks.seal : [];
  return (
    <section aria-labelledby="next-steps" className="panel">
      <h2 id="next-steps">{t("plans.steps.heading")}</h2>
      {error ? (
        <Alert tone="error">
          {error.message}
          {error.issues.length > 0 ? (
            <ul>
              {error.issues.map((i) => (
                <li key={`${i.path}:${i.message}`}>{i.message}</li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      {missing.length > 0 ? (
        <>
          <p>{t("plans.steps.missing")}</p>
          <ul data-testid="missing">
            {missing.map((i) => (
              <li key={`${i.path}:${i.message}`}>{i.message}</li>
            ))}
          </ul>
        </>
      ) : null}
      {v.status === "draft" ? (
        <>
          <p className="muted">{t("plans.steps.proposeHint")}</p>
          <Button onClick={() => run("propose")} busy={busy === "propose"}>
            {t("plans.steps.propose")}
          </Button>
        </>
      ) : null}
      {v.status === "proposed" ? (
        <Button variant="secondary" onClick={() => run("return-to-draft")} busy={busy === "return-to-draft"}>
          {t("plans.steps.returnToDraft")}
        </Button>
      ) : null}
      {v.status === "signed" ? (
        <>
          <Button onClick={() => setConfirming(true)} busy={busy === "put-in-effect"}>
            {t("plans.steps.putInEffect")}
          </Button>
          <ConfirmDialog
            open={confirming}
            title={t("plans.putInEffect.confirm.title")}
            confirmLabel={t("plans.putInEffect.confirm.yes")}
            cancelLabel={t("plans.confirm.cancel")}
            busy={busy === "put-in-effect"}
            onConfirm={async () => {
              await run("put-in-effect");
              setConfirming(false);
            }}
            onCancel={() => setConfirming(false)}
          >
            <p>{t("plans.putInEffect.confirm.body")}</p>
          </ConfirmDialog>
        </>
      ) : null}
      {v.status === "in-effect" ? (
        <Button variant="secondary" onClick={() => run("amend", { kind: "annual-review" })} busy={busy === "amend"}>
          {t("plans.steps.annualReview")}
        </Button>
      ) : null}
      {v.status === "in-effect" && detail.plan.type === "iep" ? (
        <AmendForm studentId={studentId} detail={detail} onChanged={onChanged} />
      ) : null}
      {detail.plan.status !== "ended" && v.status !== "draft" ? (
        <EndForm studentId={studentId} detail={detail} onChanged={onChanged} />
      ) : null}
    </section>
  );
}

function MeetingSection({
  studentId,
  detail,
  onChanged,
}: {
  studentId: string;
  detail: PlanDetail;
  onChanged: () => void;
}) {
  const meeting = detail.meetings.find((m) => m.versionId === detail.version.id) ?? null;
  return (
    <section aria-labelledby="meeting" className="panel">
      <h2 id="meeting">{t("plans.meeting.heading")}</h2>
      {meeting ? (
        <>
          <p data-testid="meeting-scheduled">
            {t("plans.meeting.scheduled", {
              when: dateTime(meeting.scheduledAt),
              location: meeting.location,
              purpose: meeting.purpose,
            })}
          </p>
          {meeting.noticeSentOn ? (
            <p>{t("plans.meeting.noticeSent", { date: longDate(meeting.noticeSentOn) })}</p>
          ) : null}
          <p>
            <MeetingNoticeLink studentId={studentId} planId={detail.plan.id} meeting={meeting} />
          </p>
          <MeetingAgenda
            studentId={studentId}
            meetingId={meeting.id}
            canShare={detail.version.status === "draft" || detail.version.status === "proposed"}
          />
          <AttendanceForm studentId={studentId} detail={detail} meetingId={meeting.id} onChanged={onChanged} />
          <ParentContactForm
            studentId={studentId}
            detail={detail}
            meetingId={meeting.id}
            attempts={meeting.parentContactAttempts ?? []}
            onChanged={onChanged}
          />
        </>
      ) : (
        <ScheduleForm studentId={studentId} detail={detail} onChanged={onChanged} />
      )}
    </section>
  );
}

function ScheduleForm({
  studentId,
  detail,
  onChanged,
}: {
  studentId: string;
  detail: PlanDetail;
  onChanged: () => void;
}) {
  const [date, setDate] = useState("");
  const [time, setTime] = useState("15:30");
  const [location, setLocation] = useState("");
  const [purpose, setPurpose] = useState("");
  const [noticeSentOn, setNoticeSentOn] = useState("");
  const [transition, setTransition] = useState(false);
  const [studentInvited, setStudentInvited] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) found.date = t("plans.meeting.date");
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) found.time = t("plans.meeting.timeHint");
    if (!location.trim()) found.location = t("plans.meeting.location");
    if (!purpose.trim()) found.purpose = t("plans.meeting.purpose");
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setFailure(null);
    const offset = -new Date(`${date}T${time}:00`).getTimezoneOffset();
    const sign = offset >= 0 ? "+" : "-";
    const abs = Math.abs(offset);
    const tz = `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
    try {
      await plansApi.step(studentId, detail.plan.id, "meetings", {
        scheduledAt: `${date}T${time}:00${tz}`,
        location,
        purpose,
        meetingType: detail.version.number > 1 ? "annual" : "initial",
        notice: {
          sentOn: noticeSentOn || null,
          informsRightToBringOthers: true,
          transitionIsPurpose: transition,
          studentWillBeInvited: studentInvited,
        },
      });
      onChanged();
    } catch (e) {
      setFailure(describeError(e));
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="schedule-heading">
      <h3 id="schedule-heading">{t("plans.meeting.schedule")}</h3>
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <Field label={t("plans.meeting.date")} required error={errors.date}>
        <TextInput type="date" name="meeting-date" value={date} onChange={(e) => setDate(e.target.value)} />
      </Field>
      <Field label={t("plans.meeting.time")} hint={t("plans.meeting.timeHint")} required error={errors.time}>
        <TextInput type="time" name="meeting-time" value={time} onChange={(e) => setTime(e.target.value)} />
      </Field>
      <Field label={t("plans.meeting.location")} required error={errors.location}>
        <TextInput name="meeting-location" value={location} onChange={(e) => setLocation(e.target.value)} />
      </Field>
      <Field label={t("plans.meeting.purpose")} required error={errors.purpose}>
        <TextInput name="meeting-purpose" value={purpose} onChange={(e) => setPurpose(e.target.value)} />
      </Field>
      <Field label={t("plans.meeting.noticeSentOn")} hint={t("plans.meeting.noticeHint")}>
        <TextInput
          type="date"
          name="notice-sent-on"
          value={noticeSentOn}
          onChange={(e) => setNoticeSentOn(e.target.value)}
        />
      </Field>
      <fieldset>
        <legend>{t("plans.meeting.noticeContents")}</legend>
        <p className="muted">{t("plans.meeting.noticeContentsHint")}</p>
        <div className="checkbox-field">
          <label>
            <input type="checkbox" checked={transition} onChange={(e) => setTransition(e.target.checked)} />{" "}
            {t("plans.meeting.transitionIsPurpose")}
          </label>
        </div>
        <div className="checkbox-field">
          <label>
            <input type="checkbox" checked={studentInvited} onChange={(e) => setStudentInvited(e.target.checked)} />{" "}
            {t("plans.meeting.studentWillBeInvited")}
          </label>
        </div>
      </fieldset>
      <Button type="submit" busy={busy}>
        {t("plans.meeting.submit")}
      </Button>
    </form>
  );
}

function AttendanceForm({
  studentId,
  detail,
  meetingId,
  onChanged,
}: {
  studentId: string;
  detail: PlanDetail;
  meetingId: string;
  onChanged: () => void;
}) {
  const attendees = detail.version.content.attendees;
  const meeting = detail.version.content.meeting;
  const [status, setStatus] = useState<Record<string, Attendee["attendance"]>>(
    Object.fromEntries(attendees.map((a) => [a.id, a.attendance])),
  );
  const [notes, setNotes] = useState(meeting?.notes ?? "");
  const [concerns, setConcerns] = useState(meeting?.parentConcerns ?? "");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      await plansApi.recordAttendance(studentId, detail.plan.id, meetingId, {
        attendance: attendees.map((a) => ({ attendeeId: a.id, status: status[a.id] ?? "invited" })),
        notes,
        parentConcerns: concerns,
      });
      setMessage({ tone: "success", text: t("plans.meeting.saved") });
      onChanged();
    } catch (e) {
      setMessage({ tone: "error", text: describeError(e) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} aria-labelledby="attendance-heading">
      <h3 id="attendance-heading">{t("plans.meeting.attendanceHeading")}</h3>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      {attendees.map((a) => (
        <Field
          key={a.id}
          label={t("plans.meeting.attendanceFor", { name: a.name, title: a.title || labelOrCode("teamRole", a.role) })}
        >
          <Select
            name={`attendance-${a.id}`}
            value={status[a.id] ?? "invited"}
            onChange={(e) => setStatus({ ...status, [a.id]: e.target.value as Attendee["attendance"] })}
            options={ATTENDANCE_STATUSES.map((s) => ({ value: s, label: label("attendance", s) }))}
          />
        </Field>
      ))}
      <TextArea label={t("plans.meeting.notes")} name="meeting-notes" value={notes} onChange={setNotes} />
      <TextArea
        label={t("plans.meeting.parentConcerns")}
        name="parent-concerns"
        value={concerns}
        onChange={setConcerns}
      />
      <Button type="submit" busy={busy}>
        {t("plans.meeting.saveAttendance")}
      </Button>
    </form>
  );
}

export function SignSection({
  studentId,
  detail,
  onChanged,
}: {
  studentId: string;
  detail: PlanDetail;
  onChanged: () => void;
}) {
  // Nobody signs for another person: the reader's own place on the team, as the server found it.
  const attendee = detail.version.content.attendees.find((a) => a.id === detail.youMaySignAs[0]);
  const accountName = detail.yourName;
  const [typedName, setTypedName] = useState("");
  const [drawing, setDrawing] = useState("");
  const [choice, setChoice] = useState<string>("");
  const [exclusions, setExclusions] = useState("");
  const [legalDiffers, setLegalDiffers] = useState(false);
  const [legalName, setLegalName] = useState("");
  const [attested, setAttested] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const asksConsent =
    detail.version.content.type === "iep" &&
    (attendee?.role === "parent" || attendee?.role === "student") &&
    detail.version.content.consent.choice === null;
  // A first IEP's services wait for the parent's written consent (34 CFR 300.300(b)), which is
  // voluntary and may be taken back in writing (300.9(c)): said before the choice is made.
  const firstIep = asksConsent && detail.version.content.meeting?.type === "initial";

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!typedName.trim()) found.typedName = t("plans.sign.nameRequired");
    else if (legalDiffers) {
      if (!legalName.trim()) found.legalName = t("plans.sign.legalNameRequired");
      else if (!personNamesMatch(typedName, legalName)) {
        found.typedName = t("plans.sign.legalNameMismatch", { name: legalName.trim() });
      }
      if (!attested) found.attested = t("plans.sign.attestRequired");
    } else if (!personNamesMatch(typedName, accountName)) {
      found.typedName = t("plans.sign.nameMismatch", { name: accountName });
    }
    if (asksConsent && !choice) found.choice = t("plans.sign.choiceRequired");
    if (asksConsent && choice === "consent-except" && !exclusions.trim()) {
      found.exclusions = t("plans.sign.exclusionsRequired");
    }
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) {
      const first = Object.keys(found)[0];
      document.getElementById(`sign-${first}`)?.focus();
      return;
    }
    setConfirming(true);
  }

  async function sign() {
    setBusy(true);
    try {
      await plansApi.step(studentId, detail.plan.id, "signatures", {
        method: drawing ? "drawn" : "typed",
        typedName,
        attestation: legalDiffers ? { legalName, attested: true } : null,
        drawing: drawing || null,
        meaning: "agreement",
        consent: asksConsent
          ? {
              choice,
              exclusions:
                choice === "consent-except"
                  ? exclusions
                      .split("\n")
                      .filter((line) => line.trim())
                      .map((line) => ({ section: "other", itemId: null, description: line.trim() }))
                  : [],
            }
          : null,
      });
      setConfirming(false);
      onChanged();
    } catch (e) {
      setConfirming(false);
      setFailure(describeError(e));
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="sign" className="panel">
      <h2 id="sign">{t("plans.sign.heading")}</h2>
      <p>{t("plans.sign.explain")}</p>
      <p data-testid="signing-as">
        <strong>{t("plans.sign.as", { name: accountName })}</strong>
        {/* A title is the team's words, as written; the role's name is in the page's language. */}
        {attendee ? (
          <>
            {" ("}
            {attendee.title ? <English>{attendee.title}</English> : labelOrCode("teamRole", attendee.role)}
            {")"}
          </>
        ) : null}
      </p>
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <form onSubmit={submit} noValidate>
        {asksConsent ? (
          <fieldset
            aria-describedby={
              [firstIep ? "consent-explain" : "", errors.choice ? "consent-error" : ""].filter(Boolean).join(" ") ||
              undefined
            }
          >
            <legend>{t("plans.sign.consent")}</legend>
            {firstIep ? (
              <p id="consent-explain">
                {t("plans.sign.consentFirstIep", { name: detail.version.content.student?.firstName ?? "" })}
              </p>
            ) : null}
            {errors.choice ? (
              <p className="field-error" id="consent-error">
                {errors.choice}
              </p>
            ) : null}
            {CONSENT_CHOICES.map((c, i) => (
              <div key={c}>
                <input
                  type="radio"
                  id={i === 0 ? "sign-choice" : `consent-${c}`}
                  name="consent"
                  value={c}
                  checked={choice === c}
                  onChange={() => setChoice(c)}
                />{" "}
                <label htmlFor={i === 0 ? "sign-choice" : `consent-${c}`}>{t(`plans.sign.consent.${c}`)}</label>
              </div>
            ))}
          </fieldset>
        ) : null}
        {asksConsent && choice === "consent-except" ? (
          <TextArea
            id="sign-exclusions"
            label={t("plans.sign.exclusions")}
            hint={t("plans.sign.exclusionsHint")}
            name="exclusions"
            value={exclusions}
            onChange={setExclusions}
            {...(errors.exclusions ? { error: errors.exclusions } : {})}
          />
        ) : null}
        <Field id="sign-typedName" label={t("plans.sign.typedName")} required error={errors.typedName}>
          <TextInput
            name="typed-name"
            autoComplete="name"
            value={typedName}
            onChange={(e) => setTypedName(e.target.value)}
          />
        </Field>
        <div className="checkbox-field">
          <label>
            <input type="checkbox" checked={legalDiffers} onChange={(e) => setLegalDiffers(e.target.checked)} />{" "}
            {t("plans.sign.legalNameDiffers")}
          </label>
        </div>
        {legalDiffers ? (
          <>
            <Field id="sign-legalName" label={t("plans.sign.legalName")} required error={errors.legalName}>
              <TextInput name="legal-name" value={legalName} onChange={(e) => setLegalName(e.target.value)} />
            </Field>
            <div className="checkbox-field">
              {errors.attested ? (
                <p className="field-error" id="attest-error">
                  {errors.attested}
                </p>
              ) : null}
              <label>
                <input
                  id="sign-attested"
                  type="checkbox"
                  checked={attested}
                  aria-describedby={errors.attested ? "attest-error" : undefined}
                  onChange={(e) => setAttested(e.target.checked)}
                />{" "}
                {t("plans.sign.attest", { name: legalName.trim() || t("plans.sign.legalName") })}
              </label>
            </div>
          </>
        ) : null}
        <SignaturePad value={drawing} onChange={setDrawing} />
        <Button type="submit" busy={busy}>
          {t("plans.sign.submit")}
        </Button>
      </form>
      <ConfirmDialog
        open={confirming}
        title={t("plans.sign.confirm.title")}
        confirmLabel={t("plans.sign.confirm.yes")}
        cancelLabel={t("plans.confirm.cancel")}
        busy={busy}
        onConfirm={sign}
        onCancel={() => setConfirming(false)}
      >
        <p>{t("plans.sign.confirm.body", { name: legalDiffers ? legalName.trim() : accountName })}</p>
        {asksConsent && choice ? (
          <p>
            <strong>
              {t("plans.sign.confirm.decision", { decision: t(`plans.sign.consent.${choice as "consent"}`) })}
            </strong>
          </p>
        ) : null}
        <p>{t("plans.sign.confirm.seal")}</p>
      </ConfirmDialog>
    </section>
  );
}

/**
 * Where the signing form was, once the reader has signed: that the signature is saved (and the
 * plan sealed, when it was the last one needed). It takes focus, so a keyboard or screen reader
 * user hears it instead of landing at the top of a reloaded page.
 */
export function SignedNote({ sealed }: { sealed: boolean }) {
  const note = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // After the page's heading takes focus for the reloaded plan (its effect runs after this one).
    const later = setTimeout(() => note.current?.focus(), 0);
    return () => clearTimeout(later);
  }, []);
  return (
    <section aria-labelledby="sign" className="panel" data-testid="signed-note">
      <h2 id="sign">{t("plans.sign.heading")}</h2>
      <Alert tone="success" ref={note} tabIndex={-1}>
        <p>{t("plans.sign.done")}</p>
        {sealed ? <p>{t("plans.sign.sealed")}</p> : null}
      </Alert>
    </section>
  );
}

const MAX_SCAN_BYTES = 5 * 1024 * 1024;

/** Read a file's bytes as base64 (what the server receives; it checks the kind from the bytes). */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** Staff enter a signature given on paper at the meeting, with the scanned page. */
function PaperSignatureForm({
  studentId,
  detail,
  onChanged,
}: {
  studentId: string;
  detail: PlanDetail;
  onChanged: () => void;
}) {
  const signed = new Set(detail.version.content.signatures.map((s) => s.attendeeId));
  const options = detail.version.content.attendees.filter((a) => !signed.has(a.id));
  const [attendeeId, setAttendeeId] = useState(options[0]?.id ?? "");
  const attendee = options.find((a) => a.id === attendeeId);
  const [signerName, setSignerName] = useState<string | null>(null);
  const [signedOn, setSignedOn] = useState("");
  const [choice, setChoice] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (options.length === 0) return null;
  const name = signerName ?? attendee?.name ?? "";
  const family = attendee?.role === "parent" || attendee?.role === "student";
  const asksConsent = family && detail.version.content.type === "iep" && detail.version.content.consent.choice === null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!name.trim()) found.signerName = t("plans.paper.nameRequired");
    if (!/^\d{4}-\d{2}-\d{2}$/.test(signedOn)) found.signedOn = t("plans.paper.dateRequired");
    if (!file) found.file = t("plans.paper.fileRequired");
    else if (file.size > MAX_SCAN_BYTES) found.file = t("plans.paper.fileTooLarge");
    setErrors(found);
    if (Object.keys(found).length > 0 || !file) {
      document.getElementById(`paper-${Object.keys(found)[0]}`)?.focus();
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      await plansApi.step(studentId, detail.plan.id, "paper-signatures", {
        attendeeId,
        signerName: name,
        signedOn,
        meaning: "agreement",
        consent: asksConsent && choice ? { choice, exclusions: [] } : null,
        scan: { fileName: file.name, dataBase64: await readBase64(file) },
      });
      onChanged();
    } catch (e) {
      setFailure(describeError(e));
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="paper" className="panel">
      <h2 id="paper">{t("plans.paper.heading")}</h2>
      <p className="muted">{t("plans.paper.explain")}</p>
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <form onSubmit={submit} noValidate>
        <Field id="paper-attendee" label={t("plans.paper.attendee")}>
          <Select
            name="paper-attendee"
            value={attendeeId}
            onChange={(e) => {
              setAttendeeId(e.target.value);
              setSignerName(null);
              setChoice("");
            }}
            options={options.map((a) => ({
              value: a.id,
              label: `${a.name} (${a.title || labelOrCode("teamRole", a.role)})`,
            }))}
          />
        </Field>
        <Field id="paper-signerName" label={t("plans.paper.signerName")} required error={errors.signerName}>
          <TextInput name="paper-signer-name" value={name} onChange={(e) => setSignerName(e.target.value)} />
        </Field>
        <Field id="paper-signedOn" label={t("plans.paper.signedOn")} required error={errors.signedOn}>
          <TextInput
            type="date"
            name="paper-signed-on"
            value={signedOn}
            onChange={(e) => setSignedOn(e.target.value)}
          />
        </Field>
        {asksConsent ? (
          <Field label={t("plans.paper.consent")}>
            <Select
              name="paper-consent"
              value={choice}
              onChange={(e) => setChoice(e.target.value)}
              options={[
                { value: "", label: t("plans.paper.consent.none") },
                ...CONSENT_CHOICES.filter((c) => c !== "consent-except").map((c) => ({
                  value: c,
                  label: t(`plans.sign.consent.${c}`),
                })),
              ]}
            />
          </Field>
        ) : null}
        <Field id="paper-file" label={t("plans.paper.file")} required error={errors.file}>
          <TextInput
            type="file"
            name="paper-file"
            accept="application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </Field>
        <Button type="submit" busy={busy}>
          {t("plans.paper.submit")}
        </Button>
      </form>
    </section>
  );
}

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

export function PlainSummary({ detail, name }: { detail: PlanDetail; name: string }) {
  const c = detail.version.content;
  const goals = (getPath(c, ["goals"]) as Array<Record<string, unknown>> | undefined) ?? [];
  const services = (getPath(c, ["services"]) as Array<Record<string, unknown>> | undefined) ?? [];
  const accommodations = (getPath(c, ["accommodations"]) as Array<Record<string, unknown>> | undefined) ?? [];
  const impairments = (getPath(c, ["impairments"]) as Array<Record<string, unknown>> | undefined) ?? [];
  const academic = text(getPath(c, ["presentLevels", "academic"]));
  const amendment = text(getPath(c, ["amendment", "description"]));
  // The team's words: a person's translation where there is one for the reader's language (decision 0027).
  const translations = detail.translations;
  return (
    <section aria-labelledby="summary" className="panel">
      <h2 id="summary">{t("plans.summary.heading")}</h2>
      {c.type === "iep" ? (
        <>
          {amendment ? (
            <>
              <h3>{t("plans.summary.amendment")}</h3>
              <p {...englishText()}>{amendment}</p>
            </>
          ) : null}
          <h3>{t("plans.summary.presentLevels", { name })}</h3>
          <p data-testid="summary-present-levels">
            {academic ? (
              <TeamWords english={academic} pointer="/presentLevels/academic" translations={translations} />
            ) : (
              t("plans.summary.nothing")
            )}
          </p>
          <h3>{t("plans.summary.goals")}</h3>
          {goals.length === 0 ? <p>{t("plans.summary.nothing")}</p> : null}
          <ul>
            {goals.map((g, i) => (
              <li key={text(g.id)} data-testid="summary-goal">
                <TeamWords
                  english={text(g.statement)}
                  pointer={`/goals/${i}/statement`}
                  translations={translations}
                  before={
                    <>
                      <strong {...englishText()}>{text(g.area)}</strong>:{" "}
                    </>
                  }
                />
              </li>
            ))}
          </ul>
          <h3>{t("plans.summary.services")}</h3>
          <ul>
            {services.map((s) => {
              const freq = s.frequency as { times?: number; per?: string } | undefined;
              return (
                <li key={text(s.id)}>
                  {t("plans.summary.serviceLine", {
                    area: labelOrCode("serviceArea", text(s.area)),
                    minutes: Number(s.minutesPerSession ?? 0),
                    times: Number(freq?.times ?? 0),
                    per: freq?.per ?? "",
                    location: text(s.location),
                  })}
                </li>
              );
            })}
          </ul>
        </>
      ) : (
        <>
          <h3>{t("plans.summary.impairments")}</h3>
          <ul>
            {impairments.map((imp, i) => (
              <li key={text(imp.id)}>
                <TeamWords
                  english={text(imp.description)}
                  pointer={`/impairments/${i}/description`}
                  translations={translations}
                  before={
                    <>
                      <strong {...englishText()}>{text(imp.name)}</strong>{" "}
                    </>
                  }
                />
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{t("plans.summary.accommodations", { name })}</h3>
      {accommodations.length === 0 ? <p>{t("plans.summary.nothing")}</p> : null}
      <ul>
        {accommodations.map((a, i) => (
          <li key={text(a.id)}>
            <TeamWords
              english={text(a.text)}
              pointer={`/accommodations/${i}/text`}
              translations={translations}
              after={text(a.when) ? ` (${text(a.when)})` : ""}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

function Signatures({ studentId, detail }: { studentId: string; detail: PlanDetail }) {
  const sigs = detail.version.content.signatures;
  const views = new Map(detail.version.signatures.map((v) => [v.attendeeId, v]));
  return (
    <section aria-labelledby="signatures" className="panel">
      <h2 id="signatures">{t("plans.signatures.heading")}</h2>
      {sigs.length === 0 ? <p>{t("plans.signatures.none")}</p> : null}
      <ul data-testid="signatures">
        {sigs.map((s) => {
          const view = views.get(s.attendeeId);
          return (
            <li key={s.attendeeId}>
              {t("plans.signatures.item", { name: s.typedName, date: dateTime(s.signedAt) })}
              {" — "}
              {describeSignature(s, longDate, getLocale())}
              {view?.hasScan ? (
                <>
                  {" · "}
                  <a href={plansApi.signatureScanUrl(studentId, detail.plan.id, view.id)}>
                    {t("plans.signatures.scan", { name: s.typedName })}
                  </a>
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Versions({ detail }: { detail: PlanDetail }) {
  return (
    <section aria-labelledby="versions" className="panel">
      <h2 id="versions">{t("plans.versions.heading")}</h2>
      <ol reversed>
        {detail.versions.map((v) => (
          <li key={v.id}>
            {/* A sealed version is dated by its seal (when it was signed), others by when they were started. */}
            {t(v.sealedAt ? "plans.versions.itemSealed" : "plans.versions.item", {
              number: v.number,
              status: statusText(v.status),
              date: longDate((v.sealedAt ?? v.createdAt).slice(0, 10)),
            })}
            {v.sha256 ? (
              <>
                {" "}
                · <code>{groupedHash(v.sha256).slice(0, 19)}…</code>
              </>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

function DiffSection({ studentId, detail }: { studentId: string; detail: PlanDetail }) {
  const diff = useRequest(`diff:${detail.version.id}:${detail.version.revision}`, (signal) =>
    plansApi.diff(studentId, detail.plan.id, signal),
  );
  return (
    <section aria-labelledby="diff" className="panel">
      <h2 id="diff">{t("plans.diff.heading")}</h2>
      {diff.status === "ok" ? (
        diff.data.from === null ? (
          <p>{t("plans.diff.none")}</p>
        ) : diff.data.changes.length === 0 ? (
          <p>{t("plans.diff.same")}</p>
        ) : (
          <ul data-testid="diff">
            {diff.data.changes.map((c) => (
              <li key={`${c.section}:${c.itemId ?? ""}:${c.text}`}>{c.text}</li>
            ))}
          </ul>
        )
      ) : null}
      {diff.status === "error" ? <Alert tone="error">{describeError(diff.error)}</Alert> : null}
    </section>
  );
}

/** The notice of a meeting as a PDF (34 CFR 300.322(b)). */
function MeetingNoticeLink({
  studentId,
  planId,
  meeting,
}: {
  studentId: string;
  planId: string;
  meeting: PlanDetail["meetings"][number] | null;
}) {
  const href = meeting
    ? plansApi.meetingNoticeUrl(studentId, planId, meeting.id)
    : plansApi.pdfUrl(studentId, planId, "meeting-notice");
  const spanish = meeting
    ? plansApi.meetingNoticeUrl(studentId, planId, meeting.id, "es")
    : plansApi.pdfUrl(studentId, planId, "meeting-notice", "es");
  return (
    <>
      <a href={href}>{t("plans.pdf.link", { document: label("planPdf", "meeting-notice") })}</a>
      {getLocale() === "en" ? (
        <>
          {" · "}
          <a href={spanish} hrefLang="es">
            {t("plans.pdf.linkSpanish", { document: label("planPdf", "meeting-notice") })}
          </a>
        </>
      ) : null}
    </>
  );
}

function PdfLinks({ studentId, detail }: { studentId: string; detail: PlanDetail }) {
  const kinds = planPdfKindsFor(detail.plan.type);
  // Everyone who can read the plan, the family included, can print the notice of its meeting:
  // the meeting scheduled for this version, or the notice recorded in the plan.
  const meeting = detail.meetings.find((m) => m.versionId === detail.version.id) ?? null;
  const recorded = (detail.version.content.meeting as { notice?: unknown } | undefined)?.notice;
  return (
    <section aria-labelledby="pdfs" className="panel">
      <h2 id="pdfs">{t("plans.pdf.heading")}</h2>
      <ul>
        {kinds.map((k) => (
          <li key={k}>
            <a href={plansApi.pdfUrl(studentId, detail.plan.id, k)}>
              {t("plans.pdf.link", { document: label("planPdf", k) })}
            </a>
            {getLocale() === "en" && isWrittenInSpanish(k) ? (
              <>
                {" · "}
                <a href={plansApi.pdfUrl(studentId, detail.plan.id, k, "es")} hrefLang="es">
                  {t("plans.pdf.linkSpanish", { document: label("planPdf", k) })}
                </a>
              </>
            ) : null}
          </li>
        ))}
        {meeting || recorded ? (
          <li>
            <MeetingNoticeLink studentId={studentId} planId={detail.plan.id} meeting={meeting} />
          </li>
        ) : null}
      </ul>
    </section>
  );
}
