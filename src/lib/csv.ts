// CSV cells (RFC 4180) that a spreadsheet opens as data: text starting like a formula (= + - @, a tab
// or a CR) gets a leading apostrophe, and a cell with a quote, comma, line break or edge spaces is quoted.

/** "text" cells are defused; "figure" cells (numbers, dates, ids) are written as they are. */
export type CsvCellKind = "text" | "figure";

export function csvField(value: string | null | undefined, kind: CsvCellKind): string {
  if (value === null || value === undefined) return "";
  let text = value;
  if (kind === "text" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
