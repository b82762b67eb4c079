import { useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { Button, ComboBox, Input, Label, ListBox, ListBoxItem, Popover, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { TableRegion } from '../../components/TableRegion.tsx';
import { useFormat } from '../../lib/format.ts';
import { useNetwork } from '../../routes/NetworkLayout.tsx';
import { useNetworkApi } from './api.ts';
import type { Metrics, NodeMetrics, Partner, Sector } from './types.ts';
import { SECTOR_COLOURS } from './types.ts';

/** Staff and admins manage partners, ties, rounds and introductions; the server checks it again. */
export function useIsStaff(): boolean {
  const { detail } = useNetwork();
  return detail.role === 'staff' || detail.role === 'admin';
}

/** Absolute links inside the module (relative paths in a splat route resolve against the splat). */
export function useModulePath() {
  const { detail } = useNetwork();
  const root = `/n/${detail.network.slug}/netwerk`;
  return (sub = '') => (sub ? `${root}/${sub}` : root);
}

export function usePartners() {
  const api = useNetworkApi();
  const { detail } = useNetwork();
  return useQuery({ queryKey: ['network-partners', detail.network.slug], queryFn: api.partners });
}

/** A missing figure: a dash for the eye, words for a screen reader. */
export function Missing({ reason }: { reason?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <span aria-hidden="true">–</span>
      <span className="visually-hidden">{reason ?? t('network.common.notAvailable')}</span>
    </>
  );
}

export function SectorSwatch({ sector }: { sector: Sector }) {
  return <span className="legend-swatch" style={{ background: SECTOR_COLOURS[sector] }} aria-hidden="true" />;
}

/** The view's headline figures, as a description list (read as pairs by screen readers). */
export function Headline({ metrics }: { metrics: Metrics }) {
  const { t } = useTranslation();
  const n = useFormat();
  const net = metrics.network;
  const items: [string, string | null, string][] = [
    [t('network.figures.partners'), n.integer(net.nodes), t('network.figures.partnersHelp')],
    [t('network.figures.ties'), n.integer(net.edges), t('network.figures.tiesHelp')],
    [t('network.figures.density'), n.fraction(net.density), t('network.figures.densityHelp')],
    [t('network.figures.components'), n.integer(net.components.count), t('network.figures.componentsHelp')],
    [
      t('network.figures.communities'),
      n.integer(net.communities.count),
      t('network.figures.communitiesHelp'),
    ],
    [
      t('network.figures.hub'),
      net.hub ? n.fraction(net.hub.dependence) : null,
      net.hub
        ? t('network.figures.hubHelp', { name: metrics.partners[net.hub.id]?.name ?? '' })
        : t('network.figures.noHub'),
    ],
    [
      t('network.figures.ei'),
      net.eiIndex === null ? null : n.decimal(net.eiIndex),
      t('network.figures.eiHelp'),
    ],
  ];
  return (
    <dl className="headline">
      {items.map(([label, value, help]) => (
        <div key={label} className="headline-item">
          <dt>{label}</dt>
          <dd className="headline-value">{value ?? <Missing />}</dd>
          <dd className="headline-help">{help}</dd>
        </div>
      ))}
    </dl>
  );
}

const COLUMNS = [
  'degree',
  'strength',
  'betweenness',
  'closeness',
  'eigenvector',
  'constraint',
  'effectiveSize',
  'community',
  'brokerage',
] as const;
type Column = 'name' | 'sector' | (typeof COLUMNS)[number];

function sortValue(row: { name: string; sector: string; m: NodeMetrics }, column: Column): number | string {
  if (column === 'name') return row.name;
  if (column === 'sector') return row.sector;
  if (column === 'brokerage') return row.m.brokerage.total;
  return row.m[column] ?? -1;
}

/**
 * Every partner of the view with its metrics: the table equivalent of the map. Column headers are
 * buttons that sort; `aria-sort` tells which column and which way.
 */
export function PartnersTable({
  metrics,
  caption,
  highlight,
  sortable = true,
}: {
  metrics: Metrics;
  caption: string;
  highlight?: string | null;
  sortable?: boolean;
}) {
  const { t } = useTranslation();
  const n = useFormat();
  const [sort, setSort] = useState<{ column: Column; descending: boolean }>({
    column: 'degree',
    descending: true,
  });
  const rows = Object.entries(metrics.nodes).map(([id, m]) => ({
    id,
    name: metrics.partners[id]?.name ?? id,
    sector: (metrics.partners[id]?.sector ?? 'other') as Sector,
    m,
  }));
  rows.sort((a, b) => {
    const x = sortValue(a, sort.column);
    const y = sortValue(b, sort.column);
    const order = typeof x === 'string' ? x.localeCompare(String(y)) : x - (y as number);
    return (sort.descending ? -order : order) || a.name.localeCompare(b.name);
  });
  const header = (column: Column, numeric: boolean) => {
    const active = sort.column === column;
    const label = t(`network.metric.${column}`);
    return (
      <th
        scope="col"
        className={numeric ? 'num' : undefined}
        aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : undefined}
      >
        {sortable ? (
          <button
            type="button"
            className="sort-button"
            onClick={() =>
              setSort({
                column,
                descending: active ? !sort.descending : column !== 'name' && column !== 'sector',
              })
            }
          >
            {label}
            <span aria-hidden="true">{active ? (sort.descending ? ' ▼' : ' ▲') : ' ↕'}</span>
          </button>
        ) : (
          label
        )}
      </th>
    );
  };
  const captionId = `partners-caption-${sortable ? 'live' : 'print'}`;
  return (
    <TableRegion captionId={captionId}>
      <table className="data-table partners-table">
        <caption id={captionId}>
          {caption}
          {sortable ? (
            <span className="caption-note">
              {' '}
              {t('network.table.sortedBy', {
                column: t(`network.metric.${sort.column}`),
                direction: t(sort.descending ? 'network.table.descending' : 'network.table.ascending'),
              })}
            </span>
          ) : null}
        </caption>
        <thead>
          <tr>
            {header('name', false)}
            {header('sector', false)}
            {COLUMNS.map((column) => (
              <Fragment key={column}>{header(column, true)}</Fragment>
            ))}
            <th scope="col">{t('network.table.role')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className={row.id === highlight ? 'row-highlight' : undefined}>
              <th scope="row">{row.name}</th>
              <td>
                <span className="sector-cell">
                  <SectorSwatch sector={row.sector} />
                  {t(`network.sector.${row.sector}`)}
                </span>
              </td>
              <td className="num">{n.integer(row.m.degree)}</td>
              <td className="num">{n.decimal(row.m.strength)}</td>
              <td className="num">{n.decimal(row.m.betweenness)}</td>
              <td className="num">{n.decimal(row.m.closeness)}</td>
              <td className="num">{n.decimal(row.m.eigenvector)}</td>
              <td className="num">{row.m.constraint === null ? <Missing /> : n.decimal(row.m.constraint)}</td>
              <td className="num">{n.decimal(row.m.effectiveSize)}</td>
              <td className="num">{n.integer(row.m.community + 1)}</td>
              <td className="num">{n.integer(row.m.brokerage.total)}</td>
              <td>{roles(row.m, t).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

type RoleKey = 'network.table.articulation' | 'network.table.isolate' | 'network.table.peripheral';

/** Takes a narrow translate function: i18next's full TFunction type is too deep to pass around. */
function roles(m: NodeMetrics, t: (key: RoleKey) => string): string[] {
  const out: string[] = [];
  if (m.articulationPoint) out.push(t('network.table.articulation'));
  if (m.isolate) out.push(t('network.table.isolate'));
  if (m.peripheral) out.push(t('network.table.peripheral'));
  return out;
}

/**
 * Picks one partner by typing part of its name (react-aria ComboBox: a labelled combobox with a listbox
 * popup, arrow keys and Enter, announced by screen readers).
 */
export function PartnerComboBox({
  label,
  partners,
  selected,
  onChange,
  description,
  name,
}: {
  label: string;
  partners: Pick<Partner, 'id' | 'name'>[];
  selected: string | null;
  onChange: (id: string | null) => void;
  description?: string;
  name?: string;
}) {
  return (
    <ComboBox
      className="combo field"
      selectedKey={selected}
      onSelectionChange={(key) => onChange(key === null ? null : String(key))}
      defaultItems={partners}
      menuTrigger="focus"
      name={name}
    >
      <Label>{label}</Label>
      <div className="combo-input">
        <Input />
        <Button aria-label={label}>
          <span aria-hidden="true">▾</span>
        </Button>
      </div>
      {description ? (
        <Text slot="description" className="field-help">
          {description}
        </Text>
      ) : null}
      <Popover className="combo-popover">
        <ListBox<Pick<Partner, 'id' | 'name'>> className="combo-list">
          {(partner) => (
            <ListBoxItem id={partner.id} textValue={partner.name} className="combo-item">
              {partner.name}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
