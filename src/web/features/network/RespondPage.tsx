import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { SelectField } from '../../components/Field.tsx';
import { ErrorNotice, Loading } from '../../components/States.tsx';
import { NoAccessPage } from '../../components/StatusPages.tsx';
import { useNetwork } from '../../lib/network.ts';
import { useDocumentTitle } from '../../lib/title.ts';
import { useNetworkApi } from './api.ts';
import { PartnerComboBox, useModulePath, usePartners } from './common.tsx';
import {
  CONTRIBUTION_LIST,
  type Contribution,
  OUTCOME_LIST,
  type Outcome,
  type Partner,
  type Rating,
  SCALES,
  type Scale,
  type SurveyForm,
} from './types.ts';

type Draft = Partial<Record<Scale, number>>;
const LEVELS = [1, 2, 3, 4] as const;

/** One 1–4 scale as a native radio group: arrow keys move within it, the legend asks the question. */
function ScaleGroup({
  partner,
  scale,
  value,
  onChange,
  invalid,
}: {
  partner: Pick<Partner, 'id' | 'name'>;
  scale: Scale;
  value: number | undefined;
  onChange: (value: number) => void;
  invalid: boolean;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="scale" aria-invalid={invalid || undefined}>
      <legend>{t(`network.respond.scale.${scale}`)}</legend>
      <div className="scale-options">
        {LEVELS.map((level) => (
          <label key={level} className="scale-option">
            <input
              type="radio"
              name={`${partner.id}-${scale}`}
              value={level}
              checked={value === level}
              onChange={() => onChange(level)}
            />
            <span>
              {level} <span className="scale-word">{t(`network.respond.level.${level}`)}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function Checklist<T extends string>({
  legend,
  values,
  chosen,
  label,
  onChange,
}: {
  legend: string;
  values: readonly T[];
  chosen: T[];
  label: (v: T) => string;
  onChange: (next: T[]) => void;
}) {
  return (
    <fieldset className="checks columns">
      <legend>{legend}</legend>
      {values.map((value) => (
        <label key={value} className="check">
          <input
            type="checkbox"
            checked={chosen.includes(value)}
            onChange={(event) =>
              onChange(event.target.checked ? [...chosen, value] : chosen.filter((v) => v !== value))
            }
          />
          {label(value)}
        </label>
      ))}
    </fieldset>
  );
}

function AnswerForm({ form, roundId, partnerId }: { form: SurveyForm; roundId: string; partnerId: string }) {
  const { t } = useTranslation();
  const { detail } = useNetwork();
  const api = useNetworkApi();
  const queryClient = useQueryClient();
  const path = useModulePath();
  const previous = form.answer;
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() =>
    Object.fromEntries(
      (previous?.ratings ?? []).map((r) => [
        r.partnerId,
        Object.fromEntries(SCALES.map((s) => [s, r[s]])) as Draft,
      ]),
    ),
  );
  const [added, setAdded] = useState<string[]>(() =>
    (previous?.ratings ?? [])
      .map((r) => r.partnerId)
      .filter((id) => !form.suggested.some((p) => p.id === id)),
  );
  const [pick, setPick] = useState<string | null>(null);
  const [contributes, setContributes] = useState<Contribution[]>(
    (previous?.contributes ?? []) as Contribution[],
  );
  const [outcomes, setOutcomes] = useState<Outcome[]>((previous?.outcomes ?? []) as Outcome[]);
  const [incomplete, setIncomplete] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const errorId = useId();
  const submit = useMutation({
    mutationFn: (ratings: Rating[]) =>
      api.answer(roundId, partnerId, { ratings, contributes, outcomes }, previous !== null),
    onSuccess: () => {
      setSaved(true);
      void queryClient.invalidateQueries({
        predicate: (query) => String(query.queryKey[0]).startsWith('network-'),
      });
    },
  });
  const others = form.others.filter((p) => !added.includes(p.id));
  const rated = [...form.suggested, ...form.others.filter((p) => added.includes(p.id))];
  const open = form.round.state === 'open';

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const started = rated.filter((p) => Object.keys(drafts[p.id] ?? {}).length > 0);
    const partial = started.filter((p) => SCALES.some((s) => drafts[p.id]?.[s] === undefined));
    setIncomplete(partial.map((p) => p.id));
    if (partial.length > 0) {
      document.getElementById(errorId)?.focus();
      return;
    }
    submit.mutate(started.map((p) => ({ partnerId: p.id, ...(drafts[p.id] as Record<Scale, number>) })));
  };

  return (
    <form onSubmit={onSubmit} className="survey-form">
      {previous ? <p className="notice notice-info">{t('network.respond.previous')}</p> : null}
      {!open ? (
        <p className="notice notice-warning">{t(`network.respond.notOpen.${form.round.state}`)}</p>
      ) : null}
      <section aria-labelledby="rate-heading">
        <h2 id="rate-heading">{t('network.respond.rateHeading')}</h2>
        <p>{t('network.respond.rateIntro')}</p>
        {rated.length === 0 ? <p>{t('network.respond.noSuggested')}</p> : null}
        {rated.map((partner) => (
          <fieldset key={partner.id} className="card partner-rating" data-partner={partner.name}>
            <legend>{partner.name}</legend>
            <p className="muted">{t(`network.sector.${partner.sector}`)}</p>
            {incomplete.includes(partner.id) ? (
              <p className="field-error">{t('network.respond.incompletePartner')}</p>
            ) : null}
            <div className="scales">
              {SCALES.map((scale) => (
                <ScaleGroup
                  key={scale}
                  partner={partner}
                  scale={scale}
                  value={drafts[partner.id]?.[scale]}
                  invalid={incomplete.includes(partner.id) && drafts[partner.id]?.[scale] === undefined}
                  onChange={(value) =>
                    setDrafts((all) => ({ ...all, [partner.id]: { ...all[partner.id], [scale]: value } }))
                  }
                />
              ))}
            </div>
            {Object.keys(drafts[partner.id] ?? {}).length > 0 ? (
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() =>
                  setDrafts((all) => {
                    const { [partner.id]: _, ...rest } = all;
                    return rest;
                  })
                }
              >
                {t('network.respond.clear', { name: partner.name })}
              </button>
            ) : null}
          </fieldset>
        ))}
        <div className="add-partner">
          <PartnerComboBox
            label={t('network.respond.addOther')}
            partners={others}
            selected={pick}
            onChange={setPick}
          />
          <button
            type="button"
            className="button button-secondary"
            disabled={!pick}
            onClick={() => {
              if (pick) setAdded((list) => [...list, pick]);
              setPick(null);
            }}
          >
            {t('network.respond.add')}
          </button>
        </div>
      </section>
      <section aria-labelledby="contrib-heading">
        <h2 id="contrib-heading">{t('network.respond.aboutYou')}</h2>
        <Checklist
          legend={t('network.respond.contributes')}
          values={CONTRIBUTION_LIST}
          chosen={contributes}
          label={(v) => t(`network.contribution.${v}`)}
          onChange={setContributes}
        />
        <Checklist
          legend={t('network.respond.outcomes')}
          values={OUTCOME_LIST}
          chosen={outcomes}
          label={(v) => t(`network.outcome.${v}`)}
          onChange={setOutcomes}
        />
      </section>
      <div id={errorId} tabIndex={-1} aria-live="assertive">
        {incomplete.length > 0 ? (
          <p className="notice notice-error">
            {t('network.respond.incomplete', { count: incomplete.length })}
          </p>
        ) : null}
      </div>
      {submit.isError ? <ErrorNotice error={submit.error} /> : null}
      <div role="status">
        {saved ? (
          <p className="notice notice-success">
            {t('network.respond.saved')}{' '}
            <Link to={path(`bevraging/${roundId}/resultaten`)}>{t('network.survey.resultsLink')}</Link>
          </p>
        ) : null}
      </div>
      <button type="submit" className="button" disabled={!open || submit.isPending}>
        {previous ? t('network.respond.change') : t('network.respond.submit')}
      </button>
      <p className="muted">{t('network.respond.privacy', { name: detail.network.name })}</p>
    </form>
  );
}

/**
 * The respondent's form, where invitation mails link to. Someone who speaks for several partners first
 * picks which one answers; the rated partners are suggested from that partner's ties.
 */
export function RespondPage() {
  const { t } = useTranslation();
  const { roundId = '' } = useParams();
  const { detail } = useNetwork();
  const api = useNetworkApi();
  const path = useModulePath();
  const partners = usePartners();
  const mine = partners.data?.mine ?? [];
  const [chosen, setChosen] = useState<string | null>(null);
  const partnerId = chosen ?? (mine.length === 1 ? (mine[0] ?? null) : null);
  const form = useQuery({
    queryKey: ['network-form', detail.network.slug, roundId, partnerId],
    queryFn: () => api.form(roundId, partnerId ?? ''),
    enabled: partnerId !== null,
  });
  const pickId = useId();
  useDocumentTitle(form.data?.round.title ?? t('network.respond.title'), detail.network.name);
  if (partners.isPending) return <Loading />;
  if (partners.isError) return <ErrorNotice error={partners.error} />;
  if (mine.length === 0)
    return <NoAccessPage message={t('network.respond.notSpokesperson')} backTo={path('bevraging')} />;
  const name = (id: string) => partners.data.partners.find((p) => p.id === id)?.name ?? id;
  return (
    <>
      <p className="eyebrow">
        <Link to={path('bevraging')}>{t('network.survey.title')}</Link>
      </p>
      <h1>{form.data ? form.data.round.title : t('network.respond.title')}</h1>
      {partnerId && form.data ? (
        <p className="lead">{t('network.respond.intro', { name: name(partnerId) })}</p>
      ) : null}
      {mine.length > 1 ? (
        <SelectField
          id={pickId}
          className="narrow"
          label={t('network.respond.choosePartner')}
          value={partnerId ?? ''}
          onChange={(event) => setChosen(event.target.value || null)}
        >
          <option value="">{t('network.respond.choose')}</option>
          {mine.map((id) => (
            <option key={id} value={id}>
              {name(id)}
            </option>
          ))}
        </SelectField>
      ) : null}
      {form.isFetching && !form.data ? <Loading /> : null}
      {form.isError ? <ErrorNotice error={form.error} onRetry={() => void form.refetch()} /> : null}
      {form.data && partnerId ? (
        <AnswerForm key={partnerId} form={form.data} roundId={roundId} partnerId={partnerId} />
      ) : null}
    </>
  );
}
