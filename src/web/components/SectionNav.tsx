import { NavLink } from 'react-router';

/** One tab of a module's own sections: its path below the module, its label, and whether this user sees it. */
export type Section = [sub: string, label: string, shown: boolean];

/** A module's sections as tabs under the page header; the server still refuses what a hidden tab would do. */
export function SectionNav({
  label,
  sections,
  path,
}: {
  label: string;
  sections: Section[];
  path: (sub: string) => string;
}) {
  return (
    <nav className="section-nav no-print" aria-label={label}>
      <ul>
        {sections
          .filter(([, , shown]) => shown)
          .map(([sub, text]) => (
            <li key={sub}>
              <NavLink end={sub === ''} to={path(sub)}>
                {text}
              </NavLink>
            </li>
          ))}
      </ul>
    </nav>
  );
}
