import type { Ref, SelectHTMLAttributes } from "react";
import { useFieldControl } from "./field.tsx";

export type SelectOption = { value: string; label: string };

export type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "className" | "id" | "children"> & {
  options: readonly SelectOption[];
  /** A first, empty choice such as "Choose a school". */
  placeholder?: string;
  ref?: Ref<HTMLSelectElement>;
};

/** A drop-down list; place it inside a `Field`. */
export function Select({ options, placeholder, ...rest }: SelectProps) {
  const control = useFieldControl();
  return (
    <select {...rest} {...control} className="select">
      {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
