/** The figures command's usage and dispatch test, apart from its code so that `help` loads nothing else. */
export const FIGURES_USAGE = `  import figures <file.csv|file.xlsx> --network SLUG [--json]
                                regional figures in long format (indicator, name, unit, municipality,
                                period, value, source, licence); all or nothing, every bad line named`;

export const isFiguresCommand = (argv: readonly string[]) => argv[0] === 'import' && argv[1] === 'figures';
