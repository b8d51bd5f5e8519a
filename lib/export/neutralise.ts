/**
 * Text that a spreadsheet would read as a formula (=, +, -, @, tab, carriage return at the start) gets a leading
 * apostrophe, so an exported value can never run as a formula (CSV/formula injection).
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
