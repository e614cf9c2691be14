/**
 * One section of the plan editor and its fields, drawn from the section specs in
 * `plan-sections.ts`: a "fields" section edits one object, a "list" section a list of items.
 */
import { Fragment, type ReactNode } from "react";
import { Button, Field, Select, TextArea, TextInput } from "../../components/ui/index.ts";
import { labelOrCode } from "../../i18n/labels.ts";
import { t, tMaybe } from "../../i18n/t.ts";
import type { PlanContent } from "./api.ts";
import type { FieldSpec, SectionSpec } from "./plan-sections.ts";
import { getPath } from "./plan-text.ts";

/** A select's choices, each named by core's label for its code. */
/** The id of a field's control, from its path in the plan: findings and the section list link to it. */
export function fieldId(path: readonly (string | number)[]): string {
  return `field-${path.join(".")}`;
}

export function optionsOf(spec: FieldSpec): Array<{ value: string; label: string }> {
  const options = spec.options;
  return options ? options.values.map((value) => ({ value, label: labelOrCode(options.fact, value) })) : [];
}

function FieldEditor({
  spec,
  path,
  value,
  error,
  onChange,
}: {
  spec: FieldSpec;
  path: (string | number)[];
  value: unknown;
  error: string | undefined;
  onChange: (path: (string | number)[], value: unknown) => void;
}) {
  const label = tMaybe(`plans.field.${spec.label ?? spec.key}`) ?? spec.key;
  const name = path.join(".");
  if (spec.kind === "checkbox") {
    return (
      <div className="checkbox-field">
        <label>
          <input
            type="checkbox"
            id={fieldId(path)}
            name={name}
            checked={value === true}
            onChange={(e) => onChange(path, e.target.checked)}
          />{" "}
          {label}
        </label>
        {error ? <p className="field-error">{error}</p> : null}
      </div>
    );
  }
  if (spec.kind === "select") {
    return (
      <Field label={label} error={error} id={fieldId(path)}>
        <Select
          name={name}
          value={typeof value === "string" ? value : ""}
          placeholder={t("plans.editor.notDecided")}
          options={optionsOf(spec)}
          onChange={(e) => onChange(path, e.target.value === "" ? null : e.target.value)}
        />
      </Field>
    );
  }
  if (spec.kind === "textarea") {
    return (
      <TextArea
        id={fieldId(path)}
        label={label}
        name={name}
        value={typeof value === "string" ? value : ""}
        onChange={(v) => onChange(path, v)}
        {...(error ? { error } : {})}
      />
    );
  }
  return (
    <Field label={label} error={error} id={fieldId(path)}>
      <TextInput
        name={name}
        type={spec.kind === "date" ? "date" : spec.kind === "number" ? "number" : "text"}
        value={value === null || value === undefined ? "" : String(value)}
        onChange={(e) => {
          const raw = e.target.value;
          if (spec.kind === "date") onChange(path, raw === "" ? null : raw);
          else if (spec.kind === "number") onChange(path, raw === "" ? null : Number(raw));
          else onChange(path, raw);
        }}
      />
    </Field>
  );
}

export function SectionEditor({
  heading,
  spec,
  content,
  errors,
  onChange,
  sectionNotes,
  notesFor,
}: {
  heading: string;
  spec: SectionSpec;
  content: PlanContent;
  errors: Record<string, string>;
  onChange: (path: (string | number)[], value: unknown) => void;
  /** Shown under the heading (the findings about the section as a whole). */
  sectionNotes?: ReactNode;
  /** Shown after a field's control (the findings about that field). */
  notesFor?: (path: (string | number)[]) => ReactNode;
}) {
  const errorAt = (path: (string | number)[]) => errors[`/${path.join("/")}`];
  if (spec.kind === "fields") {
    return (
      <section id={`section-${spec.id}`} aria-labelledby={`h-${spec.id}`} className="panel">
        <h2 id={`h-${spec.id}`}>{heading}</h2>
        {sectionNotes}
        {spec.fields.map((f) => {
          const path = [...spec.path, ...f.key.split(".")];
          return (
            <Fragment key={f.key}>
              <FieldEditor
                spec={f}
                path={path}
                value={getPath(content, path)}
                error={errorAt(path)}
                onChange={onChange}
              />
              {notesFor?.(path)}
            </Fragment>
          );
        })}
      </section>
    );
  }
  const items = (getPath(content, spec.path) as Array<Record<string, unknown>> | undefined) ?? [];
  return (
    <section id={`section-${spec.id}`} aria-labelledby={`h-${spec.id}`} className="panel">
      <h2 id={`h-${spec.id}`}>{heading}</h2>
      {sectionNotes}
      {items.map((item, i) => (
        <fieldset key={String(item.id ?? i)}>
          <legend>{t("plans.editor.item", { number: i + 1 })}</legend>
          {spec.fields.map((f) => {
            const path = [...spec.path, i, ...f.key.split(".")];
            return (
              <Fragment key={f.key}>
                <FieldEditor
                  spec={f}
                  path={path}
                  value={getPath(item, f.key.split("."))}
                  error={errorAt(path)}
                  onChange={onChange}
                />
                {notesFor?.(path)}
              </Fragment>
            );
          })}
          {spec.template ? (
            <Button
              variant="secondary"
              onClick={() =>
                onChange(
                  spec.path,
                  items.filter((_, j) => j !== i),
                )
              }
            >
              {t("plans.editor.remove", { number: i + 1 })}
            </Button>
          ) : null}
        </fieldset>
      ))}
      {spec.template ? (
        <Button variant="secondary" onClick={() => onChange(spec.path, [...items, spec.template?.(items.length + 1)])}>
          {t("plans.editor.add", { section: heading })}
        </Button>
      ) : null}
    </section>
  );
}
