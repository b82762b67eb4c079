import type { ReactNode } from 'react';

/**
 * A wide table that scrolls sideways on small screens. The region is focusable so keyboard users can
 * scroll it too (WCAG 2.1.1); it is named by the table's caption.
 */
export function TableRegion({ captionId, children }: { captionId: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
    <section className="table-scroll" aria-labelledby={captionId} tabIndex={0}>
      {children}
    </section>
  );
}
