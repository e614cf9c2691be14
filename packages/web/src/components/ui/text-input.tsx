import type { InputHTMLAttributes, Ref } from "react";
import { useFieldControl } from "./field.tsx";

export type TextInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "className" | "id"> & {
  ref?: Ref<HTMLInputElement>;
};

/** A text box; place it inside a `Field` to get its label, hint and error wiring. */
export function TextInput({ type = "text", ...rest }: TextInputProps) {
  const control = useFieldControl();
  return <input {...rest} {...control} type={type} className="text-input" />;
}
