export { Alert, StatusRegion } from "./alert.tsx";
export { Button } from "./button.tsx";
export { type Column, DataTable } from "./data-table.tsx";
export { Field, useFieldControl } from "./field.tsx";
export { Pagination } from "./pagination.tsx";
export { Select } from "./select.tsx";
export { TermsUsed } from "./term.tsx";
export { TextArea } from "./text-area.tsx";
export { TextInput } from "./text-input.tsx";
