import type { NetworkTable } from '../../../platform/db/tables.ts';
import { LANGUAGES, type Language, translate } from '../../../platform/i18n.ts';
import { type Html, html, trusted } from '../../directory/public/html.ts';
import { when } from '../mails.ts';
import type { EventView, OwnRegistration, PublicEvent, Question } from '../schema.ts';
import { HONEYPOT } from '../schema.ts';
import './texts.ts';

/**
 * The public agenda as HTML: plain links and forms, no script. Everything shown goes through the `html`
 * template, which escapes it.
 */

export interface PageContext {
  lang: Language;
  network: NetworkTable;
  /** The language picked in the link (kept in every link), or null when negotiated. */
  explicitLang: Language | null;
}

const LANGUAGE_NAMES: Record<Language, string> = { nl: 'Nederlands', fr: 'Français', en: 'English' };
export const CSS_PATH = '/agenda/agenda.css';

const tr = (ctx: PageContext, key: string, params: Record<string, string | number> = {}) =>
  translate(ctx.lang, key, params);

export function agendaLink(ctx: PageContext, path: string, lang: Language | null = ctx.explicitLang): string {
  return lang ? `${path}?lang=${lang}` : path;
}

export const listPath = (slug: string) => `/agenda/${slug}`;
export const detailPath = (slug: string, id: string) => `/agenda/${slug}/${id}`;
export const ownPath = (slug: string, token: string) => `/agenda/${slug}/inschrijving/${token}`;

function layout(ctx: PageContext, title: string, path: string, body: Html): string {
  return html`<!doctype html>
<html lang="${ctx.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title} · ${ctx.network.name}</title>
<link rel="stylesheet" href="${CSS_PATH}">
</head>
<body>
<a class="skip" href="#inhoud">${tr(ctx, 'agenda_skip')}</a>
<header class="top">
  <div class="wrap top-bar">
    <a class="brand" href="${agendaLink(ctx, listPath(ctx.network.slug))}"><span class="brand-name">${ctx.network.name}</span> <span class="brand-tag">${tr(ctx, 'agenda_site')}</span></a>
    <nav aria-label="${tr(ctx, 'agenda_languages')}">
      <ul class="langs">
        ${LANGUAGES.map(
          (l) =>
            html`<li><a href="${agendaLink(ctx, path, l)}" lang="${l}" hreflang="${l}"${l === ctx.lang ? trusted(' aria-current="true"') : ''}>${LANGUAGE_NAMES[l]}</a></li>`,
        )}
      </ul>
    </nav>
  </div>
</header>
<main id="inhoud" class="wrap" tabindex="-1">
${body}
</main>
</body>
</html>
`.value;
}

function availability(ctx: PageContext, e: PublicEvent, status: string): string {
  if (status === 'cancelled') return tr(ctx, 'agenda_cancelled');
  if (!e.registration_open) return tr(ctx, 'agenda_closed');
  if (e.places_left === null) return tr(ctx, 'agenda_places_unlimited');
  if (e.places_left > 0) return tr(ctx, 'agenda_places_left', { n: e.places_left });
  return tr(ctx, e.waitlist ? 'agenda_full_waitlist' : 'agenda_full');
}

const place = (e: { venue: string | null; address: string | null }) =>
  [e.venue, e.address].filter(Boolean).join(', ');

export function listPage(ctx: PageContext, events: (PublicEvent & { status: string })[]): string {
  const slug = ctx.network.slug;
  const title = tr(ctx, 'agenda_title', { network: ctx.network.name });
  const body = html`<h1>${title}</h1>
<p class="intro">${tr(ctx, 'agenda_intro')}</p>
<p><a href="/api/networks/${slug}/events.ics">${tr(ctx, 'agenda_calendar')}</a></p>
${
  events.length === 0
    ? html`<p class="empty">${tr(ctx, 'agenda_none')}</p>`
    : html`<ol class="results agenda">${events.map(
        (e) => html`<li class="result">
  <h2><a href="${agendaLink(ctx, detailPath(slug, e.id))}">${e.title}</a></h2>
  <p class="when"><time datetime="${e.starts_at}">${when(e.starts_at, ctx.lang)}</time></p>
  <p class="where">${tr(ctx, `agenda_format_${e.format}`)}${place(e) ? html` · ${place(e)}` : ''}</p>
  <p class="availability">${availability(ctx, e, e.status)}</p>
</li>`,
      )}</ol>`
}`;
  return layout(ctx, title, listPath(slug), body);
}

export interface FormState {
  values: Record<string, string>;
  error: string | null;
}

function questionField(ctx: PageContext, q: Question, value: string): Html {
  const id = `q-${q.id}`;
  const label = html`<label for="${id}">${q.label}${q.required ? '' : html` <span class="hint">${tr(ctx, 'agenda_optional')}</span>`}</label>`;
  const required = q.required ? trusted(' required') : '';
  if (q.kind === 'text') {
    return html`<div class="field">${label}<input type="text" id="${id}" name="answer_${q.id}" value="${value}" maxlength="2000"${required}></div>`;
  }
  const options =
    q.kind === 'yes_no'
      ? [
          ['yes', tr(ctx, 'agenda_yes')],
          ['no', tr(ctx, 'agenda_no')],
        ]
      : q.options.map((o) => [o, o]);
  return html`<div class="field">${label}<select id="${id}" name="answer_${q.id}"${required}>
<option value="">${tr(ctx, 'agenda_choose')}</option>
${options.map(([v, l]) => html`<option value="${v}"${v === value ? trusted(' selected') : ''}>${l}</option>`)}
</select></div>`;
}

function registrationForm(ctx: PageContext, e: EventView, form: FormState): Html {
  const v = (k: string) => form.values[k] ?? '';
  const full = e.placesLeft === 0;
  return html`<section class="register" aria-labelledby="inschrijven">
<h2 id="inschrijven">${tr(ctx, full ? 'agenda_register_waitlist' : 'agenda_register')}</h2>
${form.error ? html`<div class="note error" role="alert"><p><strong>${tr(ctx, 'agenda_error_title')}</strong></p><p>${form.error}</p></div>` : ''}
<form method="post" action="${agendaLink(ctx, detailPath(ctx.network.slug, e.id))}">
<div class="field"><label for="name">${tr(ctx, 'agenda_name')}</label><input type="text" id="name" name="name" value="${v('name')}" required maxlength="200" autocomplete="name"></div>
<div class="field"><label for="email">${tr(ctx, 'agenda_email')}</label><input type="email" id="email" name="email" value="${v('email')}" required maxlength="254" autocomplete="email" aria-describedby="email-hint"><p class="hint" id="email-hint">${tr(ctx, 'agenda_email_hint')}</p></div>
<div class="field"><label for="organisation">${tr(ctx, 'agenda_organisation')} <span class="hint">${tr(ctx, 'agenda_optional')}</span></label><input type="text" id="organisation" name="organisation" value="${v('organisation')}" maxlength="200" autocomplete="organization"></div>
${e.questions.map((q) => questionField(ctx, q, v(`answer_${q.id}`)))}
<div class="hp" aria-hidden="true"><label for="${HONEYPOT}">${tr(ctx, 'agenda_honeypot')}</label><input type="text" id="${HONEYPOT}" name="${HONEYPOT}" tabindex="-1" autocomplete="off"></div>
<button type="submit">${tr(ctx, full ? 'agenda_register_waitlist' : 'agenda_register')}</button>
</form>
</section>`;
}

export function detailPage(ctx: PageContext, e: EventView, form: FormState): string {
  const where = place(e);
  const map =
    e.lat !== null && e.lng !== null
      ? `https://www.openstreetmap.org/?mlat=${e.lat}&mlon=${e.lng}#map=17/${e.lat}/${e.lng}`
      : null;
  const pe: PublicEvent = {
    id: e.id,
    title: e.title,
    kind: e.kind,
    format: e.format,
    starts_at: e.startsAt,
    ends_at: e.endsAt,
    venue: e.venue,
    address: e.address,
    capacity: e.capacity,
    places_left: e.placesLeft,
    waitlist: e.capacity !== null && (e.waitlistLimit ?? 0) > 0,
    registration_open: e.registrationOpen,
  };
  const full = e.placesLeft === 0 && !pe.waitlist;
  const body = html`<p><a href="${agendaLink(ctx, listPath(ctx.network.slug))}">← ${tr(ctx, 'agenda_back')}</a></p>
<h1>${e.title}</h1>
<dl class="facts">
<dt>${tr(ctx, 'agenda_when')}</dt><dd><time datetime="${e.startsAt}">${when(e.startsAt, ctx.lang)}</time> – <time datetime="${e.endsAt}">${when(e.endsAt, ctx.lang)}</time></dd>
<dt>${tr(ctx, 'agenda_where')}</dt><dd>${tr(ctx, `agenda_format_${e.format}`)}${where ? html`: ${where}` : ''}${map ? html` · <a href="${map}">${tr(ctx, 'agenda_map')}</a>` : ''}${e.format !== 'on_site' ? html`<br>${tr(ctx, 'agenda_online_link')}` : ''}</dd>
${e.audience ? html`<dt>${tr(ctx, 'agenda_audience')}</dt><dd>${e.audience}</dd>` : ''}
${e.organisers.length ? html`<dt>${tr(ctx, 'agenda_organisers')}</dt><dd>${e.organisers.map((o) => o.name).join(', ')}</dd>` : ''}
<dt>${tr(ctx, 'agenda_register')}</dt><dd>${availability(ctx, pe, e.status)}</dd>
</dl>
${e.description ? e.description.split(/\n{2,}/).map((p) => html`<p>${p}</p>`) : ''}
${e.programme.length ? html`<h2>${tr(ctx, 'agenda_programme')}</h2><ul class="programme">${e.programme.map((p) => html`<li><strong>${p.time}</strong> ${p.title}</li>`)}</ul>` : ''}
${e.speakers.length ? html`<h2>${tr(ctx, 'agenda_speakers')}</h2><ul>${e.speakers.map((s) => html`<li>${s.name}${s.role ? html`, ${s.role}` : ''}${s.organisation ? html` (${s.organisation})` : ''}</li>`)}</ul>` : ''}
${e.registrationOpen && !full ? registrationForm(ctx, e, form) : form.error ? html`<div class="note error" role="alert"><p>${form.error}</p></div>` : ''}`;
  return layout(ctx, e.title, detailPath(ctx.network.slug, e.id), body);
}

export function messagePage(ctx: PageContext, title: string, message: string, back: string | null): string {
  const body = html`<h1>${title}</h1>
<div class="note" role="status"><p>${message}</p></div>
${back ? html`<p><a href="${back}">← ${tr(ctx, 'agenda_back')}</a></p>` : ''}`;
  return layout(ctx, title, listPath(ctx.network.slug), body);
}

export function notFoundPage(ctx: PageContext): string {
  return messagePage(
    ctx,
    tr(ctx, 'agenda_not_found'),
    tr(ctx, 'agenda_not_found'),
    agendaLink(ctx, listPath(ctx.network.slug)),
  );
}

function statusText(ctx: PageContext, r: OwnRegistration): string {
  if (r.status === 'waitlisted') return tr(ctx, 'agenda_status_waitlisted', { position: r.position ?? 0 });
  if (r.status === 'offered')
    return tr(ctx, 'agenda_status_offered', {
      until: r.holdExpiresAt ? when(r.holdExpiresAt, ctx.lang) : '',
    });
  return tr(ctx, `agenda_status_${r.status}`);
}

export function ownPage(
  ctx: PageContext,
  token: string,
  r: OwnRegistration,
  o: { qrSvg: string; notice: string | null; error: string | null },
): string {
  const path = ownPath(ctx.network.slug, token);
  const action = (sub: string) => agendaLink(ctx, `${path}/${sub}`);
  const active = r.status === 'confirmed' || r.status === 'offered' || r.status === 'waitlisted';
  const body = html`<h1>${tr(ctx, 'agenda_yours')}</h1>
${o.notice ? html`<div class="note" role="status"><p>${o.notice}</p></div>` : ''}
${o.error ? html`<div class="note error" role="alert"><p>${o.error}</p></div>` : ''}
<h2><a href="${agendaLink(ctx, detailPath(ctx.network.slug, r.event.id))}">${r.event.title}</a></h2>
<dl class="facts">
<dt>${tr(ctx, 'agenda_when')}</dt><dd><time datetime="${r.event.starts_at}">${when(r.event.starts_at, ctx.lang)}</time></dd>
<dt>${tr(ctx, 'agenda_name')}</dt><dd>${r.name}</dd>
<dt>${tr(ctx, 'agenda_yours')}</dt><dd><strong>${statusText(ctx, r)}</strong></dd>
</dl>
${r.status === 'confirmed' ? html`<figure class="qr">${trusted(o.qrSvg)}<figcaption>${tr(ctx, 'agenda_code', { code: r.checkinCode })}</figcaption></figure>` : ''}
${r.status === 'offered' ? html`<form method="post" action="${action('bevestigen')}"><button type="submit">${tr(ctx, 'agenda_confirm')}</button></form>` : ''}
${
  r.feedbackOpen
    ? html`<section aria-labelledby="feedback"><h2 id="feedback">${tr(ctx, 'agenda_feedback')}</h2>
<form method="post" action="${action('feedback')}">
${(['rating', 'useful'] as const).map(
  (k) =>
    html`<fieldset class="field"><legend>${tr(ctx, `agenda_feedback_${k}`)}</legend><div class="checks">${[
      1, 2, 3, 4, 5,
    ].map(
      (n) =>
        html`<span class="check"><input type="radio" id="${k}-${n}" name="${k}" value="${n}"${k === 'rating' ? trusted(' required') : ''}><label for="${k}-${n}">${n}</label></span>`,
    )}</div></fieldset>`,
)}
<div class="field"><label for="comment">${tr(ctx, 'agenda_feedback_comment')} <span class="hint">${tr(ctx, 'agenda_optional')}</span></label><textarea id="comment" name="comment" rows="4" maxlength="4000"></textarea></div>
<button type="submit">${tr(ctx, 'agenda_feedback_send')}</button>
</form></section>`
    : ''
}
${
  active && r.event.ends_at > new Date().toISOString()
    ? html`<section aria-labelledby="annuleren"><h2 id="annuleren">${tr(ctx, 'agenda_cancel')}</h2><p>${tr(ctx, 'agenda_cancel_hint')}</p>
<form method="post" action="${action('annuleren')}"><button type="submit" class="secondary">${tr(ctx, 'agenda_cancel')}</button></form></section>`
    : ''
}`;
  return layout(ctx, tr(ctx, 'agenda_yours'), path, body);
}
