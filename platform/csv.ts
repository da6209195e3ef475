/**
 * CSV for people who open it in Excel: `;`-separated (the Russian locale's list separator), UTF-8
 * with a BOM so Cyrillic shows, and cells that would start a formula made inert. Sponsors'
 * registers and centres' monthly reports use it; hand-written because no CSV writer is among the
 * dependencies (csv-parse's sibling, csv-stringify, is not installed).
 */
export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  const lines = [header, ...rows].map((cells) => cells.map(cell).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function cell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
