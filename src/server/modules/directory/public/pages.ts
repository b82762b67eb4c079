import { LANGUAGES, type Language } from '../../../platform/i18n.ts';
import type { MatchReason } from '../search/engine.ts';
import {
  type DatedException,
  isOpenAt,
  localMoment,
  parseClock,
  slotsFromSchedules,
} from '../search/schedule.ts';
import { type Html, html, safeHttpUrl, trusted } from './html.ts';
import type { OrganizationDetail, ServiceDetail, TermLabel } from './repo.ts';
import { DISTANCES_KM, MAX_TEXT, type MapQuery } from './schema.ts';
import type { MapSearch, PublicNetwork } from './service.ts';
import { HONEYPOT, type SuggestError, type SuggestField, type SuggestValues } from './suggest.ts';
import { LANGUAGE_NAMES, type TextKey, text } from './texts.ts';

/**
 * The public pages as HTML. Every page works as plain links and a GET form; the one script (kaart.js) only
 * adds a print button. Everything shown goes through the `html` template, which escapes it.
 */

/** The parts of a link every page keeps: the network in scope and a language chosen in the link. */
export interface LinkContext {
  lang: Language;
  network: PublicNetwork | null;
  explicitLang: Language | null;
}

export interface Assets {
  css: string;
  js: string;
}

function query(params: Record<string, string | number | null | undefined | false>): string {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== null && v !== undefined && v !== false && v !== '') s.set(k, String(v));
  const out = s.toString();
  return out ? `?${out}` : '';
}

function link(ctx: LinkContext, path: string, params: Record<string, string | number | null | false> = {}) {
  return `${path}${query({ ...params, network: ctx.network?.slug, lang: ctx.explicitLang })}`;
}

const locale = (lang: Language) => `${lang}-BE`;

function formatDate(lang: Language, isoDate: string): string {
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${isoDate.slice(0, 10)}T00:00:00Z`),
  );
}

function dayName(lang: Language, day: number): string {
  // 30 November 2026 is a Monday; day 0 is Monday.
  return new Intl.DateTimeFormat(locale(lang), { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2026, 10, 30 + day)),
  );
}

function languageName(lang: Language, code: string): string {
  try {
    const name = new Intl.DisplayNames([lang], { type: 'language' }).of(code) ?? code;
    return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
  } catch {
    return code;
  }
}

const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

function layout(
  ctx: LinkContext,
  assets: Assets,
  o: { title: string; languageLinks: Record<Language, string>; body: Html },
): string {
  const t = (k: TextKey, p?: Record<string, string | number>) => text(ctx.lang, k, p);
  const home = link(ctx, '/kaart');
  const page = html`<!doctype html>
<html lang="${ctx.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${o.title} · ${t('site_name')}</title>
<link rel="stylesheet" href="${assets.css}">
<script src="${assets.js}" defer></script>
</head>
<body>
<a class="skip" href="#inhoud">${t('skip_to_content')}</a>
<header class="top">
  <div class="wrap top-bar">
    <a class="brand" href="${home}"><span class="brand-name">${ctx.network ? ctx.network.name : t('site_name')}</span> <span class="brand-tag">${t('site_tagline')}</span></a>
    <nav aria-label="${t('language_nav')}">
      <ul class="langs">
        ${LANGUAGES.map(
          (l) =>
            html`<li><a href="${o.languageLinks[l]}" lang="${l}" hreflang="${l}"${l === ctx.lang ? trusted(' aria-current="true"') : ''}>${LANGUAGE_NAMES[l]}</a></li>`,
        )}
      </ul>
    </nav>
  </div>
</header>
<main id="inhoud" class="wrap" tabindex="-1">
${o.body}
</main>
<footer class="foot">
  <div class="wrap">
    <p>${t('footer_about')}</p>
    <p><a href="/api/hsds/">${t('footer_api')}</a></p>
  </div>
</footer>
</body>
</html>
`;
  return page.value;
}

function reasonText(lang: Language, r: MatchReason): string {
  const field = text(lang, `field_${r.field}` as TextKey);
  return text(lang, `reason_${r.kind}` as TextKey, { word: r.word, matched: r.matched, field });
}

function hasFilters(q: MapQuery): boolean {
  return Boolean(q.postcode || q.rubric || q.openNow || q.free);
}

export function searchPage(
  ctx: LinkContext,
  assets: Assets,
  q: MapQuery,
  rubricList: TermLabel[],
  found: MapSearch,
): string {
  const { lang } = ctx;
  const t = (k: TextKey, p?: Record<string, string | number>) => text(lang, k, p);
  const r = found.result;
  const state = {
    q: q.q,
    postcode: q.postcode,
    km: q.postcode ? q.km : null,
    rubric: q.rubric,
    open: q.openNow ? 'now' : null,
    free: q.free ? '1' : null,
  };
  const pageLink = (page: number) => link(ctx, '/kaart', { ...state, page: page > 1 ? page : null });
  const languageLinks = Object.fromEntries(
    LANGUAGES.map((l) => [
      l,
      link({ ...ctx, explicitLang: l }, '/kaart', { ...state, page: q.page > 1 ? q.page : null }),
    ]),
  ) as Record<Language, string>;
  const fmt = new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 1 });
  const count =
    r.total === 1
      ? t('results_count_one')
      : t(r.total_exact ? 'results_count' : 'results_count_about', { count: fmt.format(r.total) });
  const extraWords = [
    ...r.query.corrections.map((c) => c.to),
    ...r.query.synonyms.map((s) => s.synonym),
  ].filter((w, i, all) => all.indexOf(w) === i);
  const heading = q.q ? t('results_title_query', { query: q.q }) : t('results_title_all');
  const firstNumber = (r.page - 1) * r.per_page + 1;

  const results =
    r.items.length === 0
      ? html`<div class="empty">
  <h2 id="resultaten">${t('no_results_title')}</h2>
  <p>${t('no_results_intro')}</p>
  <ul>
    ${q.q ? html`<li>${t('no_results_spelling')}</li>` : ''}
    ${q.q.includes(' ') ? html`<li>${t('no_results_fewer')}</li>` : ''}
    ${q.postcode ? html`<li>${t('no_results_distance')}</li>` : ''}
    ${hasFilters(q) ? html`<li><a href="${link(ctx, '/kaart', { q: q.q })}">${t('no_results_filters')}</a></li>` : ''}
  </ul>
  <p>${t('no_results_ask')}</p>
</div>`
      : html`<h2 id="resultaten">${heading}</h2>
<p class="count" role="status">${count}${r.total_pages > 1 ? ` · ${t('results_page', { page: r.page, pages: r.total_pages })}` : ''}</p>
${extraWords.length ? html`<p class="note">${t('results_did_you_mean', { words: extraWords.join(', ') })}</p>` : ''}
<ol class="results" start="${firstNumber}">
${r.items.map((item) => {
  const tr = found.translated.get(item.id) ?? {};
  const reasons = item.reasons
    .filter((x, i, all) => all.findIndex((y) => y.word === x.word) === i)
    .slice(0, 3)
    .map((x) => reasonText(lang, x));
  const why = reasons.length ? reasons.join('; ') : hasFilters(q) ? t('results_why_filters') : '';
  return html`<li class="result">
  <h3><a href="${link(ctx, `/kaart/dienst/${encodeURIComponent(item.id)}`)}">${tr.name ?? item.name}</a></h3>
  <p class="org">${item.organization}</p>
  ${(tr.description ?? item.description) ? html`<p class="desc">${(tr.description ?? item.description).slice(0, 220)}</p>` : ''}
  ${item.address || item.distance_km !== null ? html`<p class="where">${item.address ?? ''}${item.distance_km !== null ? html` <span class="dist">(${t('results_distance', { km: fmt.format(item.distance_km) })})</span>` : ''}</p>` : ''}
  ${why ? html`<p class="why"><span class="why-label">${t('results_why')}</span> ${why}</p>` : ''}
</li>`;
})}
</ol>
${
  r.total_pages > 1
    ? html`<nav class="pager" aria-label="${t('results_paging')}">
  ${r.page > 1 ? html`<a rel="prev" href="${pageLink(r.page - 1)}">${t('results_prev')}</a>` : ''}
  <span>${t('results_page', { page: r.page, pages: r.total_pages })}</span>
  ${r.page < r.total_pages ? html`<a rel="next" href="${pageLink(r.page + 1)}">${t('results_next')}</a>` : ''}
</nav>`
    : ''
}`;

  const body = html`<h1>${ctx.network ? t('search_title_network', { network: ctx.network.name }) : t('search_title')}</h1>
<p class="intro">${t('search_intro')}</p>
<form class="search" method="get" action="/kaart" role="search">
  ${ctx.network ? html`<input type="hidden" name="network" value="${ctx.network.slug}">` : ''}
  ${ctx.explicitLang ? html`<input type="hidden" name="lang" value="${ctx.explicitLang}">` : ''}
  <div class="field field-q">
    <label for="q">${t('search_label')}</label>
    <div class="q-row">
      <input id="q" name="q" type="search" value="${q.q}" maxlength="${MAX_TEXT}" autocomplete="off"${q.shortened ? trusted(' aria-describedby="q-note"') : ''}>
      <button type="submit">${t('search_submit')}</button>
    </div>
    ${q.shortened ? html`<p class="note" id="q-note">${t('search_text_shortened')}</p>` : ''}
  </div>
  <details class="refine"${hasFilters(q) || q.postcodeInvalid ? trusted(' open') : ''}>
  <summary>${t('search_filters')}</summary>
  <fieldset class="filters">
    <legend class="sr-only">${t('search_filters')}</legend>
    <div class="field">
      <label for="postcode">${t('search_postcode')}</label>
      <input id="postcode" name="postcode" type="text" inputmode="numeric" autocomplete="postal-code" maxlength="4" size="5" value="${q.postcode ?? ''}" aria-describedby="postcode-hint"${q.postcodeInvalid ? trusted(' aria-invalid="true"') : ''}>
      <p class="hint${q.postcodeInvalid ? ' error' : ''}" id="postcode-hint">${q.postcodeInvalid ? t('search_postcode_invalid') : t('search_postcode_hint')}</p>
    </div>
    <div class="field">
      <label for="km">${t('search_distance')}</label>
      <select id="km" name="km">
        <option value="">${t('search_distance_exact')}</option>
        ${DISTANCES_KM.map((km) => html`<option value="${km}"${q.km === km ? trusted(' selected') : ''}>${t('search_distance_km', { km })}</option>`)}
      </select>
    </div>
    <div class="field">
      <label for="rubric">${t('search_rubric')}</label>
      <select id="rubric" name="rubric">
        <option value="">${t('search_rubric_all')}</option>
        ${rubricList.map((r) => html`<option value="${r.code}"${q.rubric === r.code ? trusted(' selected') : ''}>${r.name}</option>`)}
      </select>
    </div>
    <div class="checks">
      <div class="check"><input id="open" name="open" type="checkbox" value="now"${q.openNow ? trusted(' checked') : ''}><label for="open">${t('search_open_now')}</label></div>
      <div class="check"><input id="free" name="free" type="checkbox" value="1"${q.free ? trusted(' checked') : ''}><label for="free">${t('search_free')}</label></div>
    </div>
  </fieldset>
  <p class="actions"><button type="submit">${t('search_submit')}</button> <a href="${link(ctx, '/kaart')}">${t('search_clear')}</a></p>
  </details>
</form>
<section class="found" aria-labelledby="resultaten">
${results}
</section>`;
  return layout(ctx, assets, { title: q.q ? heading : t('search_title'), languageLinks, body });
}

function languageLinksFor(ctx: LinkContext, path: string): Record<Language, string> {
  return Object.fromEntries(LANGUAGES.map((l) => [l, link({ ...ctx, explicitLang: l }, path)])) as Record<
    Language,
    string
  >;
}

function hoursTable(lang: Language, s: ServiceDetail, now: Date): Html {
  const t = (k: TextKey, p?: Record<string, string | number>) => text(lang, k, p);
  const slots = slotsFromSchedules(s.schedules);
  const exceptions: DatedException[] = s.exceptions.map((e) => ({
    from: e.date_from,
    to: e.date_to,
    closed: e.closed,
    opens: parseClock(e.opens_at) ?? undefined,
    closes: parseClock(e.closes_at) ?? undefined,
  }));
  if (slots.length === 0 && exceptions.length === 0) return html`<p>${t('service_hours_none')}</p>`;
  const open = isOpenAt({ slots, exceptions }, localMoment(now));
  const exceptionTime = (e: ServiceDetail['exceptions'][number]) =>
    e.closed || !e.opens_at || !e.closes_at
      ? t('service_hours_closed')
      : `${e.opens_at.slice(0, 5)}–${e.closes_at.slice(0, 5)}`;
  return html`${slots.length ? html`<p class="now ${open ? 'is-open' : 'is-closed'}">${open ? t('service_open_now') : t('service_closed_now')}</p>` : ''}
<table class="hours">
  <caption class="sr-only">${t('service_hours')}</caption>
  <thead><tr><th scope="col">${t('service_hours_day')}</th><th scope="col">${t('service_hours_time')}</th></tr></thead>
  <tbody>
    ${[0, 1, 2, 3, 4, 5, 6].map((day) => {
      const today = slots.filter((x) => x.day === day).sort((a, b) => a.opens - b.opens);
      return html`<tr><th scope="row">${dayName(lang, day)}</th><td>${today.length ? today.map((x) => `${clock(x.opens)}–${clock(x.closes)}`).join(', ') : t('service_hours_closed')}</td></tr>`;
    })}
  </tbody>
</table>
${
  s.exceptions.length
    ? html`<table class="hours exceptions">
  <caption>${t('service_exceptions')}</caption>
  <thead><tr><th scope="col">${t('service_exceptions_date')}</th><th scope="col">${t('service_hours_time')}</th><th scope="col">${t('service_exceptions_reason')}</th></tr></thead>
  <tbody>
    ${s.exceptions.map(
      (e) =>
        html`<tr><th scope="row">${formatDate(lang, e.date_from)}${e.date_to !== e.date_from ? ` – ${formatDate(lang, e.date_to)}` : ''}</th><td>${exceptionTime(e)}</td><td>${e.reason ?? ''}</td></tr>`,
    )}
  </tbody>
</table>`
    : ''
}`;
}

function ageText(lang: Language, min: number | null, max: number | null): string | null {
  if (min !== null && max !== null) return text(lang, 'service_age_range', { min, max });
  if (min !== null) return text(lang, 'service_age_min', { min });
  if (max !== null) return text(lang, 'service_age_max', { max });
  return null;
}

function costText(lang: Language, s: ServiceDetail): string {
  const amounts = s.costs.filter((c) => c.amount !== null);
  if (amounts.length > 0 && amounts.every((c) => c.amount === 0)) return text(lang, 'service_cost_free');
  const parts = amounts
    .filter((c) => c.amount !== 0)
    .map((c) => {
      const amount = new Intl.NumberFormat(locale(lang), {
        style: 'currency',
        currency: c.currency || 'EUR',
      }).format(c.amount ?? 0);
      return c.amount_description ? `${amount} (${c.amount_description})` : amount;
    });
  // Imports often repeat the cost option's description as the service's fee text: say it once.
  if (s.fees_description && !parts.some((p) => p.includes(s.fees_description!)))
    parts.push(s.fees_description);
  return parts.length ? parts.join('; ') : text(lang, 'service_cost_unknown');
}

export function servicePage(
  ctx: LinkContext,
  assets: Assets,
  s: ServiceDetail,
  o: { qrSvg: string; publicUrl: string; now: Date; suggestUrl: string | null },
): string {
  const { lang } = ctx;
  const t = (k: TextKey, p?: Record<string, string | number>) => text(lang, k, p);
  const what = s.terms.filter((x) => x.kind === 'rubric').map((x) => x.name);
  const forWhom = [
    ...s.terms.filter((x) => x.kind === 'target_group').map((x) => x.name),
    ageText(lang, s.minimum_age, s.maximum_age),
  ].filter((x): x is string => Boolean(x));
  const website = safeHttpUrl(s.url);
  const fact = (label: string, value: Html | string | null) =>
    value ? html`<div class="fact"><dt>${label}</dt><dd>${value}</dd></div>` : '';
  const orgLink = s.organization
    ? html`<a href="${link(ctx, `/kaart/organisatie/${encodeURIComponent(s.organization.id)}`)}">${s.organization.name}</a>`
    : null;
  const contact = [
    ...s.phones.map(
      (p) => html`<li>${t('service_phone')}: <a href="tel:${p.replace(/[^\d+]/g, '')}">${p}</a></li>`,
    ),
    s.email ? html`<li>${t('service_email')}: <a href="mailto:${s.email}">${s.email}</a></li>` : '',
    website
      ? html`<li>${t('service_website')} <a href="${website}">${s.url}</a></li>`
      : s.url
        ? html`<li>${t('service_website')} ${s.url}</li>`
        : '',
  ].filter((x) => x !== '');
  const body = html`<p class="crumbs"><a href="${link(ctx, '/kaart')}">${t('service_back')}</a></p>
<article class="card" aria-labelledby="dienst-naam">
  <div class="card-head">
    <h1 id="dienst-naam">${s.name}</h1>
    ${orgLink ? html`<p class="org">${t('service_offered_by')} ${orgLink}</p>` : ''}
  </div>
  ${s.description ? html`<p class="lead">${s.description}</p>` : ''}
  <div class="card-body">
    <dl class="facts">
      ${fact(t('service_what'), what.join(', ') || null)}
      ${fact(t('service_for_whom'), [...forWhom, s.eligibility_description].filter(Boolean).join('; ') || t('service_everyone'))}
      ${fact(t('service_cost'), costText(lang, s))}
      ${fact(t('service_languages'), s.languages.map((c) => languageName(lang, c)).join(', ') || null)}
      ${fact(
        s.locations.length > 1 ? t('service_addresses') : t('service_address'),
        s.locations.length
          ? html`<ul class="plain">${s.locations.map(
              (l) =>
                html`<li>${l.name ? html`${l.name}<br>` : ''}${l.address_1 ?? ''}${l.address_1 ? html`<br>` : ''}${[l.postal_code, l.city].filter(Boolean).join(' ')}${l.accessibility.length ? html`<br><span class="access">${t('service_accessibility')}: ${l.accessibility.map((a) => a.name).join(', ')}</span>` : ''}</li>`,
            )}</ul>`
          : null,
      )}
      ${fact(t('service_contact'), contact.length ? html`<ul class="plain">${contact}</ul>` : null)}
      ${fact(t('service_how_to_apply'), s.application_process)}
      ${
        s.capacity
          ? fact(
              t('service_places'),
              [
                t('service_places_value', { available: s.capacity.available, unit: s.capacity.unit }),
                s.capacity.waiting_list ? t('service_waiting_list', { count: s.capacity.waiting_list }) : '',
              ]
                .filter(Boolean)
                .join('; '),
            )
          : ''
      }
    </dl>
    <figure class="qr">
      ${trusted(o.qrSvg)}
      <figcaption>${t('service_qr')}<br><span class="url">${o.publicUrl}</span></figcaption>
    </figure>
  </div>
  <section class="hours-section" aria-labelledby="uren">
    <h2 id="uren">${t('service_hours')}</h2>
    ${hoursTable(lang, s, o.now)}
  </section>
  <p class="assured">${s.assured_date ? t('service_assured', { date: formatDate(lang, s.assured_date) }) : t('service_not_assured')}</p>
</article>
<p class="print-hint">${t('service_print_hint')} <button type="button" class="print" data-print hidden>${t('service_print')}</button></p>
${o.suggestUrl ? html`<p class="suggest-link"><a href="${o.suggestUrl}">${t('suggest_link')}</a></p>` : ''}`;
  return layout(ctx, assets, {
    title: s.name,
    languageLinks: languageLinksFor(ctx, `/kaart/dienst/${encodeURIComponent(s.id)}`),
    body,
  });
}

export function organizationPage(ctx: LinkContext, assets: Assets, o: OrganizationDetail): string {
  const t = (k: TextKey) => text(ctx.lang, k);
  const website = safeHttpUrl(o.website);
  const body = html`<p class="crumbs"><a href="${link(ctx, '/kaart')}">${t('service_back')}</a></p>
<h1>${o.name}</h1>
${o.description ? html`<p class="lead">${o.description}</p>` : ''}
${
  website || o.email
    ? html`<ul class="plain contact">
  ${website ? html`<li>${t('service_website')} <a href="${website}">${o.website}</a></li>` : ''}
  ${o.email ? html`<li>${t('service_email')}: <a href="mailto:${o.email}">${o.email}</a></li>` : ''}
</ul>`
    : ''
}
<section aria-labelledby="diensten">
  <h2 id="diensten">${t('org_services')}</h2>
  ${
    o.services.length
      ? html`<ul class="results">${o.services.map(
          (s) =>
            html`<li class="result"><h3><a href="${link(ctx, `/kaart/dienst/${encodeURIComponent(s.id)}`)}">${s.name}</a></h3>${s.description ? html`<p class="desc">${s.description.slice(0, 220)}</p>` : ''}</li>`,
        )}</ul>`
      : html`<p>${t('org_no_services')}</p>`
  }
</section>`;
  return layout(ctx, assets, {
    title: o.name,
    languageLinks: languageLinksFor(ctx, `/kaart/organisatie/${encodeURIComponent(o.id)}`),
    body,
  });
}

export function notFoundPage(ctx: LinkContext, assets: Assets, path: string): string {
  const t = (k: TextKey) => text(ctx.lang, k);
  const body = html`<h1>${t('not_found_title')}</h1>
<p>${t('not_found_text')}</p>
<p><a href="${link(ctx, '/kaart')}">${t('service_back')}</a></p>`;
  return layout(ctx, assets, {
    title: t('not_found_title'),
    languageLinks: languageLinksFor(ctx, path),
    body,
  });
}

/** The link to a service's suggestion form, keeping the network and the language of the page. */
export const suggestPath = (ctx: LinkContext, serviceId: string) =>
  link(ctx, `/kaart/dienst/${encodeURIComponent(serviceId)}/voorstel`);

export interface SuggestFormView {
  service: { id: string; name: string };
  networks: string[];
  values: SuggestValues;
  errors: SuggestError[];
  /** An error about the whole suggestion (too many from this address, refused by curation). */
  formError: string | null;
}

/**
 * The "suggest a change" form: a plain POST form, prefilled with the current values. After a failed post it
 * comes back with the values kept, an error summary at the top linking to each field, and the message next
 * to the field it is about (the pattern screen reader users know from government services).
 */
export function suggestPage(ctx: LinkContext, assets: Assets, v: SuggestFormView): string {
  const { lang } = ctx;
  const t = (k: TextKey, p?: Record<string, string | number>) => text(lang, k, p);
  const errorOf = (f: SuggestField) => v.errors.find((e) => e.field === f);
  const hasErrors = v.errors.length > 0 || v.formError !== null;
  const field = (
    name: SuggestField,
    label: string,
    o: {
      type?: 'text' | 'tel' | 'email' | 'url' | 'textarea';
      hint?: string;
      autocomplete?: string;
      optional?: boolean;
      inputmode?: string;
      size?: number;
    } = {},
  ) => {
    const id = `f-${name}`;
    const error = errorOf(name);
    const described = [o.hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
    const attrs = html`id="${id}" name="${name}"${described ? html` aria-describedby="${described}"` : ''}${error ? trusted(' aria-invalid="true"') : ''}${o.autocomplete ? html` autocomplete="${o.autocomplete}"` : ''}`;
    const control =
      o.type === 'textarea'
        ? html`<textarea ${attrs} rows="4" maxlength="2000">${v.values[name]}</textarea>`
        : html`<input ${attrs} type="${o.type ?? 'text'}" value="${v.values[name]}"${o.inputmode ? html` inputmode="${o.inputmode}"` : ''}${o.size ? html` size="${o.size}"` : ''}>`;
    return html`<div class="field">
  <label for="${id}">${label}${o.optional ? html` <span class="optional">${t('suggest_optional')}</span>` : ''}</label>
  ${o.hint ? html`<p class="hint" id="${id}-hint">${o.hint}</p>` : ''}
  ${error ? html`<p class="hint error" id="${id}-error"><span class="sr-only">${t('suggest_error_prefix')}: </span>${t(error.key, error.params)}</p>` : ''}
  ${control}
</div>`;
  };
  const summary = hasErrors
    ? html`<div class="error-summary" role="alert" aria-labelledby="fouten" tabindex="-1" autofocus>
  <h2 id="fouten">${t('suggest_errors_title')}</h2>
  <ul>
    ${v.formError ? html`<li>${v.formError}</li>` : ''}
    ${v.errors.map((e) => html`<li><a href="#f-${e.field}">${t(e.key, e.params)}</a></li>`)}
  </ul>
</div>`
    : '';
  const back = link(ctx, `/kaart/dienst/${encodeURIComponent(v.service.id)}`);
  const body = html`<p class="crumbs"><a href="${back}">${t('suggest_cancel')}</a></p>
${summary}
<h1>${t('suggest_title')}</h1>
<p class="intro">${t('suggest_intro', { service: v.service.name, networks: v.networks.join(', ') })}</p>
<form class="search suggest" method="post" action="${suggestPath(ctx, v.service.id)}" novalidate>
  <fieldset>
    <legend>${t('suggest_contact')}</legend>
    ${field('phones', t('suggest_phones'), { type: 'tel', hint: t('suggest_phones_hint'), autocomplete: 'off' })}
    ${field('email', t('suggest_email'), { type: 'email', autocomplete: 'off' })}
    ${field('url', t('suggest_url'), { type: 'url', autocomplete: 'off' })}
  </fieldset>
  <fieldset>
    <legend>${t('suggest_address')}</legend>
    ${field('address_1', t('suggest_street'), { autocomplete: 'off' })}
    ${field('postal_code', t('suggest_postcode'), { inputmode: 'numeric', size: 5, autocomplete: 'off' })}
    ${field('city', t('suggest_city'), { autocomplete: 'off' })}
  </fieldset>
  ${field('hours', t('suggest_hours'), { type: 'textarea', hint: t('suggest_hours_hint'), optional: true })}
  ${field('message', t('suggest_message'), { type: 'textarea', hint: t('suggest_message_hint'), optional: true })}
  ${field('proposer_email', t('suggest_proposer'), { type: 'email', hint: t('suggest_proposer_hint'), optional: true, autocomplete: 'email' })}
  <div class="hp" aria-hidden="true"><label for="f-${HONEYPOT}">${t('suggest_honeypot')}</label><input id="f-${HONEYPOT}" name="${HONEYPOT}" type="text" tabindex="-1" autocomplete="off"></div>
  <p class="actions"><button type="submit">${t('suggest_submit')}</button> <a href="${back}">${t('suggest_cancel')}</a></p>
</form>`;
  const title = hasErrors ? `${t('suggest_error_prefix')}: ${t('suggest_title')}` : t('suggest_title');
  return layout(ctx, assets, {
    title: `${title} · ${v.service.name}`,
    languageLinks: languageLinksFor(ctx, `/kaart/dienst/${encodeURIComponent(v.service.id)}/voorstel`),
    body,
  });
}

export function suggestThanksPage(
  ctx: LinkContext,
  assets: Assets,
  v: { service: { id: string; name: string }; networks: string[] },
): string {
  const t = (k: TextKey, p?: Record<string, string | number>) => text(ctx.lang, k, p);
  const back = link(ctx, `/kaart/dienst/${encodeURIComponent(v.service.id)}`);
  const body = html`<div class="thanks" role="status">
<h1>${t('suggest_thanks_title')}</h1>
<p>${t('suggest_thanks_text', { networks: v.networks.join(', ') })}</p>
</div>
<p><a href="${back}">${t('suggest_cancel')}</a></p>`;
  return layout(ctx, assets, {
    title: `${t('suggest_thanks_title')} · ${v.service.name}`,
    languageLinks: languageLinksFor(ctx, `/kaart/dienst/${encodeURIComponent(v.service.id)}`),
    body,
  });
}
