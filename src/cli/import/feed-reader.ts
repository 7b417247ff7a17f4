import { readFile } from 'node:fs/promises';

/** One data row of a feed, with the line of the file it started on (for the rejects file). */
export interface FeedRow {
  line: number;
  values: Record<string, string>;
  /** The row as it stood in the file, to copy into the rejects file. */
  raw: string;
  /** Set when the row itself could not be parsed (a JSONL line that is not a JSON object). */
  error?: string;
}

export interface Feed {
  columns: string[];
  rows: FeedRow[];
}

export type FeedFormat = 'csv' | 'jsonl';
export type FeedEncoding = 'utf8' | 'gb18030';

export class FeedReadError extends Error {}

/** Splits CSV text (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes) into records. */
export function parseCsv(text: string): { fields: string[]; line: number; raw: string }[] {
  const records: { fields: string[]; line: number; raw: string }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let recordStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
    } else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      const end = i;
      if (c === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      if (fields.length > 1 || fields[0] !== '') records.push({ fields, line: recordLine, raw: text.slice(recordStart, end) });
      fields = [];
      field = '';
      line++;
      recordLine = line;
      recordStart = i + 1;
    } else {
      field += c;
    }
  }
  if (quoted) throw new FeedReadError(`unterminated quoted field starting on line ${recordLine}`);
  fields.push(field);
  if (fields.length > 1 || fields[0] !== '') records.push({ fields, line: recordLine, raw: text.slice(recordStart) });
  return records;
}

function decode(buffer: Buffer, encoding: FeedEncoding): string {
  const text = new TextDecoder(encoding === 'gb18030' ? 'gb18030' : 'utf-8', { fatal: true }).decode(buffer);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Reads a whole feed file; throws FeedReadError when it cannot be read as asked. */
export async function readFeed(path: string, format: FeedFormat, encoding: FeedEncoding): Promise<Feed> {
  let buffer: Buffer;
  try {
    buffer = await readFile(path);
  } catch (error) {
    throw new FeedReadError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let text: string;
  try {
    text = decode(buffer, encoding);
  } catch {
    throw new FeedReadError(`${path} is not valid ${encoding} text (try --encoding ${encoding === 'utf8' ? 'gb18030' : 'utf8'})`);
  }
  if (format === 'jsonl') {
    const rows: FeedRow[] = [];
    const columns = new Set<string>();
    text.split(/\r?\n/).forEach((raw, index) => {
      if (!raw.trim()) return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        rows.push({ line: index + 1, values: {}, raw, error: 'line is not valid JSON' });
        return;
      }
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
        rows.push({ line: index + 1, values: {}, raw, error: 'line is not a JSON object' });
        return;
      }
      const values: Record<string, string> = {};
      for (const [key, value] of Object.entries(parsed)) {
        columns.add(key);
        if (value !== null && value !== undefined) values[key] = String(value).trim();
      }
      rows.push({ line: index + 1, values, raw });
    });
    return { columns: [...columns], rows };
  }
  const records = parseCsv(text);
  if (records.length === 0) throw new FeedReadError(`${path} is empty: a header row is required`);
  const [header, ...data] = records;
  const columns = header.fields.map((name) => name.trim());
  return {
    columns,
    rows: data.map((record) => ({
      line: record.line,
      raw: record.raw,
      values: Object.fromEntries(columns.map((name, i) => [name, (record.fields[i] ?? '').trim()])),
    })),
  };
}
