// Geometry on WGS84 coordinates, once for the server: distances, boxes around a point, GeoJSON polygons.

/** A GeoJSON geometry as stored and served (coordinates are [lon, lat]). */
export interface Geometry {
  type: string;
  coordinates: unknown;
}

type Ring = [number, number][];

/** Kilometres per degree of latitude, as the search's distance prefilter uses it. */
const KM_PER_DEGREE = 111.2;

/** Great-circle distance in kilometres. */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 12742 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * Half the height and width in degrees of the box around a circle of `radiusKm` at latitude `lat`; near the
 * poles the width stops growing at cos(lat) = 0.01 rather than dividing by zero.
 */
export function degreesAround(lat: number, radiusKm: number): { dLat: number; dLon: number } {
  return {
    dLat: radiusKm / KM_PER_DEGREE,
    dLon: radiusKm / (KM_PER_DEGREE * Math.max(0.01, Math.cos((lat * Math.PI) / 180))),
  };
}

/** Every ring (outer and holes) of a Polygon or MultiPolygon, grouped per polygon. */
function polygonsOf(geometry: Geometry): Ring[][] {
  if (geometry.type === 'MultiPolygon') return geometry.coordinates as Ring[][];
  if (geometry.type === 'Polygon') return [geometry.coordinates as Ring[]];
  return [];
}

/** Even-odd rule over all rings (outer and holes) of a GeoJSON Polygon or MultiPolygon. */
export function insideGeometry(geometry: Geometry, lat: number, lon: number): boolean {
  let inside = false;
  for (const ring of polygonsOf(geometry).flat()) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** The bounding box of a Polygon or MultiPolygon as [minLat, maxLat, minLon, maxLon]. */
export function geometryBounds(geometry: Geometry): [number, number, number, number] {
  const points = polygonsOf(geometry).flat(2);
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  return [Math.min(...lats), Math.max(...lats), Math.min(...lons), Math.max(...lons)];
}

/** Area-weighted centroid of the largest outer ring of a Polygon or MultiPolygon; null for other geometries. */
export function largestRingCentre(geometry: Geometry): { lat: number; lon: number } | null {
  const rings = polygonsOf(geometry)
    .map((p) => p[0])
    .filter((r): r is Ring => Array.isArray(r));
  let best: { area: number; lon: number; lat: number } | null = null;
  for (const ring of rings) {
    let area = 0;
    let x = 0;
    let y = 0;
    for (let i = 0; i < ring.length - 1; i++) {
      const [x0 = 0, y0 = 0] = ring[i] ?? [];
      const [x1 = 0, y1 = 0] = ring[i + 1] ?? [];
      const cross = x0 * y1 - x1 * y0;
      area += cross;
      x += (x0 + x1) * cross;
      y += (y0 + y1) * cross;
    }
    if (area !== 0 && (!best || Math.abs(area) > Math.abs(best.area)))
      best = { area, lon: x / (3 * area), lat: y / (3 * area) };
  }
  return best ? { lat: best.lat, lon: best.lon } : null;
}
