// The exchange commands' usage and dispatch test, apart from their code so that `help` loads nothing else.
import { TARGET_FIELDS } from './values.ts';

/** The usage text's column layout: continuation lines start under the descriptions. */
function wrap(text: string): string {
  const lines: string[] = [''];
  for (const word of text.split(' ')) {
    if (lines.at(-1)!.length + word.length > 70) lines.push('');
    lines[lines.length - 1] += `${lines.at(-1) ? ' ' : ''}${word}`;
  }
  return lines.join(`\n${' '.repeat(40)}`);
}

export const EXCHANGE_USAGE = `  import hsds <dir-or-file> [--network SLUG]
                                import an HSDS tabular package (folder or .zip) or HSDS JSON; all or nothing,
                                re-runs update; without --network into the shared social map
  export hsds <dir> [--network SLUG] [--json]
                                write the social map as an HSDS tabular package (or hsds.json with --json)
  import spreadsheet <file.csv|file.xlsx> [--network SLUG] [--map field=Column ...]
                                import a network's own list; columns are matched by their names unless mapped
                                fields: ${wrap(TARGET_FIELDS.join(', '))}`;

/** True when argv is one of this area's commands (the plan module answers the other import/export ones). */
export const isExchangeCommand = (argv: readonly string[]) =>
  (argv[0] === 'import' && (argv[1] === 'hsds' || argv[1] === 'spreadsheet')) ||
  (argv[0] === 'export' && argv[1] === 'hsds');
