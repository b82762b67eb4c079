import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import {
  EVENT_FORMATS,
  EVENT_KINDS,
  EVENT_STATUSES,
  VISIBILITIES,
} from '../../../server/modules/events/schema.ts';
import { CheckboxField, ErrorList, SelectField, TextAreaField, TextField } from '../../components/Field.tsx';
import { ErrorNotice, Loading } from '../../components/States.tsx';
import { useNetwork } from '../../lib/network.ts';
import { useDocumentTitle } from '../../lib/title.ts';
import { type EventInput, type EventView, eventsKey, useEventsClient } from './api.ts';
import {
  fromLocalInput,
  parseProgramme,
  parseQuestions,
  parseSpeakers,
  programmeText,
  questionsText,
  speakersText,
  toLocalInput,
} from './lines.ts';

type Values = Record<string, string>;

function valuesOf(e: EventView | null): Values {
  const s = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));
  return {
    kind: e?.kind ?? 'lunch_webinar',
    series: s(e?.series),
    title: s(e?.title),
    description: s(e?.description),
    audience: s(e?.audience),
    format: e?.format ?? 'on_site',
    startsAt: toLocalInput(e?.startsAt ?? null),
    endsAt: toLocalInput(e?.endsAt ?? null),
    venue: s(e?.venue),
    address: s(e?.address),
    lat: s(e?.lat),
    lng: s(e?.lng),
    onlineUrl: s(e?.onlineUrl),
    capacity: s(e?.capacity),
    waitlistLimit: s(e?.waitlistLimit),
    holdHours: s(e?.holdHours ?? 48),
    opensAt: toLocalInput(e?.registrationOpensAt ?? null),
    closesAt: toLocalInput(e?.registrationClosesAt ?? null),
    visibility: e?.visibility ?? 'public',
    status: e?.status ?? 'published',
    programme: programmeText(e?.programme ?? []),
    speakers: speakersText(e?.speakers ?? []),
    questions: questionsText(e?.questions ?? []),
  };
}

export function EventFormPage() {
  const { eventId } = useParams();
  const client = useEventsClient();
  const { detail } = useNetwork();
  const event = useQuery({
    queryKey: eventsKey(detail.network.slug, eventId ?? 'new'),
    queryFn: () => client.event(eventId as string),
    enabled: !!eventId,
  });
  if (eventId && event.isPending) return <Loading />;
  if (eventId && event.isError)
    return <ErrorNotice error={event.error} onRetry={() => void event.refetch()} />;
  return <EventForm event={event.data ?? null} />;
}

function EventForm({ event }: { event: EventView | null }) {
  const { t } = useTranslation();
  const { detail } = useNetwork();
  const slug = detail.network.slug;
  const client = useEventsClient();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const [values, setValues] = useState<Values>(() => valuesOf(event));
  const [organisers, setOrganisers] = useState<string[]>(() => event?.organisers.map((o) => o.id) ?? []);
  const [problem, setProblem] = useState<string | null>(null);
  const title = t(event ? 'events.form.editTitle' : 'events.form.createTitle');
  useDocumentTitle(title, detail.network.name);
  const partners = useQuery({ queryKey: ['network', slug, 'partners'], queryFn: () => client.partners() });
  const save = useMutation({
    mutationFn: (body: EventInput) =>
      event ? client.update(event.id, body).then(() => event.id) : client.create(body).then((r) => r.id),
    onSuccess: async (id) => {
      await queries.invalidateQueries({ queryKey: eventsKey(slug) });
      navigate(`/n/${slug}/activiteiten/${id}`);
    },
  });

  const bind = (name: string) => ({
    name,
    value: values[name] ?? '',
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value })),
  });
  const number = (v: string) => (v.trim() === '' ? null : Number(v));

  function submit(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    const programme = parseProgramme(values.programme ?? '');
    const speakers = parseSpeakers(values.speakers ?? '');
    const questions = parseQuestions(values.questions ?? '', event?.questions ?? []);
    for (const [field, parsed] of [
      ['programme', programme],
      ['speakers', speakers],
      ['questions', questions],
    ] as const) {
      if (!parsed.ok) {
        setProblem(t('events.form.lineError', { line: parsed.line, field: t(`events.form.${field}`) }));
        return;
      }
    }
    if (!programme.ok || !speakers.ok || !questions.ok) return;
    save.mutate({
      kind: values.kind as EventInput['kind'],
      series: values.series || null,
      title: values.title ?? '',
      description: values.description || null,
      audience: values.audience || null,
      format: values.format as EventInput['format'],
      startsAt: fromLocalInput(values.startsAt ?? '') ?? '',
      endsAt: fromLocalInput(values.endsAt ?? '') ?? '',
      venue: values.venue || null,
      address: values.address || null,
      lat: number(values.lat ?? ''),
      lng: number(values.lng ?? ''),
      onlineUrl: values.onlineUrl || null,
      capacity: number(values.capacity ?? ''),
      waitlistLimit: number(values.waitlistLimit ?? ''),
      holdHours: number(values.holdHours ?? '') ?? 48,
      registrationOpensAt: fromLocalInput(values.opensAt ?? ''),
      registrationClosesAt: fromLocalInput(values.closesAt ?? ''),
      visibility: values.visibility as EventInput['visibility'],
      status: values.status as EventInput['status'],
      organisers,
      programme: programme.value,
      speakers: speakers.value,
      questions: questions.value,
    });
  }

  const options = (list: readonly (readonly [string, string])[]) =>
    list.map(([v, label]) => (
      <option key={v} value={v}>
        {label}
      </option>
    ));
  return (
    <>
      <p className="eyebrow">{detail.network.name}</p>
      <h1>{title}</h1>
      <form className="events-form" onSubmit={submit} noValidate>
        <ErrorList errors={[problem, save.error]} />
        <fieldset>
          <legend>{t('events.form.what')}</legend>
          <div className="field-grid">
            <SelectField label={t('events.form.kind')} {...bind('kind')}>
              {options(EVENT_KINDS.map((v) => [v, t(`events.kind.${v}`)] as const))}
            </SelectField>
            <TextField label={t('events.form.title')} required {...bind('title')} />
            <TextField
              label={t('events.form.series')}
              hint={t('events.form.seriesHint')}
              {...bind('series')}
            />
            <TextField label={t('events.form.audience')} {...bind('audience')} />
          </div>
          <TextAreaField label={t('events.form.description')} rows={4} {...bind('description')} />
          {partners.data && partners.data.partners.length > 0 ? (
            <fieldset>
              <legend>{t('events.form.organisers')}</legend>
              <div className="checks">
                {partners.data.partners
                  .filter((p) => !p.archived)
                  .map((p) => (
                    <CheckboxField
                      key={p.id}
                      label={p.name}
                      checked={organisers.includes(p.id)}
                      onChange={(e) =>
                        setOrganisers((o) => (e.target.checked ? [...o, p.id] : o.filter((x) => x !== p.id)))
                      }
                    />
                  ))}
              </div>
            </fieldset>
          ) : null}
        </fieldset>
        <fieldset>
          <legend>{t('events.form.whenWhere')}</legend>
          <div className="field-grid">
            <SelectField label={t('events.form.format')} {...bind('format')}>
              {options(EVENT_FORMATS.map((v) => [v, t(`events.format.${v}`)] as const))}
            </SelectField>
            <TextField
              type="datetime-local"
              label={t('events.form.startsAt')}
              required
              {...bind('startsAt')}
            />
            <TextField type="datetime-local" label={t('events.form.endsAt')} required {...bind('endsAt')} />
            <TextField label={t('events.form.venue')} {...bind('venue')} />
            <TextField label={t('events.form.address')} {...bind('address')} />
            <TextField type="url" label={t('events.form.onlineUrl')} {...bind('onlineUrl')} />
            <TextField
              inputMode="decimal"
              label={t('events.form.lat')}
              hint={t('events.form.coordsHint')}
              {...bind('lat')}
            />
            <TextField inputMode="decimal" label={t('events.form.lng')} {...bind('lng')} />
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('events.form.registration')}</legend>
          <div className="field-grid">
            <TextField
              type="number"
              min={1}
              label={t('events.form.capacity')}
              hint={t('events.form.capacityHint')}
              {...bind('capacity')}
            />
            <TextField
              type="number"
              min={1}
              label={t('events.form.waitlistLimit')}
              hint={t('events.form.waitlistHint')}
              {...bind('waitlistLimit')}
            />
            <TextField
              type="number"
              min={1}
              max={336}
              label={t('events.form.holdHours')}
              {...bind('holdHours')}
            />
            <TextField type="datetime-local" label={t('events.form.opensAt')} {...bind('opensAt')} />
            <TextField type="datetime-local" label={t('events.form.closesAt')} {...bind('closesAt')} />
            <SelectField label={t('events.form.visibility')} {...bind('visibility')}>
              {options(VISIBILITIES.map((v) => [v, t(`events.visibility.${v}`)] as const))}
            </SelectField>
            <SelectField label={t('events.form.status')} {...bind('status')}>
              {options(EVENT_STATUSES.map((v) => [v, t(`events.status.${v}`)] as const))}
            </SelectField>
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('events.form.content')}</legend>
          <TextAreaField
            label={t('events.form.programme')}
            hint={t('events.form.programmeHint')}
            rows={5}
            {...bind('programme')}
          />
          <TextAreaField
            label={t('events.form.speakers')}
            hint={t('events.form.speakersHint')}
            rows={3}
            {...bind('speakers')}
          />
          <TextAreaField
            label={t('events.form.questions')}
            hint={t('events.form.questionsHint')}
            rows={3}
            {...bind('questions')}
          />
        </fieldset>
        <button type="submit" className="button" disabled={save.isPending}>
          {t('events.form.save')}
        </button>
      </form>
    </>
  );
}
