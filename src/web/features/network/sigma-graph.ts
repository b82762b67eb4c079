import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import Sigma from 'sigma';

export interface GraphNode {
  id: string;
  label: string;
  colour: string;
  size: number;
}
export interface GraphEdge {
  source: string;
  target: string;
  weight: number;
}

/** Fixed work for the layout: with the fixed start positions below, every visit draws the same picture. */
const ITERATIONS = 300;

/**
 * Lays the network out with ForceAtlas2 and draws it with sigma (WebGL). Start positions come from the
 * node order on a circle, not from Math.random, so the layout is the same for the same view. Returns a
 * handle to change the highlighted partner and to dispose of the renderer.
 */
export function drawGraph(container: HTMLElement, nodes: GraphNode[], edges: GraphEdge[]) {
  const graph = new Graph({ type: 'undirected', multi: false });
  const ordered = [...nodes].sort((a, b) => a.id.localeCompare(b.id));
  ordered.forEach((node, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, ordered.length);
    graph.addNode(node.id, {
      label: node.label,
      color: node.colour,
      size: node.size,
      x: Math.cos(angle) * 100,
      y: Math.sin(angle) * 100,
    });
  });
  for (const edge of edges) {
    if (!graph.hasNode(edge.source) || !graph.hasNode(edge.target)) continue;
    // Repeated ties between one pair (different types) thicken one line rather than overlap.
    if (graph.hasEdge(edge.source, edge.target)) {
      graph.updateEdgeAttribute(edge.source, edge.target, 'weight', (w: number) => w + edge.weight);
    } else {
      graph.addEdge(edge.source, edge.target, { weight: edge.weight });
    }
  }
  graph.forEachEdge((key, attributes) => {
    graph.setEdgeAttribute(key, 'size', Math.min(6, 0.8 + attributes.weight * 0.6));
    graph.setEdgeAttribute(key, 'color', '#a9b4c0');
  });
  if (graph.order > 1) {
    forceAtlas2.assign(graph, {
      iterations: ITERATIONS,
      settings: { ...forceAtlas2.inferSettings(graph), edgeWeightInfluence: 1, gravity: 1 },
    });
  }
  let highlighted: string | null = null;
  const renderer = new Sigma(graph, container as HTMLDivElement, {
    renderLabels: true,
    labelRenderedSizeThreshold: 9,
    labelSize: 13,
    labelColor: { color: '#1b1f24' },
    defaultEdgeColor: '#a9b4c0',
    nodeReducer: (node, data) => {
      if (!highlighted) return data;
      if (node === highlighted) return { ...data, highlighted: true, forceLabel: true, zIndex: 2 };
      const near = graph.areNeighbors(node, highlighted);
      return near ? { ...data, forceLabel: true } : { ...data, color: '#d5dbe1', label: '' };
    },
    edgeReducer: (edge, data) => {
      if (!highlighted) return data;
      return graph.hasExtremity(edge, highlighted)
        ? { ...data, color: '#1b1f24' }
        : { ...data, hidden: true };
    },
    zIndex: true,
  });
  return {
    highlight(id: string | null) {
      highlighted = id && graph.hasNode(id) ? id : null;
      renderer.refresh();
    },
    onClickNode(handler: (id: string) => void) {
      renderer.on('clickNode', ({ node }) => handler(node));
    },
    dispose() {
      renderer.kill();
    },
  };
}
