import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GraphEdge, GraphNode } from './sigma-graph.ts';

function hasWebGl(): boolean {
  try {
    const canvas = document.createElement('canvas');
    return Boolean(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    return false;
  }
}

type Handle = Awaited<ReturnType<typeof import('./sigma-graph.ts')['drawGraph']>>;

/**
 * The network drawn with sigma.js, as one image for assistive technology: the page always puts the
 * partners table with the same figures next to it. Sigma and ForceAtlas2 load lazily, so only this page
 * pays for them; without WebGL a message replaces the drawing.
 */
export function NetworkGraph({
  nodes,
  edges,
  highlight,
  label,
  onSelect,
}: {
  nodes: GraphNode[];
  edges: GraphEdge[];
  highlight: string | null;
  label: string;
  onSelect?: (id: string) => void;
}) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const handle = useRef<Handle | null>(null);
  const [failed, setFailed] = useState(() => !hasWebGl());
  const selectRef = useRef(onSelect);
  selectRef.current = onSelect;
  const highlightRef = useRef(highlight);
  highlightRef.current = highlight;

  useEffect(() => {
    const element = container.current;
    if (!element || failed) return;
    let disposed = false;
    void import('./sigma-graph.ts')
      .then(({ drawGraph }) => {
        if (disposed) return;
        const drawn = drawGraph(element, nodes, edges);
        drawn.onClickNode((id) => selectRef.current?.(id));
        drawn.highlight(highlightRef.current);
        handle.current = drawn;
      })
      .catch(() => setFailed(true));
    return () => {
      disposed = true;
      handle.current?.dispose();
      handle.current = null;
    };
  }, [nodes, edges, failed]);

  useEffect(() => {
    handle.current?.highlight(highlight);
  }, [highlight]);

  if (failed) {
    return (
      <div className="map-fallback network-graph" role="note">
        <p>{t('network.map.noWebGl')}</p>
      </div>
    );
  }
  return <div ref={container} className="network-graph" role="img" aria-label={label} />;
}
