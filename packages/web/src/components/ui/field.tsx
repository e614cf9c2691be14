import { createContext, type ReactNode, useContext, useId } from "react";
import { t } from "../../i18n/t.ts";

/** What a control inside a `Field` needs to be tied to its label, hint and error. */
export type FieldControlProps = {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
  "aria-required"?: true;
};

const FieldContext = createContext<FieldControlProps | null>(null);

/** Used by TextInput, Select and any custom control to pick up the Field's wiring. */
export function useFieldControl(): FieldControlProps | null {
  return useContext(FieldContext);
}

export type FieldProps = {
  label: ReactNode;
  hint?: ReactNode;
  /** A message saying what is wrong and how to fix it; shown under the label and read with the control. */
  error?: ReactNode;
  required?: boolean;
  /** Give a stable id when something else (an error summary) must link to the control. */
  id?: string;
  children: ReactNode;
};

/**
 * A form field: a visible label, an optional hint and an optional error, all tied to the control
 * with `for`/`id`, `aria-describedby` and `aria-invalid`.
 */
export function Field({ label, hint, error, required = false, id, children }: FieldProps) {
  const generated = useId();
  const controlId = id ?? `field-${generated}`;
  const hintId = `${controlId}-hint`;
  const errorId = `${controlId}-error`;
  const hasError = error !== undefined && error !== null && error !== false && error !== "";
  const describedBy = [hint ? hintId : null, hasError ? errorId : null].filter(Boolean).join(" ");

  const control: FieldControlProps = { id: controlId };
  if (describedBy) control["aria-describedby"] = describedBy;
  if (hasError) {
    control["aria-invalid"] = true;
  }
  if (required) control["aria-required"] = true;

  return (
    <div className={hasError ? "field field-has-error" : "field"}>
      <label className="field-label" htmlFor={controlId}>
        {label}
        {required ? <span className="field-required"> {t("common.required")}</span> : null}
      </label>
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {hasError ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
      <FieldContext.Provider value={control}>{children}</FieldContext.Provider>
    </div>
  );
}
