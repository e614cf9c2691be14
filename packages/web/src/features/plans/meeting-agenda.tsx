/**
 * The meeting's agenda for the team, on the plan page: what the family wrote before the meeting
 * (concerns, 34 CFR 300.324(a)(1)(ii); questions; the California recording notice, Ed. Code
 * 56341.1(g)(1)), sharing a frozen copy of the draft with the family, and each family comment on it
 * with a box to answer. Staff pages stay in English for now (plans.meeting.* is staff-only).
 */
import { type FormEvent, useState } from "react";
import { Alert, Button, StatusRegion, TextArea } from "../../components/ui/index.ts";
import { dateTime, longDate } from "../../i18n/dates.ts";
import { t } from "../../i18n/t.ts";
import { describeError } from "../../lib/error-message.ts";
import { useRequest } from "../../lib/use-request.ts";
import { type MeetingPreparation, type MeetingPreparationList, meetingPrepApi } from "./meeting-prep-api.ts";

export function MeetingAgenda({
  studentId,
  meetingId,
  canShare,
}: {
  studentId: string;
  meetingId: string;
  /** The version is a draft or proposed, and the reader may change the plan. */
  canShare: boolean;
}) {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");
  const list = useRequest(`agenda:${studentId}:${meetingId}`, (signal) => meetingPrepApi.list(studentId, signal));
  // Each change answers with the whole list: shown in place, so the forms stay where they are.
  const [latest, setLatest] = useState<MeetingPreparationList | null>(null);
  if (list.status === "error") {
    return (
      <Alert tone="error">
        <p>{describeError(list.error)}</p>
      </Alert>
    );
  }
  if (list.status !== "ok") return <p role="status">{t("common.loading")}</p>;
  const meeting = (latest ?? list.data).items.find((m) => m.meetingId === meetingId);
  if (!meeting) return null;
  const family = meeting.family;
  const draft = meeting.sharedDraft;

  async function share() {
    setBusy(true);
    try {
      setLatest(await meetingPrepApi.share(studentId, meetingId));
    } catch (e) {
      setStatus(describeError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="meeting-agenda">
      <h3>{t("plans.meeting.agenda.title")}</h3>
      {family && (family.concerns || family.questions || family.willAudioRecord) ? (
        <>
          {family.concerns ? (
            <>
              <h4>{t("plans.meeting.agenda.concerns")}</h4>
              <p data-testid="family-concerns">{family.concerns}</p>
            </>
          ) : null}
          {family.questions ? (
            <>
              <h4>{t("plans.meeting.agenda.questions")}</h4>
              <p data-testid="family-questions">{family.questions}</p>
            </>
          ) : null}
          {family.recordingNotice ? (
            <p>
              {t("plans.meeting.agenda.recording", {
                rule: family.recordingNotice.citation,
                when: dateTime(family.recordingNotice.givenAt),
              })}{" "}
              {family.recordingNotice.onTime ? "" : t("plans.meeting.agenda.recordingLate")}
            </p>
          ) : null}
        </>
      ) : (
        <p>{t("plans.meeting.agenda.nothing")}</p>
      )}
      {draft ? (
        <p>
          {t("plans.meeting.agenda.shared", {
            number: draft.versionNumber,
            date: longDate(draft.sharedAt.slice(0, 10)),
          })}
        </p>
      ) : null}
      {canShare && meeting.open ? (
        <>
          <p className="muted">{t("plans.meeting.agenda.shareHint")}</p>
          <Button variant="secondary" onClick={share} busy={busy}>
            {draft ? t("plans.meeting.agenda.shareAgain") : t("plans.meeting.agenda.share")}
          </Button>
        </>
      ) : null}
      {draft ? (
        <>
          <h4>{t("plans.meeting.agenda.comments")}</h4>
          {draft.comments.length === 0 ? <p>{t("plans.meeting.agenda.noComments")}</p> : null}
          <ul>
            {draft.comments.map((c) => (
              <CommentWithAnswer
                key={c.id}
                studentId={studentId}
                shareId={draft.id}
                comment={c}
                item={draft.items.find((i) => i.kind === c.itemKind && i.id === c.itemId)?.title ?? c.itemId}
                canAnswer={canShare}
                onAnswered={setLatest}
              />
            ))}
          </ul>
        </>
      ) : null}
      <StatusRegion message={status} visible />
    </div>
  );
}

function CommentWithAnswer({
  studentId,
  shareId,
  comment,
  item,
  canAnswer,
  onAnswered,
}: {
  studentId: string;
  shareId: string;
  comment: NonNullable<MeetingPreparation["sharedDraft"]>["comments"][number];
  item: string;
  canAnswer: boolean;
  onAnswered: (list: MeetingPreparationList) => void;
}) {
  const [text, setText] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  async function send(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError("");
    try {
      const list = await meetingPrepApi.answer(studentId, shareId, comment.id, text);
      setText("");
      onAnswered(list);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <li>
      <p>
        {t("plans.meeting.agenda.on", { item, name: comment.by })} {comment.text}
      </p>
      {comment.answers.map((a) => (
        <p key={a.id}>
          {t("plans.meeting.agenda.answerBy", { name: a.by })} {a.text}
        </p>
      ))}
      {canAnswer ? (
        <form onSubmit={send} noValidate>
          <TextArea
            label={t("plans.meeting.agenda.answer", { name: comment.by, item })}
            name={`answer-${comment.id}`}
            value={text}
            onChange={setText}
            {...(error ? { error } : {})}
          />
          <Button type="submit" variant="secondary" busy={busy}>
            {t("plans.meeting.agenda.sendAnswer", { name: comment.by, item })}
          </Button>
        </form>
      ) : null}
    </li>
  );
}
