export { Alert, type AlertProps, StatusRegion } from "./alert.tsx";
export { Button, type ButtonProps } from "./button.tsx";
export { type Column, DataTable, type DataTableProps } from "./data-table.tsx";
export { Field, type FieldControlProps, type FieldProps, useFieldControl } from "./field.tsx";
export { type LoadMoreProps, Pagination } from "./pagination.tsx";
export { Select, type SelectOption, type SelectProps } from "./select.tsx";
export { type GlossaryTerm, Term, TermsUsed } from "./term.tsx";
export { TextArea, type TextAreaProps } from "./text-area.tsx";
export { TextInput, type TextInputProps } from "./text-input.tsx";
