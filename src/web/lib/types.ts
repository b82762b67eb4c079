import type { z } from 'zod';
import type { SessionInfo } from '../../server/modules/accounts/schema.ts';
import type { AuditPage } from '../../server/modules/audit/schema.ts';
import type { BoundaryCollection, PopulationFigures } from '../../server/modules/geography/schema.ts';
import type {
  NetworkDetail,
  NetworkSummary as NetworkSummarySchema,
} from '../../server/modules/networks/schema.ts';

/** API shapes come from the server's Zod schemas (type-only imports: no server code reaches the bundle). */
export type Session = SessionInfo;
export type { AuditPage, BoundaryCollection, NetworkDetail };
export type NetworkSummary = z.infer<typeof NetworkSummarySchema>;
export type NetworkFigures = PopulationFigures;
export type MunicipalityFigures = PopulationFigures['municipalities'][number];
export type AuditEntry = AuditPage['items'][number];
export type Role = NetworkSummary['role'] & string;
export type Language = 'nl' | 'fr' | 'en';

/** The boundary geometries the map draws (the schema leaves geometry open). */
export type AreaGeometry =
  | { type: 'Polygon'; coordinates: number[][][] }
  | { type: 'MultiPolygon'; coordinates: number[][][][] };

export function isAreaGeometry(value: unknown): value is AreaGeometry {
  const type = (value as { type?: unknown } | null)?.type;
  return (
    (type === 'Polygon' || type === 'MultiPolygon') &&
    Array.isArray((value as { coordinates?: unknown }).coordinates)
  );
}
