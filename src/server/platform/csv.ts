/**
 * Text a spreadsheet would run as a formula when it opens a CSV file (CSV injection): a cell starting with
 * =, +, - or @, or with a tab or carriage return before one. `'*` also catches text already starting with
 * apostrophes before such a character, so that defusing stays reversible (see restoreFormula).
 */
const RUNS_AS_FORMULA = /^'*[=+\-@\t\r]/;
const DEFUSED = /^'+[=+\-@\t\r]/;

/**
 * A text cell for a CSV file people open in Excel or LibreOffice: a leading apostrophe makes a would-be
 * formula plain text. Other text, also text starting with an apostrophe such as "'t Hofke", is left as is.
 * Numbers are not passed through here: a negative number is a number, not a formula.
 */
export function defuseFormula(text: string): string {
  return RUNS_AS_FORMULA.test(text) ? `'${text}` : text;
}

/** The inverse of defuseFormula, for importers reading our own exports: restoreFormula(defuseFormula(s)) === s. */
export function restoreFormula(cell: string): string {
  return DEFUSED.test(cell) ? cell.slice(1) : cell;
}
