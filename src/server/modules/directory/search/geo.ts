import { degreesAround } from '../../../platform/geo.ts';

/**
 * Grid cells of 0.05° (about 5.5 km north–south, 3.5 km east–west in Flanders). Each document's points are
 * stored by cell (directory_search_points) and its cells are also tokens in the match index, so a distance
 * search reads a few cells of coordinates and matches text inside them; the exact haversine check follows.
 */
const CELL = 0.05;
/** Beyond this many cells the prefilter is dropped: the distance check alone is cheaper than a huge OR. */
const MAX_CELLS = 64;

function cellIndex(v: number, offset: number): number {
  return Math.floor((v + offset) / CELL);
}

/** One integer per cell: latitude row × 10,000 + longitude column (at most 7,200 columns). */
export function cellOf(lat: number, lon: number): number {
  return cellIndex(lat, 90) * 10_000 + cellIndex(lon, 180);
}

/** The cells covering the bounding box of a circle, or null when there are too many to be useful. */
export function cellsAround(lat: number, lon: number, radiusKm: number): number[] | null {
  const { dLat, dLon } = degreesAround(lat, radiusKm);
  const la0 = cellIndex(lat - dLat, 90);
  const la1 = cellIndex(lat + dLat, 90);
  const lo0 = cellIndex(lon - dLon, 180);
  const lo1 = cellIndex(lon + dLon, 180);
  if ((la1 - la0 + 1) * (lo1 - lo0 + 1) > MAX_CELLS) return null;
  const out: number[] = [];
  for (let a = la0; a <= la1; a++) for (let o = lo0; o <= lo1; o++) out.push(a * 10_000 + o);
  return out;
}
