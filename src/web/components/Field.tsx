import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Form fields: one label, an optional hint and an optional error, tied to the control the way assistive
 * technology reads them (`aria-describedby` names the hint and the error, `aria-invalid` marks a wrong
 * value). The control itself stays a native element, so browsers, autofill and tests see plain inputs.
 */

/** What a field hands to its control so label, hint and error belong to it. */
export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
  required?: boolean;
}

type Layout = 'stacked' | 'span' | 'inline';

interface FieldBase {
  label: ReactNode;
  hint?: ReactNode;
  /** The field's own error, shown under it and announced with it; `true` marks it wrong without text. */
  error?: ReactNode;
  /** Marks the control required and shows a marker beside the label. */
  required?: boolean;
  /** An id for the control when something else (a test, another control) must point at it. */
  id?: string;
  /** `span` takes the whole row of a field grid; `inline` puts label and control on one line. */
  layout?: Layout;
  className?: string;
}

const LAYOUT_CLASS: Record<Layout, string> = {
  stacked: 'field',
  span: 'field field-span',
  inline: 'field field-inline',
};

/** Ids and ARIA attributes for a control with a hint and an error. */
function useControl({ id, hint, error, required }: Pick<FieldBase, 'id' | 'hint' | 'error' | 'required'>) {
  const generated = useId();
  const controlId = id ?? generated;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error && error !== true ? `${controlId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const control: ControlProps = {
    id: controlId,
    'aria-describedby': describedBy,
    'aria-invalid': error ? true : undefined,
    required: required || undefined,
  };
  return { control, hintId, errorId };
}

/**
 * The required marker beside the label, outside it: the control's `required` already tells assistive
 * technology, and the label's text stays the field's name for people, screen readers and tests alike.
 */
function RequiredMarker() {
  const { t } = useTranslation();
  return (
    <span className="field-required" aria-hidden="true" title={t('form.required')}>
      *
    </span>
  );
}

/**
 * A labelled control of any kind: `children` receives the props that tie it to its label, hint and
 * error. The typed variants below cover the native controls; use this for anything else.
 */
export function Field({
  label,
  hint,
  error,
  required,
  id,
  layout = 'stacked',
  className,
  children,
}: FieldBase & { children: (control: ControlProps) => ReactNode }) {
  const { control, hintId, errorId } = useControl({ id, hint, error, required });
  return (
    <div className={className ? `${LAYOUT_CLASS[layout]} ${className}` : LAYOUT_CLASS[layout]}>
      {required ? (
        <span className="field-label">
          <label htmlFor={control.id}>{label}</label>
          <RequiredMarker />
        </span>
      ) : (
        <label htmlFor={control.id}>{label}</label>
      )}
      {children(control)}
      {hint ? (
        <span id={hintId} className="field-help">
          {hint}
        </span>
      ) : null}
      {errorId ? (
        <span id={errorId} className="field-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}

type FieldProps<Attributes> = FieldBase & Omit<Attributes, 'id' | 'required' | 'className'>;

/** A text, e-mail, number, date, search or password input. */
export function TextField({
  label,
  hint,
  error,
  required,
  id,
  layout,
  className,
  ...input
}: FieldProps<InputHTMLAttributes<HTMLInputElement>>) {
  return (
    <Field {...{ label, hint, error, required, id, layout, className }}>
      {(control) => <input {...input} {...control} />}
    </Field>
  );
}

export function TextAreaField({
  label,
  hint,
  error,
  required,
  id,
  layout,
  className,
  ...textarea
}: FieldProps<TextareaHTMLAttributes<HTMLTextAreaElement>>) {
  return (
    <Field {...{ label, hint, error, required, id, layout, className }}>
      {(control) => <textarea {...textarea} {...control} />}
    </Field>
  );
}

/** A native select; its options are the children. */
export function SelectField({
  label,
  hint,
  error,
  required,
  id,
  layout,
  className,
  children,
  ...select
}: FieldProps<SelectHTMLAttributes<HTMLSelectElement>>) {
  return (
    <Field {...{ label, hint, error, required, id, layout, className }}>
      {(control) => (
        <select {...select} {...control}>
          {children}
        </select>
      )}
    </Field>
  );
}

/** A checkbox with its label after it; the hint and error follow. */
export function CheckboxField({
  label,
  hint,
  error,
  id,
  className,
  ...input
}: Omit<FieldProps<InputHTMLAttributes<HTMLInputElement>>, 'layout' | 'required' | 'type'>) {
  const { control, hintId, errorId } = useControl({ id, hint, error });
  return (
    <div className={className ? `field field-checkbox ${className}` : 'field field-checkbox'}>
      <label className="checkbox" htmlFor={control.id}>
        <input type="checkbox" {...input} {...control} />
        {label}
      </label>
      {hint ? (
        <span id={hintId} className="field-help">
          {hint}
        </span>
      ) : null}
      {errorId ? (
        <span id={errorId} className="field-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}

export interface Choice<Value extends string> {
  value: Value;
  label: ReactNode;
}

/** A group of radio buttons under one legend: one choice out of a few, all visible at once. */
export function RadioGroup<Value extends string>({
  legend,
  name,
  choices,
  value,
  onChange,
  hint,
  error,
  className,
}: {
  legend: ReactNode;
  name: string;
  choices: readonly Choice<Value>[];
  value: Value | null;
  onChange: (value: Value) => void;
  hint?: ReactNode;
  error?: ReactNode;
  className?: string;
}) {
  const { control, hintId, errorId } = useControl({ hint, error });
  return (
    <fieldset
      className={className ? `fieldset ${className}` : 'fieldset'}
      aria-describedby={control['aria-describedby']}
    >
      <legend>{legend}</legend>
      {choices.map((choice) => (
        <label key={choice.value} className="radio">
          <input
            type="radio"
            name={name}
            value={choice.value}
            checked={value === choice.value}
            onChange={() => onChange(choice.value)}
          />
          {choice.label}
        </label>
      ))}
      {hint ? (
        <span id={hintId} className="field-help">
          {hint}
        </span>
      ) : null}
      {errorId ? (
        <span id={errorId} className="field-error">
          {error}
        </span>
      ) : null}
    </fieldset>
  );
}

/** Fields that belong together (a period, a set of weights) under one legend. */
export function FieldSet({
  legend,
  className,
  children,
}: {
  legend: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <fieldset className={className ? `fieldset ${className}` : 'fieldset'}>
      <legend>{legend}</legend>
      {children}
    </fieldset>
  );
}

/**
 * A form's errors, read out when they appear: the server's message (an `Error`) or the fields still
 * wrong. Each field error also sits beside its field; this list says what stops the form as a whole.
 */
export function ErrorList({
  id,
  title,
  errors,
  className,
}: {
  id?: string;
  title?: ReactNode;
  errors: readonly (ReactNode | Error | null | undefined | false)[];
  className?: string;
}) {
  const shown = errors
    .filter((error) => error !== null && error !== undefined && error !== false && error !== '')
    .map((error) => (error instanceof Error ? error.message : error));
  if (shown.length === 0) return null;
  return (
    <div id={id} className={className ? `form-error ${className}` : 'form-error'} role="alert">
      {title ? <p className="form-error-title">{title}</p> : null}
      {shown.length === 1 && !title ? (
        <p>{shown[0]}</p>
      ) : (
        <ul>
          {shown.map((error, index) => (
            // The list is rebuilt from scratch on every submit; its order is its identity.
            // biome-ignore lint/suspicious/noArrayIndexKey: messages may repeat and have no id.
            <li key={index}>{error}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
