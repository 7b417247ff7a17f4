import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { isUtf8 } from 'node:buffer';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import type { FeedRow } from './feed';

export type FeedFormat = 'csv' | 'jsonl';
export type FeedEncoding = 'utf8' | 'gb18030';

/** The file cannot be read as asked; when thrown before the first row, nothing has been applied. */
export class FeedReadError extends Error {}

/** A feed file opened for streaming: the header has been read, the rows come one at a time. */
export interface OpenFeed {
  /** CSV: the header's column names; JSONL: null (each line names its own keys). */
  columns: string[] | null;
  rows: AsyncIterable<FeedRow>;
  totalBytes: number;
  /** Bytes of the file read so far (for progress and ETA). */
  bytesRead(): number;
}

/** A field as CSV writes it (RFC 4180 quoting when needed). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Where a trailing UTF-8 sequence cut off at the end of `chunk` starts (chunk.length when none is). */
function completeUtf8Length(chunk: Buffer): number {
  for (let i = chunk.length - 1; i >= 0 && i >= chunk.length - 4; i--) {
    const byte = chunk[i];
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back for the lead
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return i + length > chunk.length ? i : chunk.length;
  }
  return chunk.length;
}

/** The line of byte `offset` of the file (read again up to there: only for an error message). */
async function lineAtByte(path: string, offset: number): Promise<number> {
  if (offset <= 0) return 1;
  let line = 1;
  for await (const chunk of createReadStream(path, { end: offset - 1 }) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) line++;
  }
  return line;
}

function notEncoded(path: string, encoding: FeedEncoding, line: number): FeedReadError {
  return new FeedReadError(`${path} is not valid ${encoding} text (line ${line}; try --encoding ${encoding === 'utf8' ? 'gb18030' : 'utf8'})`);
}

/**
 * The file in chunks for the parser: UTF-8 as bytes (csv-parse reads bytes; decoding to text first
 * would only have it encode the text back), checked with buffer.isUtf8 so that a file in another
 * encoding is refused rather than imported as mojibake; GB18030 decoded to text with iconv-lite,
 * which never fails on bad bytes (it writes U+FFFD), so a replacement character stops the read.
 */
async function* fileChunks(path: string, encoding: FeedEncoding, counter: { bytes: number }): AsyncGenerator<Buffer | string> {
  const chunks = createReadStream(path, { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>;
  if (encoding === 'utf8') {
    let carry: Buffer | null = null;
    for await (const read of chunks) {
      const chunk: Buffer = carry ? Buffer.concat([carry, read]) : read;
      const complete = completeUtf8Length(chunk);
      const body = complete === chunk.length ? chunk : chunk.subarray(0, complete);
      if (!isUtf8(body)) throw notEncoded(path, encoding, await lineAtByte(path, counter.bytes - (carry?.length ?? 0) + firstBadByte(body)));
      carry = complete === chunk.length ? null : Buffer.from(chunk.subarray(complete));
      counter.bytes += read.length;
      if (body.length > 0) yield body;
    }
    if (carry) throw notEncoded(path, encoding, await lineAtByte(path, counter.bytes));
    return;
  }
  const decoder = iconv.getDecoder(encoding);
  let lines = 1;
  for await (const chunk of chunks) {
    counter.bytes += chunk.length;
    const text = decoder.write(chunk);
    const bad = text.indexOf('\uFFFD');
    if (bad >= 0) throw notEncoded(path, encoding, lines + newlinesIn(text, bad));
    lines += newlinesIn(text, text.length);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

/** The offset of the first byte of `chunk` that does not continue valid UTF-8 (the chunk is known to hold one). */
function firstBadByte(chunk: Buffer): number {
  let low = 0;
  let high = chunk.length;
  // isUtf8 of a prefix cut at a character boundary: bisect for the longest valid one.
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    const cut = completeUtf8Length(chunk.subarray(0, middle));
    if (isUtf8(chunk.subarray(0, cut))) low = middle;
    else high = middle;
  }
  return low;
}

function newlinesIn(text: string, end: number): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

function newlines(fields: string[]): number {
  let count = 0;
  for (const field of fields) for (let i = field.indexOf('\n'); i >= 0; i = field.indexOf('\n', i + 1)) count++;
  return count;
}

/** A CSV data row; its raw text is rebuilt from the fields only when the row is rejected. */
class CsvRow implements FeedRow {
  constructor(
    readonly line: number,
    readonly values: Record<string, string>,
    private readonly record: string[],
  ) {}

  raw(): string {
    return this.record.map(csvField).join(',');
  }
}

async function openCsv(path: string, encoding: FeedEncoding, counter: { bytes: number }): Promise<{ columns: string[]; rows: AsyncGenerator<FeedRow> }> {
  const parser = parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true, skip_records_with_error: true, record_delimiter: ['\r\n', '\n', '\r'] });
  // Rows csv-parse cannot read (broken quoting) are skipped by it and rejected here, with their line.
  const broken: FeedRow[] = [];
  parser.on('skip', (error: Error & { lines?: number; raw?: string }) => {
    const raw = (error.raw ?? '').replace(/\r?\n$/, '');
    broken.push({ line: error.lines ?? 0, values: {}, raw: () => raw, error: `row cannot be read as CSV: ${error.message}` });
  });
  const done = pipeline(Readable.from(fileChunks(path, encoding, counter), { objectMode: false }), parser);
  done.catch(() => {}); // surfaced by the iteration below
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<{ record: string[]; info: { lines: number } }>;
  let first: IteratorResult<{ record: string[]; info: { lines: number } }>;
  try {
    first = await records.next();
  } catch (error) {
    throw error instanceof FeedReadError ? error : new FeedReadError(`${path}: ${(error as Error).message}`);
  }
  if (first.done) throw new FeedReadError(`${path} is empty: a header row is required`);
  const columns = first.value.record.map((name) => name.trim());
  async function* rows(): AsyncGenerator<FeedRow> {
    for (;;) {
      let next: IteratorResult<{ record: string[]; info: { lines: number } }>;
      try {
        next = await records.next();
      } catch (error) {
        throw error instanceof FeedReadError ? error : new FeedReadError(`${path}: ${(error as Error).message}`);
      }
      while (broken.length > 0) yield broken.shift()!;
      if (next.done) return;
      const { record, info } = next.value;
      const values: Record<string, string> = {};
      for (let i = 0; i < columns.length; i++) values[columns[i]] = (record[i] ?? '').trim();
      yield new CsvRow(info.lines - newlines(record), values, record);
    }
  }
  return { columns, rows: rows() };
}

async function* jsonlRows(path: string, encoding: FeedEncoding, counter: { bytes: number }): AsyncGenerator<FeedRow> {
  const lines = createInterface({ input: Readable.from(fileChunks(path, encoding, counter), { objectMode: false }), crlfDelay: Infinity });
  let line = 0;
  for await (let raw of lines) {
    line++;
    // A byte-order mark (the bytes are handed on as read) is not part of the first object.
    if (line === 1 && raw.charCodeAt(0) === 0xfeff) raw = raw.slice(1);
    if (!raw.trim()) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      yield { line, values: {}, raw: () => raw, error: 'line is not valid JSON' };
      continue;
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      yield { line, values: {}, raw: () => raw, error: 'line is not a JSON object' };
      continue;
    }
    const values: Record<string, string> = {};
    for (const [key, value] of Object.entries(parsed)) {
      if (value !== null && value !== undefined) values[key] = String(value).trim();
    }
    yield { line, values, raw: () => raw };
  }
}

/**
 * Opens a feed for streaming: memory stays flat in the file's size (the file is read in chunks,
 * decoded, parsed by csv-parse or line by line, and handed on one row at a time). A CSV header is
 * read here, so a caller can refuse the file before any row is applied.
 */
export async function openFeed(path: string, format: FeedFormat, encoding: FeedEncoding): Promise<OpenFeed> {
  let totalBytes: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'not a file' });
    totalBytes = info.size;
  } catch (error) {
    throw new FeedReadError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const counter = { bytes: 0 };
  const bytesRead = () => counter.bytes;
  if (format === 'jsonl') return { columns: null, rows: jsonlRows(path, encoding, counter), totalBytes, bytesRead };
  const { columns, rows } = await openCsv(path, encoding, counter);
  return { columns, rows, totalBytes, bytesRead };
}

/** Groups rows into batches of at most `size`, pulling the next rows only when a batch has been taken. */
export async function* inBatches<T>(items: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
