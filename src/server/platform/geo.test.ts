import { describe, expect, it } from 'vitest';
import { degreesAround, geometryBounds, haversineKm, insideGeometry, largestRingCentre } from './geo.ts';

/** A square of 2° by 2° with a hole of 1° by 1° in its middle, as a GeoJSON Polygon ([lon, lat]). */
const SQUARE_WITH_HOLE = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [2, 0],
      [2, 2],
      [0, 2],
      [0, 0],
    ],
    [
      [0.5, 0.5],
      [1.5, 0.5],
      [1.5, 1.5],
      [0.5, 1.5],
      [0.5, 0.5],
    ],
  ],
};
const TWO_SQUARES = {
  type: 'MultiPolygon',
  coordinates: [
    [
      [
        [10, 50],
        [11, 50],
        [11, 51],
        [10, 51],
        [10, 50],
      ],
    ],
    [
      [
        [4, 40],
        [8, 40],
        [8, 44],
        [4, 44],
        [4, 40],
      ],
    ],
  ],
};

describe('geometry helpers', () => {
  it('measures great-circle distances: Aalst to Brussels is about 24 km, a point to itself 0', () => {
    expect(haversineKm(50.9378, 4.0403, 50.8467, 4.3525)).toBeGreaterThan(23);
    expect(haversineKm(50.9378, 4.0403, 50.8467, 4.3525)).toBeLessThan(25);
    expect(haversineKm(51, 4, 51, 4)).toBe(0);
    expect(haversineKm(0, 0, 1, 0)).toBeCloseTo(111.19, 1);
  });

  it('widens the box around a point with latitude and stops at cos(lat) = 0.01', () => {
    const equator = degreesAround(0, 111.2);
    expect(equator.dLat).toBeCloseTo(1, 9);
    expect(equator.dLon).toBeCloseTo(1, 9);
    const belgium = degreesAround(51, 10);
    expect(belgium.dLon).toBeGreaterThan(belgium.dLat * 1.5);
    expect(degreesAround(90, 111.2).dLon).toBeCloseTo(100, 6);
  });

  it('tells inside from outside, holes included, for Polygons and MultiPolygons', () => {
    expect(insideGeometry(SQUARE_WITH_HOLE, 0.25, 0.25)).toBe(true);
    expect(insideGeometry(SQUARE_WITH_HOLE, 1, 1)).toBe(false);
    expect(insideGeometry(SQUARE_WITH_HOLE, 3, 1)).toBe(false);
    expect(insideGeometry(TWO_SQUARES, 50.5, 10.5)).toBe(true);
    expect(insideGeometry(TWO_SQUARES, 42, 6)).toBe(true);
    expect(insideGeometry(TWO_SQUARES, 45, 9)).toBe(false);
    expect(insideGeometry({ type: 'Point', coordinates: [1, 1] }, 1, 1)).toBe(false);
  });

  it('gives the bounding box as [minLat, maxLat, minLon, maxLon]', () => {
    expect(geometryBounds(SQUARE_WITH_HOLE)).toEqual([0, 2, 0, 2]);
    expect(geometryBounds(TWO_SQUARES)).toEqual([40, 51, 4, 11]);
  });

  it('finds the centre of the largest outer ring, and none for a point', () => {
    expect(largestRingCentre(SQUARE_WITH_HOLE)).toEqual({ lat: 1, lon: 1 });
    expect(largestRingCentre(TWO_SQUARES)).toEqual({ lat: 42, lon: 6 });
    expect(largestRingCentre({ type: 'Point', coordinates: [1, 1] })).toBeNull();
  });
});
