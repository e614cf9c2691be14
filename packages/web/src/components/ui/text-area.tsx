import type { TextareaHTMLAttributes } from "react";
import { Field, useFieldControl } from "./field.tsx";

export type TextAreaProps = {
  label: string;
  /** The field's name; its id is `ta-<name>`. */
  name: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string;
  /** A stable id for the textarea, when something else links to it; `ta-<name>` otherwise. */
  id?: string;
  /** The language of what is typed, when it is not the page's (a Spanish translation on an English page). */
  lang?: string;
};

function TextAreaControl(props: Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "className" | "id">) {
  const control = useFieldControl();
  return <textarea rows={4} {...props} {...control} className="text-input" />;
}

/** A labelled text box of several lines, with its hint and error tied to it (a `Field` around a textarea). */
export function TextArea({ label, name, value, onChange, hint, error, id, lang }: TextAreaProps) {
  return (
    <Field label={label} hint={hint} error={error} id={id ?? `ta-${name}`}>
      <TextAreaControl
        name={name}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        {...(lang ? { lang } : {})}
      />
    </Field>
  );
}
