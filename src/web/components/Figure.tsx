import type { EChartsCoreOption } from 'echarts/core';
import { type ComponentProps, type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from './Chart.tsx';
import { MunicipalityMap } from './MunicipalityMap.tsx';

/**
 * A figure: a chart (or map) for the eye, the same numbers as a table for everyone (screen readers,
 * keyboard, print, copy-paste; WCAG 1.1.1) and where the numbers come from. Pages never show a chart
 * without its table twin.
 */

type Heading = 'h2' | 'h3';

interface FigureFrame {
  heading: ReactNode;
  /** The heading level in the page's outline. */
  level?: Heading;
  /** Text between the heading and the chart: what to look at. */
  intro?: ReactNode;
  /** The table twin, usually a DataTable with the chart's numbers. */
  table: ReactNode;
  /** Where the numbers come from; printed after a "Bron:" label. */
  source?: ReactNode;
  /** `beside` puts a narrow table next to the chart on wide screens (a trend and its few rows). */
  layout?: 'below' | 'beside';
  className?: string;
  testId?: string;
}

function Frame({
  heading,
  level: Level = 'h2',
  intro,
  table,
  source,
  layout = 'below',
  className,
  testId,
  picture,
}: FigureFrame & { picture: ReactNode }) {
  const headingId = useId();
  return (
    <section
      className={className ? `figure-block ${className}` : 'figure-block'}
      aria-labelledby={headingId}
      data-testid={testId}
    >
      <Level id={headingId}>{heading}</Level>
      {intro}
      {layout === 'beside' ? (
        <div className="trend">
          {picture}
          {table}
        </div>
      ) : (
        <div className="figure-body">
          {picture}
          {table}
        </div>
      )}
      {source ? <SourceLine>{source}</SourceLine> : null}
    </section>
  );
}

/** "Bron: …" under figures; a page whose figures share one source prints it once with this. */
export function SourceLine({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <p className="source">
      {t('figure.source')} {children}
    </p>
  );
}

/** A chart with its table twin and source. */
export function Figure({
  option,
  label,
  height,
  ...frame
}: FigureFrame & {
  option: EChartsCoreOption;
  /** What the chart shows, for assistive technology (the table gives the numbers). */
  label: string;
  height: number;
}) {
  return <Frame {...frame} picture={<Chart option={option} label={label} height={height} />} />;
}

/** A map of the network's municipalities with its table twin and source. */
export function MapFigure({ map, ...frame }: FigureFrame & { map: ComponentProps<typeof MunicipalityMap> }) {
  return <Frame {...frame} picture={<MunicipalityMap {...map} />} />;
}
