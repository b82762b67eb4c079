import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CheckboxField,
  FieldSet,
  SelectField,
  TextAreaField,
  TextField,
} from '../../../components/Field.tsx';
import { useFormat } from '../../../lib/format.ts';
import type { ServiceFields, ServiceView } from './api.ts';
import { ErrorSummary } from './forms.tsx';
import { HoursEditor } from './HoursEditor.tsx';
import {
  type FieldError,
  LANGUAGE_CODES,
  LONG,
  type State,
  TEXTS,
  type TextKey,
  toFields,
  toState,
} from './service-state.ts';

const STATUSES = ['active', 'temporarily closed', 'inactive', 'defunct'] as const;

/**
 * A service's fields for staff edits, new services and suggestions, in four sections: names, contact,
 * opening hours (HoursEditor.tsx) and offer. Problems are listed at the top and marked on their fields.
 */
export function ServiceForm({
  initial,
  provenance,
  submitLabel,
  onSubmit,
  serverError,
  children,
}: {
  initial: ServiceFields;
  provenance?: ServiceView['provenance'];
  submitLabel: string;
  onSubmit: (fields: ServiceFields) => void;
  serverError?: string | null;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const uid = useId();
  const ids = (name: string) => `${uid}-${name}`;
  const [s, setS] = useState<State>(() => toState(initial));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const shown = serverError ? [...errors, { target: ids('name'), message: serverError }] : errors;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const r = toFields(s, ids, t as unknown as (k: string, o?: object) => string);
    setErrors(r.errors);
    if (r.errors.length === 0) onSubmit(r.fields);
  };
  const invalid = (name: string) => shown.some((e) => e.target === ids(name)) || undefined;
  /** Where a field's current value came from (an import, an edit, a suggestion): its hint. */
  const source = (field: string) => {
    const p = provenance?.[field];
    if (!p) return undefined;
    return t('directory.curate.source', {
      source: t(
        `directory.curate.sources.${p.source === 'suggestion' || p.source === 'edit' ? p.source : 'import'}`,
      ),
      by: p.by ?? '—',
      at: format.dayOf(p.at),
    });
  };
  const textField = (k: TextKey) => {
    const common = {
      id: ids(k),
      label: t(`directory.curate.fields.${k}`),
      hint: source(k),
      value: s.text[k],
      lang: k.endsWith('_fr') ? 'fr' : k.endsWith('_en') ? 'en' : undefined,
      onChange: (e: { target: { value: string } }) =>
        setS({ ...s, text: { ...s.text, [k]: e.target.value } }),
    };
    return LONG.has(k) ? (
      <TextAreaField key={k} {...common} layout="span" rows={4} />
    ) : (
      <TextField
        key={k}
        {...common}
        error={invalid(k)}
        required={k === 'name'}
        type={k === 'email' ? 'email' : k === 'url' ? 'url' : 'text'}
      />
    );
  };
  const plain = (name: keyof State, label: string, props: Record<string, unknown> = {}) => (
    <TextField
      id={ids(name)}
      label={label}
      hint={source(name === 'available' || name === 'waiting' ? 'capacity' : name)}
      value={s[name] as string}
      error={invalid(name)}
      onChange={(e) => setS({ ...s, [name]: e.target.value })}
      {...props}
    />
  );

  return (
    <form className="form form-wide curate-form" onSubmit={submit} noValidate>
      <ErrorSummary errors={shown} />
      <FieldSet legend={t('directory.curate.form.names')}>
        <div className="field-grid">{TEXTS.slice(0, 7).map(textField)}</div>
      </FieldSet>
      <FieldSet legend={t('directory.curate.form.contact')}>
        <div className="field-grid">
          {textField('url')}
          {textField('email')}
          <TextAreaField
            id={ids('phones')}
            label={t('directory.curate.fields.phones')}
            hint={
              <>
                {source('phones')} {t('directory.curate.form.phonesHint')}
              </>
            }
            rows={2}
            value={s.phones}
            error={invalid('phones')}
            onChange={(e) => setS({ ...s, phones: e.target.value })}
          />
          {plain('address_1', t('directory.curate.fields.address_1'), { autoComplete: 'street-address' })}
          {plain('postal_code', t('directory.curate.fields.postal_code'), {
            inputMode: 'numeric',
            maxLength: 4,
          })}
          {plain('city', t('directory.curate.fields.city'))}
        </div>
      </FieldSet>
      <HoursEditor s={s} setS={setS} ids={ids} invalid={invalid} source={source('hours')} />
      <FieldSet legend={t('directory.curate.form.offer')}>
        <fieldset className="hours-day">
          <legend>{t('directory.curate.fields.languages')}</legend>
          {source('languages') ? <p className="muted field-source">{source('languages')}</p> : null}
          <div className="check-row">
            {LANGUAGE_CODES.map((code) => (
              <CheckboxField
                key={code}
                id={ids(`lang-${code}`)}
                label={t(`directory.curate.languages.${code}`)}
                checked={s.languages.includes(code)}
                onChange={(e) =>
                  setS({
                    ...s,
                    languages: e.target.checked
                      ? [...s.languages, code]
                      : s.languages.filter((c) => c !== code),
                  })
                }
              />
            ))}
          </div>
        </fieldset>
        <div className="field-grid">
          {plain('cost', t('directory.curate.fields.cost'), { inputMode: 'decimal' })}
          {textField('fees_description')}
          {plain('minimum_age', t('directory.curate.fields.minimum_age'), { inputMode: 'numeric' })}
          {plain('maximum_age', t('directory.curate.fields.maximum_age'), { inputMode: 'numeric' })}
          {textField('eligibility_description')}
          {plain('available', t('directory.curate.fields.available'), { inputMode: 'numeric' })}
          {plain('waiting', t('directory.curate.fields.waiting'), { inputMode: 'numeric' })}
          <SelectField
            id={ids('status')}
            label={t('directory.curate.fields.status')}
            hint={source('status')}
            value={s.status}
            onChange={(e) => setS({ ...s, status: e.target.value as State['status'] })}
          >
            {STATUSES.map((v) => (
              <option key={v} value={v}>
                {t(`directory.curate.status.${v}`)}
              </option>
            ))}
          </SelectField>
        </div>
      </FieldSet>
      {children}
      <div>
        <button type="submit" className="button">
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
