import { type BoundaryCollection, isAreaGeometry } from '../lib/types.ts';

/** A [west, south], [east, north] box, as MapLibre's fitBounds takes it. */
export type Box = [[number, number], [number, number]];
type Ring = number[][];

/** MapLibre needs WebGL; without it the maps show their text fallback and the tables carry the figures. */
export function hasWebGl(): boolean {
  const canvas = document.createElement('canvas');
  try {
    return Boolean(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    return false;
  }
}

export function outerRings(geometry: unknown): Ring[] {
  if (!isAreaGeometry(geometry)) return [];
  return geometry.type === 'Polygon'
    ? geometry.coordinates.slice(0, 1)
    : geometry.coordinates.map((polygon) => polygon[0] ?? []);
}

/** The box grown to take in one more point (or started at it). */
export function extendBox(box: Box | null, x: number, y: number): Box {
  if (!box)
    return [
      [x, y],
      [x, y],
    ];
  return [
    [Math.min(box[0][0], x), Math.min(box[0][1], y)],
    [Math.max(box[1][0], x), Math.max(box[1][1], y)],
  ];
}

/** The box around every outer ring of the boundaries, or null when there is nothing to draw. */
export function boundaryBox(collection: BoundaryCollection): Box | null {
  let box: Box | null = null;
  for (const feature of collection.features)
    for (const ring of outerRings(feature.geometry))
      for (const [x = 0, y = 0] of ring) box = extendBox(box, x, y);
  return box;
}
