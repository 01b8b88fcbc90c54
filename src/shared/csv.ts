/**
 * CSV for open-data downloads (RFC 4180). A UTF-8 byte-order mark leads the file so
 * spreadsheet programs show Cyrillic correctly; fields are quoted when they need it, and
 * a leading =, +, - or @ is neutralised so a cell can never run as a formula.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | boolean | null | undefined | Date)[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(field).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

function field(value: string | number | boolean | null | undefined | Date): string {
  if (value === null || value === undefined) return '';
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
