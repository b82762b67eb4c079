// The social map widget (decision 023). A partner adds
//   <script src="https://…/kaart/widget.js" data-network="elz-regio-aalst" data-rubric="mondzorg" async></script>
// and gets a search box with results right after the tag. It lives in a Shadow DOM, so the partner's CSS does not
// reach it and ours does not reach the partner's page; it asks the public, CORS-open HSDS API and links every result
// to the service page on the social map. Plain JavaScript, no build step; the texts are filled in as it is served.
(() => {
  const TEXTS = /*TEXTS*/ {};
  const PER_PAGE = 5;

  const CSS = `
:host { all: initial; display: block; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif;
  font-size: 1rem; line-height: 1.5; color: #1b1f24; }
.box { background: #ffffff; border: 1px solid #c4ccd5; border-radius: 6px; padding: 1rem; max-width: 40rem; }
label { display: block; font-weight: 600; margin-bottom: 0.25rem; }
.row { display: flex; gap: 0.5rem; }
input { flex: 1; min-width: 0; font: inherit; color: #1b1f24; background: #ffffff; border: 2px solid #7b8794;
  border-radius: 6px; padding: 0.5rem; min-height: 44px; }
button { font: inherit; font-weight: 600; color: #ffffff; background: #1d5591; border: 2px solid #1d5591;
  border-radius: 6px; padding: 0.5rem 1rem; min-height: 44px; cursor: pointer; }
button:hover { background: #123a66; }
:focus-visible { outline: 3px solid #ffbf47; box-shadow: 0 0 0 5px #0b0c0c; }
.status { color: #4a5562; margin: 0.75rem 0 0.25rem; min-height: 1.5em; }
ul { list-style: none; margin: 0; padding: 0; }
li { padding: 0.5rem 0; border-top: 1px solid #c4ccd5; }
a { color: #1d5591; font-weight: 600; }
a:hover { color: #123a66; }
.meta { display: block; color: #4a5562; font-size: 0.875rem; }
.more { margin: 0.5rem 0 0; }
`;

  function textsFor(wanted) {
    const code = String(wanted || '')
      .slice(0, 2)
      .toLowerCase();
    return { lang: TEXTS[code] ? code : 'nl', t: TEXTS[code] || TEXTS.nl };
  }

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function start(script) {
    const origin = new URL(script.src, location.href).origin;
    const network = script.dataset.network || '';
    const rubric = script.dataset.rubric || '';
    const { lang, t } = textsFor(script.dataset.lang || document.documentElement.lang);
    const scope = (params) => {
      const q = new URLSearchParams(params);
      if (network) q.set('network', network);
      return q;
    };

    const host = el('div', { class: 'knooppunt-kaart' });
    script.parentNode.insertBefore(host, script.nextSibling);
    const root = host.attachShadow({ mode: 'open' });
    const style = el('style', {}, CSS);
    const box = el('section', { class: 'box', lang, 'aria-label': t.region });
    const form = el('form', { role: 'search' });
    const label = el('label', { for: 'q' }, t.label);
    const row = el('div', { class: 'row' });
    const input = el('input', { id: 'q', type: 'search', name: 'q', maxlength: '200', autocomplete: 'off' });
    const button = el('button', { type: 'submit' }, t.submit);
    const status = el('p', { class: 'status', role: 'status' });
    const list = el('ul');
    const more = el('p', { class: 'more' });
    more.hidden = true;
    row.append(input, button);
    form.append(label, row);
    box.append(form, status, list, more);
    root.append(style, box);

    let current = 0;
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const query = input.value.trim();
      if (!query) return input.focus();
      const ask = ++current;
      status.textContent = t.searching;
      list.replaceChildren();
      more.hidden = true;
      const params = scope({ search: query, per_page: String(PER_PAGE), lang });
      if (rubric) params.set('taxonomy_term_id', `rubric-${rubric}`);
      try {
        const res = await fetch(`${origin}/api/hsds/services?${params}`, {
          headers: { accept: 'application/json' },
        });
        if (!res.ok) throw new Error(String(res.status));
        const page = await res.json();
        if (ask !== current) return;
        for (const s of page.contents) {
          const item = el('li');
          const link = el(
            'a',
            { href: `${origin}/kaart/dienst/${encodeURIComponent(s.id)}?${scope({ lang })}` },
            s.name,
          );
          const address = s.service_at_locations?.[0]?.location?.addresses?.[0];
          const meta = [
            s.organization?.name,
            address && `${address.address_1}, ${address.postal_code} ${address.city}`,
          ]
            .filter(Boolean)
            .join(' · ');
          item.append(link, el('span', { class: 'meta' }, meta));
          list.append(item);
        }
        const n = page.total_items;
        status.textContent = n === 1 ? t.count_one : n ? t.count.replace('{count}', String(n)) : t.none;
        if (page.total_items > page.contents.length) {
          const all = scope({ q: query, lang });
          if (rubric) all.set('rubric', rubric);
          more.replaceChildren(el('a', { href: `${origin}/kaart?${all}` }, t.more));
          more.hidden = false;
        }
      } catch {
        if (ask === current) status.textContent = t.error;
      }
    });
  }

  // document.currentScript is this tag while it runs; several widgets on one page each start once.
  const scripts = new Set(document.currentScript ? [document.currentScript] : []);
  for (const s of document.querySelectorAll('script[src*="/kaart/widget.js"]')) scripts.add(s);
  for (const script of scripts) {
    if (script.dataset.kaartStarted) continue;
    script.dataset.kaartStarted = '1';
    start(script);
  }
})();
