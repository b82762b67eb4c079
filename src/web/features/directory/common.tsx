import { useNetwork } from '../../lib/network.ts';

/** Staff and admins keep the social map; the server checks it again on every route. */
export function useIsStaff(): boolean {
  const { detail } = useNetwork();
  return detail.role === 'staff' || detail.role === 'admin';
}

/** Absolute links inside the module (relative paths in a splat route resolve against the splat). */
export function useDirectoryPath() {
  const { detail } = useNetwork();
  const root = `/n/${detail.network.slug}/sociale-kaart`;
  return (sub = '') => (sub ? `${root}/${sub}` : root);
}
