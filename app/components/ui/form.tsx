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

function Label({ htmlFor, children, optional }: { htmlFor: string; children: ReactNode; optional?: boolean }) {
  return (
    <label htmlFor={htmlFor} className="block text-sm font-medium text-stone-800">
      {children}
      {optional ? <span className="ml-1 font-normal text-stone-500">(optional)</span> : null}
    </label>
  );
}

function Help({ id, children }: { id: string; children?: ReactNode }) {
  return children ? (
    <p id={id} className="mt-1 text-sm text-stone-600">
      {children}
    </p>
  ) : null;
}

type FieldProps<T> = { label: string; meta: FieldMetadata<T>; help?: ReactNode; optional?: boolean };

export function TextField<T>({
  label,
  meta,
  help,
  optional,
  type = "text",
  ...rest
}: FieldProps<T> & {
  type?: "text" | "email" | "password" | "url" | "number";
  autoComplete?: string;
  autoFocus?: boolean;
  placeholder?: string;
}) {
  const helpId = `${meta.id}-help`;
  return (
    <div>
      <Label htmlFor={meta.id} optional={optional}>
        {label}
      </Label>
      <input
        {...getInputProps(meta, { type, ariaDescribedBy: help ? helpId : undefined })}
        {...rest}
        className={controlClass}
      />
      <Help id={helpId}>{help}</Help>
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

export function TextareaField<T>({ label, meta, help, optional, rows = 5 }: FieldProps<T> & { rows?: number }) {
  const helpId = `${meta.id}-help`;
  return (
    <div>
      <Label htmlFor={meta.id} optional={optional}>
        {label}
      </Label>
      <textarea
        {...getTextareaProps(meta, { ariaDescribedBy: help ? helpId : undefined })}
        rows={rows}
        className={controlClass}
      />
      <Help id={helpId}>{help}</Help>
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

export function SelectField<T>({
  label,
  meta,
  help,
  optional,
  options,
  placeholder = "Choose…",
}: FieldProps<T> & { options: readonly { value: string; label: string }[]; placeholder?: string }) {
  const helpId = `${meta.id}-help`;
  return (
    <div>
      <Label htmlFor={meta.id} optional={optional}>
        {label}
      </Label>
      <select {...getSelectProps(meta, { ariaDescribedBy: help ? helpId : undefined })} className={controlClass}>
        <option value="">{placeholder}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <Help id={helpId}>{help}</Help>
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

export function Button({
  children,
  variant = "primary",
  pending,
  pendingText,
  ...rest
}: React.ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: "primary" | "secondary" | "danger";
  pending?: boolean;
  pendingText?: string;
}) {
  const styles = {
    primary: "bg-brand-600 text-white hover:bg-brand-700",
    secondary: "border border-stone-300 bg-white text-stone-800 hover:bg-stone-100",
    danger: "border border-red-300 bg-white text-red-700 hover:bg-red-50",
  }[variant];
  return (
    <button
      {...rest}
      disabled={rest.disabled || pending}
      className={`inline-flex items-center justify-center rounded-md px-4 py-2 text-sm font-semibold shadow-sm disabled:opacity-60 ${styles} ${rest.className ?? ""}`}
    >
      {pending && pendingText ? pendingText : children}
    </button>
  );
}
