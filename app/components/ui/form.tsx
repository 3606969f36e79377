import type { FieldMetadata } from "@conform-to/react";
import { getInputProps, getSelectProps, getTextareaProps } from "@conform-to/react";
import type { ReactNode } from "react";

export function ErrorList({ id, errors }: { id?: string; errors?: string[] | null }) {
  if (!errors?.length) return null;
  return (
    <ul id={id} className="mt-1 space-y-0.5 text-sm text-red-700" role="alert">
      {errors.map((error) => (
        <li key={error}>{error}</li>
      ))}
    </ul>
  );
}

const controlClass =
  "mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-stone-900 shadow-sm " +
  "aria-[invalid]:border-red-600 focus:border-brand-600 focus:ring-1 focus:ring-brand-600";

type FieldProps<T> = { label: string; meta: FieldMetadata<T>; help?: ReactNode; optional?: boolean };

/** Label, control, help text and errors, wired together with ids for screen readers. */
function FieldShell<T>({
  label,
  meta,
  help,
  optional,
  children,
}: FieldProps<T> & { children: (describedBy: string | undefined) => ReactNode }) {
  const helpId = `${meta.id}-help`;
  return (
    <div>
      <label htmlFor={meta.id} className="block text-sm font-medium text-stone-800">
        {label}
        {optional ? <span className="ml-1 font-normal text-stone-500">(optional)</span> : null}
      </label>
      {children(help ? helpId : undefined)}
      {help ? (
        <p id={helpId} className="mt-1 text-sm text-stone-600">
          {help}
        </p>
      ) : null}
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

export function TextField<T>({
  type = "text",
  autoComplete,
  autoFocus,
  placeholder,
  ...field
}: FieldProps<T> & {
  type?: "text" | "email" | "password" | "url" | "number" | "date" | "datetime-local";
  autoComplete?: string;
  autoFocus?: boolean;
  placeholder?: string;
}) {
  return (
    <FieldShell {...field}>
      {(ariaDescribedBy) => (
        <input
          {...getInputProps(field.meta, { type, ariaDescribedBy })}
          autoComplete={autoComplete}
          autoFocus={autoFocus}
          placeholder={placeholder}
          className={controlClass}
        />
      )}
    </FieldShell>
  );
}

/** A file input; the server checks the real type of what arrives, `accept` only helps the picker. */
export function FileField<T>({ accept, ...field }: FieldProps<T> & { accept: string }) {
  return (
    <FieldShell {...field}>
      {(ariaDescribedBy) => (
        <input
          {...getInputProps(field.meta, { type: "file", ariaDescribedBy })}
          accept={accept}
          className="mt-1 block w-full text-sm file:mr-3 file:rounded-md file:border file:border-stone-300 file:bg-white file:px-3 file:py-2 file:text-sm file:font-semibold hover:file:bg-stone-100"
        />
      )}
    </FieldShell>
  );
}

export function TextareaField<T>({ rows = 5, ...field }: FieldProps<T> & { rows?: number }) {
  return (
    <FieldShell {...field}>
      {(ariaDescribedBy) => (
        <textarea {...getTextareaProps(field.meta, { ariaDescribedBy })} rows={rows} className={controlClass} />
      )}
    </FieldShell>
  );
}

export function SelectField<T>({
  options,
  placeholder = "Choose…",
  ...field
}: FieldProps<T> & { options: readonly { value: string; label: string }[]; placeholder?: string }) {
  return (
    <FieldShell {...field}>
      {(ariaDescribedBy) => (
        <select {...getSelectProps(field.meta, { ariaDescribedBy })} className={controlClass}>
          <option value="">{placeholder}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

// The button has its own module so pages without conform fields (the product page) do not load conform.
export { Button } from "./button";
