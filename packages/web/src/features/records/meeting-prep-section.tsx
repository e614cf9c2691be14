/**
 * Getting ready for a meeting, for the family: its concerns and questions for each coming meeting
 * (34 CFR 300.324(a)(1)(ii)), in California the 24-hour notice that it will audio-record the meeting
 * (Ed. Code 56341.1(g)(1)), and the frozen copy of the draft the team shared, with a comment box on
 * each goal, service and accommodation and the team's answers under each comment.
 */
import type { DraftItem } from "@lantern/core";
import { type FormEvent, useState } from "react";
import { Alert, Button, StatusRegion, TextArea } from "../../components/ui/index.ts";
import { dateTime, longDate } from "../../i18n/dates.ts";
import { t } from "../../i18n/t.ts";
import { ApiError } from "../../lib/api-client.ts";
import { describeError } from "../../lib/error-message.ts";
import { useRequest } from "../../lib/use-request.ts";
import {
  commentOnDraft,
  getMeetingPreparation,
  type MeetingPreparation,
  type MeetingPreparationList,
  saveMeetingPreparation,
} from "./api.ts";

export function MeetingPrepSection({ studentId }: { studentId: string }) {
  const list = useRequest(`meeting-prep:${studentId}`, (signal) => getMeetingPreparation(studentId, signal));
  // Each change answers with the whole list: shown in place, so the forms (and their messages) stay.
  const [latest, setLatest] = useState<MeetingPreparationList | null>(null);
  return (
    <section aria-labelledby="meeting-prep" className="panel">
      <h2 id="meeting-prep">{t("records.prep.title")}</h2>
      <p>{t("records.prep.intro")}</p>
      {list.status === "error" ? (
        <Alert tone="error" title={t("records.loadError")}>
          <p>{describeError(list.error)}</p>
        </Alert>
      ) : list.status === "ok" ? (
        (latest ?? list.data).items.length === 0 ? (
          <p>{t("records.prep.none")}</p>
        ) : (
          (latest ?? list.data).items.map((m) => (
            <MeetingPrep key={m.meetingId} studentId={studentId} meeting={m} onSaved={setLatest} />
          ))
        )
      ) : (
        <p role="status">{t("common.loading")}</p>
      )}
    </section>
  );
}

function MeetingPrep({
  studentId,
  meeting,
  onSaved,
}: {
  studentId: string;
  meeting: MeetingPreparation;
  onSaved: (list: MeetingPreparationList) => void;
}) {
  const [concerns, setConcerns] = useState(meeting.family?.concerns ?? "");
  const [questions, setQuestions] = useState(meeting.family?.questions ?? "");
  const [record, setRecord] = useState(meeting.family?.willAudioRecord ?? false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const headingId = `meeting-${meeting.meetingId}`;
  const notice = meeting.family?.recordingNotice ?? null;

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    try {
      const list = await saveMeetingPreparation(studentId, meeting.meetingId, {
        concerns,
        questions,
        willAudioRecord: meeting.audioRecordingRule ? record : false,
      });
      setStatus(t("records.prep.saved"));
      onSaved(list);
    } catch (e) {
      if (e instanceof ApiError && e.issues.length > 0) {
        setErrors(Object.fromEntries(e.issues.map((i) => [i.path.replace(/^\//, ""), i.message])));
      }
      setStatus(describeError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <article aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t("records.prep.meeting", {
          when: dateTime(meeting.scheduledAt),
          location: meeting.location,
          purpose: meeting.purpose,
        })}
      </h3>
      {meeting.open ? (
        <form onSubmit={save} noValidate>
          <TextArea
            label={t("records.prep.concerns")}
            hint={t("records.prep.concernsHint")}
            name={`concerns-${meeting.meetingId}`}
            value={concerns}
            onChange={setConcerns}
            {...(errors.concerns ? { error: errors.concerns } : {})}
          />
          <TextArea
            label={t("records.prep.questions")}
            name={`questions-${meeting.meetingId}`}
            value={questions}
            onChange={setQuestions}
            {...(errors.questions ? { error: errors.questions } : {})}
          />
          {meeting.audioRecordingRule ? (
            <div className="checkbox-field">
              <label>
                <input
                  type="checkbox"
                  checked={record}
                  aria-describedby={`record-hint-${meeting.meetingId}`}
                  onChange={(e) => setRecord(e.target.checked)}
                />{" "}
                {t("records.prep.record")}
              </label>
              <p className="field-hint" id={`record-hint-${meeting.meetingId}`}>
                {t("records.prep.recordHint")} ({meeting.audioRecordingRule})
              </p>
            </div>
          ) : null}
          <Button type="submit" busy={busy}>
            {t("records.prep.save")}
          </Button>
          <StatusRegion message={status} visible />
        </form>
      ) : (
        <p>{t("records.prep.closed")}</p>
      )}
      {notice ? (
        <>
          <h4>{t("records.prep.notice")}</h4>
          <p>{notice.text}</p>
          <p>
            {notice.onTime
              ? t("records.prep.noticeOnTime", { when: dateTime(notice.givenAt) })
              : t("records.prep.noticeLate", { when: dateTime(notice.givenAt) })}{" "}
            ({notice.citation})
          </p>
        </>
      ) : null}
      <h4>{t("records.prep.draft")}</h4>
      {meeting.sharedDraft ? (
        <>
          <p>{t("records.prep.draftIntro", { date: longDate(meeting.sharedDraft.sharedAt.slice(0, 10)) })}</p>
          <ul className="draft-items">
            {meeting.sharedDraft.items.map((item) => (
              <DraftItemView
                key={`${item.kind}:${item.id}`}
                studentId={studentId}
                shareId={meeting.sharedDraft?.id ?? ""}
                item={item}
                open={meeting.open}
                comments={(meeting.sharedDraft?.comments ?? []).filter(
                  (c) => c.itemKind === item.kind && c.itemId === item.id,
                )}
                onSaved={onSaved}
              />
            ))}
          </ul>
        </>
      ) : (
        <p>{t("records.prep.noDraft")}</p>
      )}
    </article>
  );
}

function DraftItemView({
  studentId,
  shareId,
  item,
  open,
  comments,
  onSaved,
}: {
  studentId: string;
  shareId: string;
  item: DraftItem;
  open: boolean;
  comments: NonNullable<MeetingPreparation["sharedDraft"]>["comments"];
  onSaved: (list: MeetingPreparationList) => void;
}) {
  const [text, setText] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");
  const name = `${t(`records.prep.kind.${item.kind}`)}: ${item.title}`;

  async function send(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError("");
    try {
      const list = await commentOnDraft(studentId, shareId, { itemKind: item.kind, itemId: item.id, text });
      setText("");
      setStatus(t("records.prep.sent"));
      onSaved(list);
    } catch (e) {
      setError(e instanceof ApiError && e.issues.length > 0 ? (e.issues[0]?.message ?? "") : describeError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <li>
      <p>
        <strong>{name}</strong>
        {item.text ? ` — ${item.text}` : ""}
      </p>
      {comments.map((c) => (
        <div key={c.id} className="draft-comment">
          <p>
            {t("records.prep.commentBy", { name: c.by })} {c.text}
          </p>
          {c.answers.length > 0 ? (
            c.answers.map((a) => (
              <p key={a.id}>
                {t("records.prep.answerBy", { name: a.by })} {a.text}
              </p>
            ))
          ) : (
            <p className="muted">{t("records.prep.noAnswer")}</p>
          )}
        </div>
      ))}
      {open ? (
        <form onSubmit={send} noValidate>
          <TextArea
            label={t("records.prep.comment", { item: name })}
            name={`comment-${item.kind}-${item.id}`}
            value={text}
            onChange={setText}
            {...(error ? { error } : {})}
          />
          <Button type="submit" variant="secondary" busy={busy}>
            {t("records.prep.send", { item: name })}
          </Button>
          <StatusRegion message={status} visible />
        </form>
      ) : null}
    </li>
  );
}
