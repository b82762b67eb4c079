import { defuseFormula } from '../../platform/csv.ts';
import type { GraphView, MetricsResult } from './service.ts';

const xml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

/** CSV cells are quoted, and a leading =, +, - or @ is defused so spreadsheets do not run it as a formula. */
const cell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  // A negative metric stays a number the spreadsheet can sum.
  const safe = typeof v === 'number' ? s : defuseFormula(s);
  return /[",\n\r;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};
const line = (cells: unknown[]) => cells.map(cell).join(',');

/** GEXF 1.3 for Gephi: partners with sector and metrics as attributes, ties with type, weight and dates. */
export function toGexf(view: GraphView, m: MetricsResult, networkName: string): string {
  const attrs = [
    'sector',
    'degree',
    'betweenness',
    'closeness',
    'eigenvector',
    'constraint',
    'community',
  ] as const;
  const nodes = view.partners
    .map((p) => {
      const n = m.nodes[p.id];
      const values = [
        p.sector,
        n?.degree,
        n?.betweenness,
        n?.closeness,
        n?.eigenvector,
        n?.constraint,
        n?.community,
      ];
      const attvalues = values
        .map((v, i) =>
          v === null || v === undefined ? '' : `<attvalue for="${i}" value="${xml(String(v))}"/>`,
        )
        .join('');
      return `      <node id="${xml(p.id)}" label="${xml(p.name)}"><attvalues>${attvalues}</attvalues></node>`;
    })
    .join('\n');
  const edges = view.ties
    .map(
      (t) =>
        `      <edge id="${xml(t.id)}" source="${xml(t.sourceId)}" target="${xml(t.targetId)}" weight="${t.weight}" type="${t.directed ? 'directed' : 'undirected'}" label="${xml(t.type)}" start="${t.startDate}"${t.endDate ? ` end="${t.endDate}"` : ''}/>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <meta><creator>Knooppunt</creator><description>${xml(networkName)}</description></meta>
  <graph defaultedgetype="undirected" timeformat="date">
    <attributes class="node">
${attrs.map((a, i) => `      <attribute id="${i}" title="${a}" type="${a === 'sector' ? 'string' : 'double'}"/>`).join('\n')}
    </attributes>
    <nodes>
${nodes}
    </nodes>
    <edges>
${edges}
    </edges>
  </graph>
</gexf>
`;
}

/** GraphML for yEd, igraph and NetworkX. */
export function toGraphml(view: GraphView, m: MetricsResult): string {
  const nodeKeys = ['name', 'sector', 'degree', 'betweenness', 'closeness', 'eigenvector', 'community'];
  const nodes = view.partners
    .map((p) => {
      const n = m.nodes[p.id];
      const data: [string, unknown][] = [
        ['name', p.name],
        ['sector', p.sector],
        ['degree', n?.degree],
        ['betweenness', n?.betweenness],
        ['closeness', n?.closeness],
        ['eigenvector', n?.eigenvector],
        ['community', n?.community],
      ];
      return `    <node id="${xml(p.id)}">${data
        .filter(([, v]) => v !== undefined && v !== null)
        .map(([k, v]) => `<data key="${k}">${xml(String(v))}</data>`)
        .join('')}</node>`;
    })
    .join('\n');
  const edges = view.ties
    .map(
      (t) =>
        `    <edge id="${xml(t.id)}" source="${xml(t.sourceId)}" target="${xml(t.targetId)}" directed="${t.directed}"><data key="type">${xml(t.type)}</data><data key="weight">${t.weight}</data><data key="start">${t.startDate}</data>${t.endDate ? `<data key="end">${t.endDate}</data>` : ''}</edge>`,
    )
    .join('\n');
  const key = (id: string, forWhat: string, type: string) =>
    `  <key id="${id}" for="${forWhat}" attr.name="${id}" attr.type="${type}"/>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
${nodeKeys.map((k) => key(k, 'node', k === 'name' || k === 'sector' ? 'string' : 'double')).join('\n')}
${key('type', 'edge', 'string')}
${key('weight', 'edge', 'double')}
${key('start', 'edge', 'string')}
${key('end', 'edge', 'string')}
  <graph edgedefault="undirected">
${nodes}
${edges}
  </graph>
</graphml>
`;
}

export function partnersCsv(view: GraphView, m: MetricsResult): string {
  const head = [
    'id',
    'name',
    'sector',
    'degree',
    'strength',
    'betweenness',
    'closeness',
    'eigenvector',
    'constraint',
    'effective_size',
    'community',
    'articulation_point',
  ];
  const rows = view.partners.map((p) => {
    const n = m.nodes[p.id];
    return line([
      p.id,
      p.name,
      p.sector,
      n?.degree,
      n?.strength,
      n?.betweenness,
      n?.closeness,
      n?.eigenvector,
      n?.constraint,
      n?.effectiveSize,
      n?.community,
      n?.articulationPoint,
    ]);
  });
  return `${[line(head), ...rows].join('\n')}\n`;
}

export function tiesCsv(view: GraphView): string {
  const name = new Map(view.partners.map((p) => [p.id, p.name]));
  const head = [
    'source',
    'target',
    'source_name',
    'target_name',
    'type',
    'directed',
    'weight',
    'start_date',
    'end_date',
    'origin',
  ];
  const rows = view.ties.map((t) =>
    line([
      t.sourceId,
      t.targetId,
      name.get(t.sourceId),
      name.get(t.targetId),
      t.type,
      t.directed,
      t.weight,
      t.startDate,
      t.endDate,
      t.origin,
    ]),
  );
  return `${[line(head), ...rows].join('\n')}\n`;
}
