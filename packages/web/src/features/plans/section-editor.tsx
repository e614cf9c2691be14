/**
 * One section of the plan editor and its fields, drawn from the section specs in
 * `plan-sections.ts`: a "fields" section edits one object, a "list" section a list of items.
 * Fields nest: a goal's baseline is a group, its short-term objectives a list inside the goal,
 * its needs links to items elsewhere in the plan. Every control's id comes from its path in the
 * plan (`fieldId`), so a finding can link to it; groups and lists are fieldsets with legends.
 */
import { createContext, memo, type ReactNode, useCallback, useContext, useEffect, useRef, useState } from "react";
import { Button, Field, Select, TextArea, TextInput } from "../../components/ui/index.ts";
import { labelOrCode } from "../../i18n/labels.ts";
import { t, tMaybe } from "../../i18n/t.ts";
import type { PlanContent } from "./api.ts";
import { type FieldSpec, linkTargets, type SectionSpec } from "./plan-sections.ts";
import { getPath } from "./plan-text.ts";

type Path = (string | number)[];
type OnChange = (path: Path, value: unknown) => void;

/** The id of a field's control, from its path in the plan: findings and the section list link to it. */
export function fieldId(path: readonly (string | number)[]): string {
  return `field-${path.join(".")}`;
}

/** A select's choices, each named by core's label for its code. */
export function optionsOf(spec: FieldSpec): Array<{ value: string; label: string }> {
  const options = spec.options;
  return options ? options.values.map((value) => ({ value, label: labelOrCode(options.fact, value) })) : [];
}

/** A field's label and hint, from the feature's messages (`plans.field.<label>`, `plans.hint.<label>`). */
function labelOf(spec: FieldSpec): string {
  const key = spec.label ?? spec.key;
  return tMaybe(`plans.field.${key}`) ?? key;
}
function hintOf(spec: FieldSpec): string | undefined {
  return tMaybe(`plans.hint.${spec.label ?? spec.key}`);
}
function itemName(itemLabel: string | undefined, number: number): string {
  return (itemLabel ? tMaybe(`plans.item.${itemLabel}`, { number }) : undefined) ?? t("plans.editor.item", { number });
}

/** After adding or removing an item, where focus goes: the first control inside the element with this id. */
const FocusContext = createContext<(id: string) => void>(() => {});

function focusInside(id: string): void {
  const element = document.getElementById(id);
  if (!element) return;
  const control = element.matches("input, select, textarea, button")
    ? element
    : element.querySelector<HTMLElement>("input, select, textarea, button");
  (control ?? element).focus();
}

/** A number not used by an item's id, for a new item's template. */
/** Every item id in the plan: links name items by id, so a new item's id must be new in the whole plan. */
function idsIn(value: unknown, out = new Set<unknown>()): Set<unknown> {
  if (Array.isArray(value)) for (const v of value) idsIn(v, out);
  else if (value && typeof value === "object") {
    const { id } = value as { id?: unknown };
    if (id !== undefined) out.add(id);
    for (const v of Object.values(value)) if (v && typeof v === "object") idsIn(v, out);
  }
  return out;
}

/**
 * The number of a new item: one whose id is used nowhere in the plan (a limitation of a second
 * impairment must not take the id of the first impairment's, or a link would point at both).
 */
function freshNumber(list: unknown[], template: (n: number) => Record<string, unknown>, content: unknown): number {
  const used = idsIn(content, idsIn(list));
  let n = list.length + 1;
  while (used.has(template(n).id) && template(n).id !== undefined) n++;
  return n;
}

type FieldProps = {
  spec: FieldSpec;
  path: Path;
  content: PlanContent;
  errors: Record<string, string>;
  onChange: OnChange;
};

const errorAt = (errors: Record<string, string>, path: Path) => errors[`/${path.join("/")}`];
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** What the page shows after a field's control (the findings about that field); set by SectionEditor. */
const NotesContext = createContext<((path: (string | number)[], label: string) => ReactNode) | undefined>(undefined);

function FieldEditor(props: FieldProps) {
  const notesFor = useContext(NotesContext);
  return (
    <>
      <FieldControl {...props} />
      {notesFor?.(props.path, labelOf(props.spec))}
    </>
  );
}

function FieldControl(props: FieldProps) {
  const { spec, path, content, errors, onChange } = props;
  const value = getPath(content, path);
  const error = errorAt(errors, path);
  const label = labelOf(spec);
  const hint = hintOf(spec);
  const name = path.join(".");
  const id = fieldId(path);

  switch (spec.kind) {
    case "checkbox":
      return (
        <div className="checkbox-field">
          <input
            type="checkbox"
            id={id}
            name={name}
            checked={value === true}
            aria-describedby={hint ? `${id}-hint` : undefined}
            onChange={(e) => onChange(path, e.target.checked)}
          />{" "}
          <label htmlFor={id}>{label}</label>
          {hint ? (
            <p className="field-hint" id={`${id}-hint`}>
              {hint}
            </p>
          ) : null}
          {error ? <p className="field-error">{error}</p> : null}
        </div>
      );
    case "select":
      return <SelectField {...props} />;
    case "radio":
    case "yesno":
      return <RadioField {...props} />;
    case "choices":
    case "links":
      return <CheckboxGroup {...props} />;
    case "link": {
      const targets = spec.source ? linkTargets(content, spec.source) : [];
      return (
        <Field label={label} hint={hint} error={error} id={id}>
          <Select
            name={name}
            value={typeof value === "string" ? value : ""}
            placeholder={t("plans.editor.notDecided")}
            options={targets.map((target, i) => ({
              value: target.id,
              label: target.words || t("plans.editor.item", { number: i + 1 }),
            }))}
            onChange={(e) => onChange(path, e.target.value === "" ? null : e.target.value)}
          />
        </Field>
      );
    }
    case "strings":
    case "dates":
      return <ValueList {...props} />;
    case "items":
      return <ItemList {...props} />;
    case "group":
      return <Group {...props} />;
    case "textarea":
      return (
        <TextArea
          id={id}
          label={label}
          name={name}
          value={typeof value === "string" ? value : ""}
          onChange={(v) => onChange(path, v)}
          {...(hint ? { hint } : {})}
          {...(error ? { error } : {})}
        />
      );
    default:
      return (
        <Field label={label} hint={hint} error={error} id={id}>
          <TextInput
            name={name}
            type={
              spec.kind === "date" ? "date" : spec.kind === "number" ? "number" : spec.kind === "time" ? "time" : "text"
            }
            value={value === null || value === undefined ? "" : String(value)}
            onChange={(e) => {
              const raw = e.target.value;
              if (spec.kind === "date" || spec.kind === "time") onChange(path, raw === "" ? null : raw);
              // An empty number is left out: the format's default (null, or none) applies.
              else if (spec.kind === "number") onChange(path, raw === "" ? undefined : Number(raw));
              else onChange(path, raw);
            }}
          />
        </Field>
      );
  }
}

function SelectField({ spec, path, content, errors, onChange }: FieldProps) {
  const value = getPath(content, path);
  const current = typeof value === "string" ? value : "";
  const options = optionsOf(spec);
  // A value from elsewhere (an older plan) that is not in the list stays visible.
  if (current !== "" && !options.some((o) => o.value === current)) options.push({ value: current, label: current });
  return (
    <Field label={labelOf(spec)} hint={hintOf(spec)} error={errorAt(errors, path)} id={fieldId(path)}>
      <Select
        name={path.join(".")}
        value={current}
        placeholder={t("plans.editor.notDecided")}
        options={options}
        onChange={(e) => {
          const chosen = e.target.value;
          if (chosen === "" && spec.clearsParent) onChange(path.slice(0, -1), null);
          else onChange(path, chosen === "" ? null : chosen);
        }}
      />
    </Field>
  );
}

/** A group of radio buttons: a core list's codes, or Yes / No / Not answered. */
function RadioField({ spec, path, content, errors, onChange }: FieldProps) {
  const value = getPath(content, path);
  const id = fieldId(path);
  const name = path.join(".");
  const hint = hintOf(spec);
  const error = errorAt(errors, path);
  const choices: Array<{ key: string; label: string; value: unknown; checked: boolean }> =
    spec.kind === "yesno"
      ? [
          { key: "yes", label: t("plans.editor.yes"), value: true, checked: value === true },
          { key: "no", label: t("plans.editor.no"), value: false, checked: value === false },
          {
            key: "unset",
            label: t("plans.editor.notAnswered"),
            value: spec.optional ? undefined : null,
            checked: value !== true && value !== false,
          },
        ]
      : [
          ...optionsOf(spec).map((o) => ({ key: o.value, label: o.label, value: o.value, checked: value === o.value })),
          {
            key: "unset",
            label: t("plans.editor.notDecided"),
            value: null,
            checked: typeof value !== "string" || value === "",
          },
        ];
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <fieldset className="field radio-group" id={id} tabIndex={-1} aria-describedby={describedBy || undefined}>
      <legend className="field-label">{labelOf(spec)}</legend>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {choices.map((choice) => (
        <div key={choice.key} className="choice">
          <input
            type="radio"
            id={`${id}-${choice.key}`}
            name={name}
            checked={choice.checked}
            onChange={() => onChange(path, choice.value)}
          />{" "}
          <label htmlFor={`${id}-${choice.key}`}>{choice.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** Several codes of a core list, or links to items elsewhere in the plan, as checkboxes. */
function CheckboxGroup({ spec, path, content, errors, onChange }: FieldProps) {
  const value = asList(getPath(content, path)).filter((v): v is string => typeof v === "string");
  const id = fieldId(path);
  const hint = hintOf(spec);
  const error = errorAt(errors, path);
  const choices =
    spec.kind === "links" && spec.source
      ? linkTargets(content, spec.source).map((target, i) => ({
          value: target.id,
          label: target.words || t("plans.editor.item", { number: i + 1 }),
        }))
      : optionsOf(spec);
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <fieldset className="field checkbox-group" id={id} tabIndex={-1} aria-describedby={describedBy || undefined}>
      <legend className="field-label">{labelOf(spec)}</legend>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {choices.length === 0 ? <p>{t("plans.editor.nothingToLink")}</p> : null}
      {choices.map((choice, i) => (
        <div key={choice.value} className="choice">
          <input
            type="checkbox"
            id={`${id}-${i}`}
            name={path.join(".")}
            value={choice.value}
            checked={value.includes(choice.value)}
            onChange={(e) =>
              onChange(path, e.target.checked ? [...value, choice.value] : value.filter((v) => v !== choice.value))
            }
          />{" "}
          <label htmlFor={`${id}-${i}`}>{choice.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

/**
 * A list of texts or dates (strengths, sources of help, report dates), each added and removed on
 * its own. Each text gets the page's notes beside it, as any field does (its findings, and for a
 * text the family reads, such as a strength or the notice's basis, its Spanish translation).
 */
function ValueList({ spec, path, content, errors, onChange }: FieldProps) {
  const focus = useContext(FocusContext);
  const notesFor = useContext(NotesContext);
  const values = asList(getPath(content, path));
  const id = fieldId(path);
  const label = labelOf(spec);
  const hint = hintOf(spec);
  return (
    <fieldset className="field value-list" id={id} tabIndex={-1} aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend className="field-label">{label}</legend>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {values.map((v, i) => {
        const itemPath = [...path, i];
        const number = i + 1;
        const entryLabel = t("plans.editor.entry", { label, number });
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: plain values have no id; the position is the item
          <div key={i} className="value-list-item">
            <Field label={entryLabel} error={errorAt(errors, itemPath)} id={fieldId(itemPath)}>
              <TextInput
                name={itemPath.join(".")}
                type={spec.kind === "dates" ? "date" : "text"}
                value={typeof v === "string" ? v : ""}
                onChange={(e) =>
                  onChange(itemPath, spec.kind === "dates" && e.target.value === "" ? null : e.target.value)
                }
              />
            </Field>
            {spec.kind === "strings" ? notesFor?.(itemPath, entryLabel) : null}
            <Button
              variant="secondary"
              onClick={() => {
                onChange(
                  path,
                  values.filter((_, j) => j !== i),
                );
                const next = values.length - 1;
                focus(next === 0 ? `${id}-add` : fieldId([...path, Math.min(i, next - 1)]));
              }}
            >
              {t("plans.editor.removeEntry", { label, number })}
            </Button>
          </div>
        );
      })}
      <Button
        variant="secondary"
        id={`${id}-add`}
        onClick={() => {
          onChange(path, [...values, spec.kind === "dates" ? null : ""]);
          focus(fieldId([...path, values.length]));
        }}
      >
        {t("plans.editor.addEntry", { label })}
      </Button>
    </fieldset>
  );
}

/** The fields of one item of a list, in a fieldset named by the item, with its Remove button. */
function ItemFields({
  fields,
  itemPath,
  legend,
  content,
  errors,
  onChange,
  onRemove,
  removeLabel,
}: {
  fields: FieldSpec[];
  itemPath: Path;
  legend: string;
  content: PlanContent;
  errors: Record<string, string>;
  onChange: OnChange;
  onRemove?: () => void;
  removeLabel: string;
}) {
  const error = errorAt(errors, itemPath);
  return (
    <fieldset className="plan-item" id={fieldId(itemPath)} tabIndex={-1}>
      <legend>{legend}</legend>
      {error ? <p className="field-error">{error}</p> : null}
      {fields.map((f) => (
        <FieldEditor
          key={f.key}
          spec={f}
          path={[...itemPath, ...f.key.split(".")]}
          content={content}
          errors={errors}
          onChange={onChange}
        />
      ))}
      {onRemove ? (
        <Button variant="secondary" onClick={onRemove}>
          {removeLabel}
        </Button>
      ) : null}
    </fieldset>
  );
}

/** A list of objects inside a section (guardians, needs, a goal's short-term objectives). */
function ItemList({ spec, path, content, errors, onChange }: FieldProps) {
  const focus = useContext(FocusContext);
  const list = asList(getPath(content, path));
  const id = fieldId(path);
  const label = labelOf(spec);
  const hint = hintOf(spec);
  const template = spec.template ?? (() => ({}));
  return (
    <fieldset className="field item-list" id={id} tabIndex={-1} aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend className="field-label">{label}</legend>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {list.map((item, i) => {
        const name = itemName(spec.itemLabel, i + 1);
        return (
          <ItemFields
            key={String((item as { id?: unknown } | null)?.id ?? i)}
            fields={spec.fields ?? []}
            itemPath={[...path, i]}
            legend={name}
            content={content}
            errors={errors}
            onChange={onChange}
            removeLabel={t("plans.editor.removeNamed", { name })}
            onRemove={() => {
              onChange(
                path,
                list.filter((_, j) => j !== i),
              );
              const next = list.length - 1;
              focus(next === 0 ? `${id}-add` : fieldId([...path, Math.min(i, next - 1)]));
            }}
          />
        );
      })}
      <Button
        variant="secondary"
        id={`${id}-add`}
        onClick={() => {
          onChange(path, [...list, template(freshNumber(list, template, content))]);
          focus(fieldId([...path, list.length]));
        }}
      >
        {t("plans.editor.addNamed", { name: itemName(spec.itemLabel, list.length + 1) })}
      </Button>
    </fieldset>
  );
}

/** An object edited in place (a goal's baseline, the meeting notice, an excusal). */
function Group({ spec, path, content, errors, onChange }: FieldProps) {
  const value = getPath(content, path);
  const id = fieldId(path);
  const label = labelOf(spec);
  const hint = hintOf(spec);
  const error = errorAt(errors, path);
  return (
    <fieldset className="field group" id={id} tabIndex={-1} aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend className="field-label">{label}</legend>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? <p className="field-error">{error}</p> : null}
      {(spec.fields ?? []).map((f) => (
        <FieldEditor
          key={f.key}
          spec={f}
          path={[...path, ...f.key.split(".")]}
          content={content}
          errors={errors}
          onChange={onChange}
        />
      ))}
      {spec.nullable && value !== null && value !== undefined ? (
        <Button variant="secondary" onClick={() => onChange(path, null)}>
          {t("plans.editor.clear", { label })}
        </Button>
      ) : null}
    </fieldset>
  );
}

/** The parts of the plan a section shows: its own, and the lists its links read. */
function dependenciesOf(spec: SectionSpec): string[][] {
  const out: string[][] = spec.path.length > 0 ? [spec.path] : spec.fields.map((f) => [f.key.split(".")[0] ?? f.key]);
  const walk = (fields: FieldSpec[]) => {
    for (const f of fields) {
      if (f.source) out.push([f.source.path[0] ?? ""]);
      walk(f.fields ?? []);
    }
  };
  walk(spec.fields);
  return out;
}

type SectionProps = {
  heading: string;
  spec: SectionSpec;
  content: PlanContent;
  errors: Record<string, string>;
  onChange: (path: (string | number)[], value: unknown) => void;
  /** Shown under the heading (the findings about the section as a whole). */
  sectionNotes?: ReactNode;
  /** Shown after a field's control (the findings about that field, its translation); `label` is the field's. */
  notesFor?: (path: (string | number)[], label: string) => ReactNode;
  /** The checks' result the notes come from: the section is drawn again when it changes. */
  findings?: unknown;
  /** The translations the notes show: the section is drawn again when they change. */
  translations?: unknown;
};

/**
 * A section is drawn again only when its part of the plan (or a list it links to) changed: a
 * change copies only the objects on its path, so the others keep their identity. On a full plan
 * this keeps typing quick. The change handler is read through a ref, so it is always the latest.
 */
export function SectionEditor(props: SectionProps) {
  const latest = useRef(props.onChange);
  latest.current = props.onChange;
  const onChange = useCallback((path: (string | number)[], value: unknown) => latest.current(path, value), []);
  return <MemoSection {...props} onChange={onChange} />;
}

const MemoSection = memo(
  SectionBody,
  (a, b) =>
    a.spec === b.spec &&
    a.heading === b.heading &&
    a.errors === b.errors &&
    a.findings === b.findings &&
    a.translations === b.translations &&
    dependenciesOf(b.spec).every((path) => getPath(a.content, path) === getPath(b.content, path)),
);

function SectionBody({ heading, spec, content, errors, onChange, sectionNotes, notesFor }: SectionProps) {
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  useEffect(() => {
    if (focusTarget === null) return;
    focusInside(focusTarget);
    setFocusTarget(null);
  }, [focusTarget]);

  let body: React.ReactNode;
  if (spec.kind === "fields") {
    const value = getPath(content, spec.path);
    body = (
      <>
        {spec.fields.map((f) => (
          <FieldEditor
            key={f.key}
            spec={f}
            path={[...spec.path, ...f.key.split(".")]}
            content={content}
            errors={errors}
            onChange={onChange}
          />
        ))}
        {spec.nullable && value !== null && value !== undefined ? (
          <Button variant="secondary" onClick={() => onChange(spec.path, null)}>
            {t("plans.editor.clear", { label: heading })}
          </Button>
        ) : null}
      </>
    );
  } else {
    const list = asList(getPath(content, spec.path));
    const listId = fieldId(spec.path);
    const template = spec.template;
    body = (
      <>
        {list.map((item, i) => {
          const name = itemName(spec.itemLabel, i + 1);
          return (
            <ItemFields
              key={String((item as { id?: unknown } | null)?.id ?? i)}
              fields={spec.fields}
              itemPath={[...spec.path, i]}
              legend={name}
              content={content}
              errors={errors}
              onChange={onChange}
              removeLabel={t("plans.editor.removeNamed", { name })}
              {...(template
                ? {
                    onRemove: () => {
                      onChange(
                        spec.path,
                        list.filter((_, j) => j !== i),
                      );
                      const next = list.length - 1;
                      setFocusTarget(next === 0 ? `${listId}-add` : fieldId([...spec.path, Math.min(i, next - 1)]));
                    },
                  }
                : {})}
            />
          );
        })}
        {template ? (
          <Button
            variant="secondary"
            id={`${listId}-add`}
            onClick={() => {
              onChange(spec.path, [...list, template(freshNumber(list, template, content))]);
              setFocusTarget(fieldId([...spec.path, list.length]));
            }}
          >
            {t("plans.editor.add", { section: heading })}
          </Button>
        ) : null}
      </>
    );
  }
  return (
    <FocusContext.Provider value={setFocusTarget}>
      <NotesContext.Provider value={notesFor}>
        <section id={`section-${spec.id}`} aria-labelledby={`h-${spec.id}`} className="panel">
          <h2 id={`h-${spec.id}`}>{heading}</h2>
          {sectionNotes}
          {body}
        </section>
      </NotesContext.Provider>
    </FocusContext.Provider>
  );
}
