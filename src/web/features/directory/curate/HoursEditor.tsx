import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField, Field, TextField } from '../../../components/Field.tsx';
import { DAYS, type Day, type ExceptionState, newKey, type SlotState, type State } from './service-state.ts';

interface HoursProps {
  s: State;
  setS: (state: State) => void;
  ids: (name: string) => string;
  invalid: (name: string) => true | undefined;
  source: ReactNode;
}

/** The service form's opening hours: slots per weekday and dated exceptions (holidays, closures). */
export function HoursEditor({ s, setS, ids, invalid, source }: HoursProps) {
  const { t } = useTranslation();
  const setSlots = (d: Day, slots: SlotState[]) => setS({ ...s, weekly: { ...s.weekly, [d]: slots } });
  return (
    <fieldset className="fieldset hours-editor">
      <legend>{t('directory.curate.hours.title')}</legend>
      {source}
      <p className="muted" id={ids('hours-hint')}>
        {t('directory.curate.hours.hint')}
      </p>
      {DAYS.map((d) => (
        <DaySlots
          key={d}
          day={d}
          slots={s.weekly[d]}
          setSlots={(slots) => setSlots(d, slots)}
          {...{ ids, invalid }}
        />
      ))}
      <Exceptions s={s} setS={setS} ids={ids} invalid={invalid} />
    </fieldset>
  );
}

function DaySlots({
  day: d,
  slots,
  setSlots,
  ids,
  invalid,
}: {
  day: Day;
  slots: SlotState[];
  setSlots: (slots: SlotState[]) => void;
  ids: (name: string) => string;
  invalid: (name: string) => true | undefined;
}) {
  const { t } = useTranslation();
  const dayName = t(`directory.curate.days.${d}`);
  return (
    <fieldset className="hours-day">
      <legend>{dayName}</legend>
      {slots.length === 0 ? <p className="muted">{t('directory.curate.hours.closedDay')}</p> : null}
      {slots.map((slot, i) => (
        <div className="hours-slot" key={slot.key}>
          {(['opens', 'closes'] as const).map((end) => {
            const field = `${d}-${i}-${end}`;
            return (
              <Slot
                key={end}
                id={ids(field)}
                label={
                  <>
                    {t(`directory.curate.hours.${end}`)}
                    <span className="visually-hidden">{` ${dayName} ${i + 1}`}</span>
                  </>
                }
                value={slot[end]}
                placeholder={end === 'opens' ? '09:00' : '17:00'}
                invalid={invalid(field)}
                describedBy={end === 'opens' ? ids('hours-hint') : undefined}
                onChange={(value) =>
                  setSlots(slots.map((x) => (x.key === slot.key ? { ...x, [end]: value } : x)))
                }
              />
            );
          })}
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={(event) => {
              // The button goes with its slot: keep keyboard focus in this day, on its "add" button.
              const day = event.currentTarget.closest('fieldset');
              setSlots(slots.filter((x) => x.key !== slot.key));
              requestAnimationFrame(() => day?.querySelector<HTMLElement>(':scope > button')?.focus());
            }}
          >
            {t('directory.curate.hours.remove')}
            <span className="visually-hidden">{` ${dayName} ${slot.opens}–${slot.closes}`}</span>
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button-secondary button-small"
        onClick={(event) => {
          const day = event.currentTarget.closest('fieldset');
          setSlots([...slots, { key: newKey(), opens: '', closes: '' }]);
          // Straight into the new slot's first field, as a keyboard user would go next.
          requestAnimationFrame(() =>
            day?.querySelector<HTMLElement>('.hours-slot:last-of-type input')?.focus(),
          );
        }}
      >
        {t('directory.curate.hours.add', { day: dayName })}
      </button>
    </fieldset>
  );
}

/** One opening or closing time; the hint about the format is shared by the whole editor. */
function Slot({
  id,
  label,
  value,
  placeholder,
  invalid,
  describedBy,
  onChange,
}: {
  id: string;
  label: ReactNode;
  value: string;
  placeholder: string;
  invalid: true | undefined;
  describedBy: string | undefined;
  onChange: (value: string) => void;
}) {
  return (
    <Field id={id} label={label} layout="inline" error={invalid}>
      {(control) => (
        <input
          {...control}
          aria-describedby={describedBy}
          value={value}
          inputMode="numeric"
          placeholder={placeholder}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

function Exceptions({
  s,
  setS,
  ids,
  invalid,
}: {
  s: State;
  setS: (state: State) => void;
  ids: (name: string) => string;
  invalid: (name: string) => true | undefined;
}) {
  const { t } = useTranslation();
  const setException = (i: number, change: Partial<ExceptionState>) =>
    setS({ ...s, exceptions: s.exceptions.map((e, j) => (j === i ? { ...e, ...change } : e)) });
  return (
    <fieldset className="hours-day">
      <legend>{t('directory.curate.hours.exceptions')}</legend>
      {s.exceptions.map((e, i) => (
        <div className="hours-exception" key={e.key}>
          <TextField
            id={ids(`ex-${i}-from`)}
            label={t('directory.curate.hours.from', { n: i + 1 })}
            type="date"
            value={e.from}
            error={invalid(`ex-${i}-from`)}
            onChange={(x) => setException(i, { from: x.target.value })}
          />
          <TextField
            id={ids(`ex-${i}-to`)}
            label={t('directory.curate.hours.to', { n: i + 1 })}
            type="date"
            value={e.to}
            onChange={(x) => setException(i, { to: x.target.value })}
          />
          <CheckboxField
            id={ids(`ex-${i}-closed`)}
            label={t('directory.curate.hours.closed')}
            checked={e.closed}
            onChange={(x) => setException(i, { closed: x.target.checked })}
          />
          {e.closed ? null : (
            <>
              <TextField
                id={ids(`ex-${i}-opens`)}
                label={t('directory.curate.hours.opens')}
                value={e.opens}
                inputMode="numeric"
                error={invalid(`ex-${i}-opens`)}
                onChange={(x) => setException(i, { opens: x.target.value })}
              />
              <TextField
                id={ids(`ex-${i}-closes`)}
                label={t('directory.curate.hours.closes')}
                value={e.closes}
                inputMode="numeric"
                onChange={(x) => setException(i, { closes: x.target.value })}
              />
            </>
          )}
          <TextField
            id={ids(`ex-${i}-reason`)}
            label={t('directory.curate.hours.reason')}
            value={e.reason}
            onChange={(x) => setException(i, { reason: x.target.value })}
          />
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={(event) => {
              // As for a slot: focus stays in the exceptions, on "add an exception", not lost to the page.
              const group = event.currentTarget.closest('fieldset');
              setS({ ...s, exceptions: s.exceptions.filter((x) => x.key !== e.key) });
              requestAnimationFrame(() => group?.querySelector<HTMLElement>(':scope > button')?.focus());
            }}
          >
            {t('directory.curate.hours.removeException', { n: i + 1 })}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button-secondary button-small"
        onClick={() =>
          setS({
            ...s,
            exceptions: [
              ...s.exceptions,
              { key: newKey(), from: '', to: '', closed: true, opens: '', closes: '', reason: '' },
            ],
          })
        }
      >
        {t('directory.curate.hours.addException')}
      </button>
    </fieldset>
  );
}
