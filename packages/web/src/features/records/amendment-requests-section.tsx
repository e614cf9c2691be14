/**
 * Requests to amend a record (34 CFR 300.618-300.621) on the case file page: the family asks and,
 * after a refusal, reads its rights and adds its statement; staff set the decision date and decide.
 */
import {
  AMENDMENT_DEFAULT_DAYS,
  AMENDMENT_PROBLEMS,
  type AmendmentProblem,
  type AmendmentRequest,
} from "@lantern/core";
import { type FormEvent, useState } from "react";
import { Alert, Button, Field, Select, StatusRegion, TextArea, TextInput } from "../../components/ui/index.ts";
import { longDate, shortDate } from "../../i18n/dates.ts";
import { t, tMaybe } from "../../i18n/t.ts";
import { useRequest } from "../../lib/use-request.ts";
import {
  decideAmendment,
  getAmendmentRequests,
  placeAmendmentStatement,
  requestAmendment,
  setAmendmentDeadline,
} from "./amendment-api.ts";
import { attempt, type FieldErrors as Errors, Loaded } from "./record-list-parts.tsx";

const label = (prefix: string, code: string) => tMaybe(`records.amendment.${prefix}.${code}`) ?? code;

export function AmendmentRequestsSection({
  studentId,
  firstName,
  forFamily,
  forStaff,
  onChange,
}: {
  studentId: string;
  firstName: string;
  forFamily: boolean;
  forStaff: boolean;
  onChange: () => void;
}) {
  const [version, setVersion] = useState(0);
  const list = useRequest(`amendment-requests:${studentId}:${version}`, (signal) =>
    getAmendmentRequests(studentId, signal),
  );
  const [status, setStatus] = useState("");
  const [record, setRecord] = useState("");
  const [problem, setProblem] = useState<AmendmentProblem>("inaccurate");
  const [explanation, setExplanation] = useState("");
  const [proposed, setProposed] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  function changed(message: string) {
    setStatus(message);
    setVersion((v) => v + 1);
    onChange();
  }

  async function ask(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    let dueOn = "";
    const ok = await attempt(
      async () => {
        const created = await requestAmendment(studentId, { record, problem, explanation, proposed });
        dueOn = created.clock.decideBy;
      },
      setErrors,
      setStatus,
    );
    setBusy(false);
    if (!ok) return;
    setRecord("");
    setExplanation("");
    setProposed("");
    changed(t("records.amendment.asked", { date: longDate(dueOn) }));
  }

  return (
    <section aria-labelledby="amendment-requests" className="panel">
      <h2 id="amendment-requests">{t("records.amendment.title")}</h2>
      <p>{t("records.amendment.intro", { name: firstName })}</p>
      <Loaded state={list}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t("records.amendment.none")}</p>
          ) : (
            <ul className="plain-list" aria-label={t("records.amendment.listLabel")}>
              {data.items.map((r) => (
                <AmendmentItem
                  key={r.id}
                  request={r}
                  studentId={studentId}
                  forFamily={forFamily}
                  forStaff={forStaff}
                  onChanged={changed}
                />
              ))}
            </ul>
          )
        }
      </Loaded>
      {forFamily ? (
        <form onSubmit={ask} noValidate>
          <h3>{t("records.amendment.askTitle")}</h3>
          <Field
            label={t("records.amendment.recordLabel")}
            hint={t("records.amendment.recordHint")}
            error={errors.record}
            required
          >
            <TextInput value={record} autoComplete="off" onChange={(e) => setRecord(e.target.value)} />
          </Field>
          <Field label={t("records.amendment.problemLabel")} error={errors.problem}>
            <Select
              value={problem}
              onChange={(e) => setProblem(e.target.value as AmendmentProblem)}
              options={AMENDMENT_PROBLEMS.map((p) => ({ value: p, label: label("problem", p) }))}
            />
          </Field>
          <TextArea
            label={t("records.amendment.explanationLabel")}
            name="amendment-explanation"
            value={explanation}
            onChange={setExplanation}
            {...(errors.explanation ? { error: errors.explanation } : {})}
          />
          <TextArea
            label={t("records.amendment.proposedLabel")}
            name="amendment-proposed"
            value={proposed}
            onChange={setProposed}
            {...(errors.proposed ? { error: errors.proposed } : {})}
          />
          <Button type="submit" busy={busy}>
            {t("records.amendment.ask")}
          </Button>
        </form>
      ) : null}
      <StatusRegion message={status} visible />
    </section>
  );
}

function AmendmentItem({
  request: r,
  studentId,
  forFamily,
  forStaff,
  onChanged,
}: {
  request: AmendmentRequest;
  studentId: string;
  forFamily: boolean;
  forStaff: boolean;
  onChanged: (message: string) => void;
}) {
  const headingId = `amendment-${r.id}`;
  const decision = r.events.find((e) => e.kind === "amended" || e.kind === "refused");
  return (
    <li>
      <article aria-labelledby={headingId} className="amendment-request">
        <h3 id={headingId}>
          {t("records.amendment.item", { record: r.record, date: shortDate(r.requestedOn), who: r.requester })}
        </h3>
        <dl>
          <dt>{t("records.amendment.problemLabel")}</dt>
          <dd>{label("problem", r.problem)}</dd>
          <dt>{t("records.amendment.explanation")}</dt>
          <dd>{r.explanation}</dd>
          <dt>{t("records.amendment.proposed")}</dt>
          <dd>{r.proposed}</dd>
        </dl>
        <p>
          <strong>{label("status", r.status)}.</strong>{" "}
          {t("records.amendment.decideBy", { date: longDate(r.clock.decideBy), citation: r.clock.citation })}{" "}
          {r.clock.setByDistrict
            ? t("records.amendment.decideBySet")
            : t("records.amendment.decideByDefault", { days: AMENDMENT_DEFAULT_DAYS })}{" "}
          {r.clock.daysLate > 0 ? t("records.amendment.late", { days: r.clock.daysLate }) : null}
        </p>
        {decision ? <p>{t("records.amendment.reasons", { text: decision.text })}</p> : null}
        {r.status === "refused" ? (
          <Alert tone="info" title={t("records.amendment.rightsTitle")}>
            <p>{t("records.amendment.rightsHearing")}</p>
            <p>{t("records.amendment.rightsStatement")}</p>
            <p>{t("records.amendment.rightsCitation", { citation: r.rightsCitation ?? "" })}</p>
          </Alert>
        ) : null}
        {r.statement !== null ? (
          <blockquote className="amendment-statement">
            <p>
              <strong>{t("records.amendment.statement")}:</strong> {r.statement}
            </p>
          </blockquote>
        ) : null}
        <h4 id={`${headingId}-history`}>{t("records.amendment.historyLabel")}</h4>
        <ul aria-labelledby={`${headingId}-history`}>
          {r.events.map((e) => (
            <li key={`${e.kind}-${e.at}`}>
              {t("records.amendment.event", {
                kind: label("event", e.kind),
                date: shortDate(e.kind === "deadline-set" && e.decideBy ? e.decideBy : e.on),
                who: e.who,
              })}
            </li>
          ))}
        </ul>
        {forFamily && r.status === "refused" && r.statement === null ? (
          <StatementForm studentId={studentId} request={r} onChanged={onChanged} />
        ) : null}
        {forStaff && r.status === "open" ? (
          <DecisionForms studentId={studentId} request={r} onChanged={onChanged} />
        ) : null}
      </article>
    </li>
  );
}

function StatementForm({
  studentId,
  request,
  onChanged,
}: {
  studentId: string;
  request: AmendmentRequest;
  onChanged: (message: string) => void;
}) {
  const [statement, setStatement] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState("");
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const ok = await attempt(
      () => placeAmendmentStatement(studentId, request.id, { statement }),
      setErrors,
      setProblem,
    );
    setBusy(false);
    if (ok) onChanged(t("records.amendment.statementAdded"));
  }
  return (
    <form onSubmit={submit} noValidate>
      <TextArea
        label={t("records.amendment.statementLabel")}
        name={`amendment-statement-${request.id}`}
        hint={t("records.amendment.statementHint")}
        value={statement}
        onChange={setStatement}
        {...(errors.statement ? { error: errors.statement } : {})}
      />
      {problem ? <p role="alert">{problem}</p> : null}
      <Button type="submit" busy={busy}>
        {t("records.amendment.addStatement")}
      </Button>
    </form>
  );
}

function DecisionForms({
  studentId,
  request,
  onChanged,
}: {
  studentId: string;
  request: AmendmentRequest;
  onChanged: (message: string) => void;
}) {
  const [decideBy, setDecideBy] = useState(request.clock.decideBy);
  const [decision, setDecision] = useState<"amended" | "refused">("amended");
  const [reasons, setReasons] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState("");
  const [busy, setBusy] = useState(false);

  async function setDate(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const ok = await attempt(() => setAmendmentDeadline(studentId, request.id, { decideBy }), setErrors, setProblem);
    setBusy(false);
    if (ok) onChanged(t("records.amendment.deadlineSet", { date: longDate(decideBy) }));
  }
  async function decide(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const ok = await attempt(
      () => decideAmendment(studentId, request.id, { decision, reasons }),
      setErrors,
      setProblem,
    );
    setBusy(false);
    if (ok) onChanged(t("records.amendment.decided"));
  }
  return (
    <div className="amendment-decision">
      <h4>{t("records.amendment.staffTitle")}</h4>
      <form onSubmit={setDate} noValidate>
        <Field label={t("records.amendment.deadlineLabel")} error={errors.decideBy} required>
          <TextInput type="date" value={decideBy} onChange={(e) => setDecideBy(e.target.value)} />
        </Field>
        <Button type="submit" variant="secondary" busy={busy}>
          {t("records.amendment.setDeadline")}
        </Button>
      </form>
      <form onSubmit={decide} noValidate>
        <Field label={t("records.amendment.decisionLabel")}>
          <Select
            value={decision}
            onChange={(e) => setDecision(e.target.value as "amended" | "refused")}
            options={(["amended", "refused"] as const).map((d) => ({ value: d, label: label("decision", d) }))}
          />
        </Field>
        <TextArea
          label={t("records.amendment.reasonsLabel")}
          name={`amendment-reasons-${request.id}`}
          value={reasons}
          onChange={setReasons}
          {...(errors.reasons ? { error: errors.reasons } : {})}
        />
        <Button type="submit" busy={busy}>
          {t("records.amendment.decide")}
        </Button>
      </form>
      {problem ? <p role="alert">{problem}</p> : null}
    </div>
  );
}
