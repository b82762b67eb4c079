import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { SECTORS, THEMES } from '../../../server/modules/signals/schema.ts';
import {
  CheckboxField,
  ErrorList,
  FieldSet,
  SelectField,
  TextAreaField,
  TextField,
} from '../../components/Field.tsx';
import { ApiError } from '../../lib/api.ts';
import { useNetwork } from '../../lib/network.ts';
import { useDocumentTitle } from '../../lib/title.ts';
import type { CreateSignalInput } from './api.ts';
import { useSignalsClient } from './api.ts';

/** A partner reports a signal: what, where, who, since when, theme, sector, evidence. */
export function ReportPage() {
  const { t } = useTranslation();
  const { detail } = useNetwork();
  const client = useSignalsClient();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const slug = detail.network.slug;
  useDocumentTitle(t('signals.report.title'), detail.network.name);
  const [places, setPlaces] = useState<string[]>([]);
  const [warning, setWarning] = useState<string | null>(null);
  const [confirm, setConfirm] = useState(false);
  const mutation = useMutation({
    mutationFn: (body: CreateSignalInput) => client.report(body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['signals', slug] });
      await navigate(`/n/${slug}/signalen`);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'signals_personal_data') setWarning(error.message);
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => {
      const value = String(form.get(name) ?? '').trim();
      return value === '' ? null : value;
    };
    const count = text('affectedCount');
    mutation.mutate({
      title: text('title') ?? '',
      description: text('description') ?? '',
      municipalities: places,
      targetGroup: text('targetGroup'),
      affectedCount: count ? Number(count) : null,
      since: text('since'),
      theme: (text('theme') ?? 'other') as CreateSignalInput['theme'],
      sector: text('sector') as CreateSignalInput['sector'],
      evidence: text('evidence'),
      anonymous: form.get('anonymous') === 'on',
      confirmPersonalData: confirm,
    });
  };

  const serverError =
    mutation.error && !(mutation.error instanceof ApiError && mutation.error.code === 'signals_personal_data')
      ? mutation.error
      : null;
  return (
    <>
      <p className="eyebrow">{detail.network.name}</p>
      <h1>{t('signals.report.title')}</h1>
      <p className="lead">{t('signals.report.lead')}</p>
      <form className="form-grid" onSubmit={submit} noValidate>
        <TextField name="title" label={t('signals.field.title')} required maxLength={200} layout="span" />
        <TextAreaField
          name="description"
          label={t('signals.field.description')}
          hint={t('signals.report.descriptionHint')}
          required
          rows={5}
          layout="span"
        />
        <FieldSet legend={t('signals.field.municipalities')}>
          {detail.municipalities.map((m) => (
            <CheckboxField
              key={m.nisCode}
              label={m.nameNl}
              checked={places.includes(m.nisCode)}
              onChange={(e) =>
                setPlaces((list) =>
                  e.currentTarget.checked ? [...list, m.nisCode] : list.filter((code) => code !== m.nisCode),
                )
              }
            />
          ))}
        </FieldSet>
        <TextField name="targetGroup" label={t('signals.field.targetGroup')} maxLength={200} />
        <TextField name="affectedCount" type="number" min={1} label={t('signals.field.affectedCount')} />
        <TextField name="since" type="date" label={t('signals.field.since')} />
        <SelectField name="theme" label={t('signals.field.theme')} required defaultValue="other">
          {THEMES.map((theme) => (
            <option key={theme} value={theme}>
              {t(`signals.theme.${theme}`)}
            </option>
          ))}
        </SelectField>
        <SelectField name="sector" label={t('signals.field.sector')} defaultValue="">
          <option value="">{t('signals.report.noSector')}</option>
          {SECTORS.map((sector) => (
            <option key={sector} value={sector}>
              {t(`signals.sector.${sector}`)}
            </option>
          ))}
        </SelectField>
        <TextAreaField name="evidence" label={t('signals.field.evidence')} rows={3} layout="span" />
        <CheckboxField
          name="anonymous"
          label={t('signals.field.anonymous')}
          hint={t('signals.report.anonymousHint')}
        />
        {warning ? (
          <div className="form-error field-span" role="alert">
            <p>{warning}</p>
            <CheckboxField
              label={t('signals.report.confirm')}
              checked={confirm}
              onChange={(e) => setConfirm(e.currentTarget.checked)}
            />
          </div>
        ) : null}
        <ErrorList errors={[serverError]} className="field-span" />
        <p className="field-span">
          <button type="submit" disabled={mutation.isPending}>
            {t('signals.report.submit')}
          </button>
        </p>
      </form>
    </>
  );
}
