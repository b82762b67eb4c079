import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoundaryCollection } from '../lib/types.ts';
import { boundaryBox, hasWebGl, outerRings } from './map-geometry.ts';

export interface MapArea {
  nisCode: string;
  name: string;
  share65plus: number | null;
}

/** Light to dark blue: darker means older; every step keeps the outline and label readable. */
export const SHARE_COLOURS = ['#dbe8f5', '#9fc2e4', '#5b93c9', '#2b65a3'] as const;
/** Municipalities without figures by age: neutral grey, so they never read as "young". */
export const NO_DATA_COLOUR = '#d9dcdf';

type Ring = number[][];

/** Area-weighted centroid of the largest outer ring: where a municipality's name goes. */
function labelPoint(rings: Ring[]): [number, number] | null {
  let best: { area: number; x: number; y: number } | null = null;
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
    if (area !== 0 && (!best || Math.abs(area) > Math.abs(best.area))) {
      best = { area, x: x / (3 * area), y: y / (3 * area) };
    }
  }
  return best ? [best.x, best.y] : null;
}

/** Class breaks for the fill: equal steps between the lowest and highest share in the network. */
export function shareBreaks(shares: number[]): number[] {
  const min = Math.min(...shares);
  const max = Math.max(...shares);
  const step = (max - min) / SHARE_COLOURS.length;
  return SHARE_COLOURS.slice(1).map((_, i) => min + step * (i + 1));
}

/**
 * The network's municipalities on a plain background (no tile server), filled by their share of
 * people aged 65+, or by a colour per municipality (`fills`, by NIS code) for other measures. Without
 * WebGL (some headless or locked-down browsers) it says so instead.
 */
export function MunicipalityMap({
  boundaries,
  areas,
  label,
  attribution,
  fills,
}: {
  boundaries: BoundaryCollection;
  areas: MapArea[];
  label: string;
  attribution: string;
  fills?: Record<string, string>;
}) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(() => !hasWebGl());

  useEffect(() => {
    const element = container.current;
    const box = boundaryBox(boundaries);
    if (failed || !element || !box) return;
    const byCode = new Map(areas.map((area) => [area.nisCode, area]));
    const shares = areas.flatMap((area) => (area.share65plus === null ? [] : [area.share65plus]));
    const breaks = shares.length > 0 ? shareBreaks(shares) : [];
    const data = {
      ...boundaries,
      features: boundaries.features.map((feature) => ({
        ...feature,
        properties: {
          ...feature.properties,
          share: byCode.get(feature.properties.nisCode)?.share65plus ?? -1,
          fill: fills?.[feature.properties.nisCode] ?? NO_DATA_COLOUR,
        },
      })),
    };
    let cancelled = false;
    let remove = () => {};
    void Promise.all([import('maplibre-gl'), import('maplibre-gl/dist/maplibre-gl.css')]).then(
      ([{ default: maplibregl }]) => {
        if (cancelled) return;
        try {
          const map = new maplibregl.Map({
            container: element,
            bounds: box,
            fitBoundsOptions: { padding: 24 },
            attributionControl: { compact: false, customAttribution: attribution },
            dragRotate: false,
            pitchWithRotate: false,
            touchPitch: false,
            cooperativeGestures: false,
            style: {
              version: 8,
              sources: { municipalities: { type: 'geojson', data } },
              layers: [
                { id: 'background', type: 'background', paint: { 'background-color': '#f2f4f7' } },
                {
                  id: 'fill',
                  type: 'fill',
                  source: 'municipalities',
                  paint: {
                    'fill-color': fills
                      ? ['get', 'fill']
                      : [
                          'case',
                          ['<', ['get', 'share'], 0],
                          NO_DATA_COLOUR,
                          [
                            'step',
                            ['get', 'share'],
                            SHARE_COLOURS[0],
                            ...breaks.flatMap((limit, i) => [
                              limit,
                              SHARE_COLOURS[i + 1] ?? SHARE_COLOURS[0],
                            ]),
                          ],
                        ],
                  },
                },
                {
                  id: 'outline',
                  type: 'line',
                  source: 'municipalities',
                  paint: { 'line-color': '#1b2a3a', 'line-width': 1.5 },
                },
              ],
            },
          });
          map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
          map.on('error', () => setFailed(true));
          const canvas = map.getCanvas();
          canvas.setAttribute('aria-label', label);
          canvas.setAttribute('role', 'region');
          // Names as HTML markers: text on the map itself would need a glyph server.
          const markers = boundaries.features.flatMap((feature) => {
            const point = labelPoint(outerRings(feature.geometry));
            if (!point) return [];
            const tag = document.createElement('span');
            tag.className = 'map-label';
            tag.setAttribute('aria-hidden', 'true');
            tag.textContent = byCode.get(feature.properties.nisCode)?.name ?? feature.properties.nameNl;
            return [new maplibregl.Marker({ element: tag }).setLngLat(point).addTo(map)];
          });
          remove = () => {
            for (const marker of markers) marker.remove();
            map.remove();
          };
        } catch {
          setFailed(true);
        }
      },
    );
    return () => {
      cancelled = true;
      remove();
    };
  }, [boundaries, areas, label, attribution, fills, failed]);

  if (failed) {
    return (
      <div className="map-fallback" role="note">
        <p>{t('home.mapFallback')}</p>
      </div>
    );
  }
  return <div ref={container} className="map" />;
}
