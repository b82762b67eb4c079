import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Box, boundaryBox, extendBox, hasWebGl } from '../../components/map-geometry.ts';
import type { BoundaryCollection } from '../../lib/types.ts';

export interface MapPin {
  id: string;
  number: number;
  name: string;
  lat: number;
  lon: number;
}

/**
 * The results on the region's own municipality outlines (no tile server), as numbered pins that match the
 * numbers of the list; the list is the map's text equivalent, so the pins stay out of the accessibility tree.
 */
export function ResultsMap({
  boundaries,
  pins,
  origin,
  label,
  onPick,
}: {
  boundaries: BoundaryCollection;
  pins: MapPin[];
  origin: { lat: number; lon: number } | null;
  label: string;
  onPick: (id: string) => void;
}) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(() => !hasWebGl());
  const [map, setMap] = useState<{
    instance: import('maplibre-gl').Map;
    lib: typeof import('maplibre-gl');
  }>();

  useEffect(() => {
    const element = container.current;
    const box = boundaryBox(boundaries);
    if (failed || !element || !box) return;
    let cancelled = false;
    let remove = () => {};
    void Promise.all([import('maplibre-gl'), import('maplibre-gl/dist/maplibre-gl.css')]).then(
      ([{ default: lib }]) => {
        if (cancelled) return;
        try {
          const instance = new lib.Map({
            container: element,
            bounds: box,
            fitBoundsOptions: { padding: 24 },
            attributionControl: { compact: false, customAttribution: t('directory.map.attribution') },
            dragRotate: false,
            pitchWithRotate: false,
            touchPitch: false,
            style: {
              version: 8,
              sources: { municipalities: { type: 'geojson', data: boundaries } },
              layers: [
                { id: 'background', type: 'background', paint: { 'background-color': '#f2f4f7' } },
                {
                  id: 'fill',
                  type: 'fill',
                  source: 'municipalities',
                  paint: { 'fill-color': '#ffffff' },
                },
                {
                  id: 'outline',
                  type: 'line',
                  source: 'municipalities',
                  paint: { 'line-color': '#7b8794', 'line-width': 1.2 },
                },
              ],
            },
          });
          instance.addControl(new lib.NavigationControl({ showCompass: false }), 'top-right');
          instance.on('error', () => setFailed(true));
          const canvas = instance.getCanvas();
          canvas.setAttribute('aria-label', label);
          canvas.setAttribute('role', 'img');
          setMap({ instance, lib });
          remove = () => instance.remove();
        } catch {
          setFailed(true);
        }
      },
    );
    return () => {
      cancelled = true;
      setMap(undefined);
      remove();
    };
  }, [boundaries, failed, label, t]);

  useEffect(() => {
    if (!map) return;
    const { instance, lib } = map;
    let box: Box | null = null;
    const markers = pins.map((pin) => {
      const tag = document.createElement('span');
      tag.className = 'result-pin';
      tag.setAttribute('aria-hidden', 'true');
      tag.title = pin.name;
      tag.textContent = String(pin.number);
      tag.addEventListener('click', () => onPick(pin.id));
      box = extendBox(box, pin.lon, pin.lat);
      return new lib.Marker({ element: tag }).setLngLat([pin.lon, pin.lat]).addTo(instance);
    });
    if (origin) {
      const here = document.createElement('span');
      here.className = 'origin-pin';
      here.setAttribute('aria-hidden', 'true');
      markers.push(new lib.Marker({ element: here }).setLngLat([origin.lon, origin.lat]).addTo(instance));
      box = extendBox(box, origin.lon, origin.lat);
    }
    const fit: Box | null = box;
    if (fit) instance.fitBounds(fit, { padding: 48, maxZoom: 13, duration: 0 });
    return () => {
      for (const marker of markers) marker.remove();
    };
  }, [map, pins, origin, onPick]);

  if (failed) {
    return (
      <div className="map-fallback" role="note">
        <p>{t('directory.map.fallback')}</p>
      </div>
    );
  }
  return <div ref={container} className="map results-map" />;
}
