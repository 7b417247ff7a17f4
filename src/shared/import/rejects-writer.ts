import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import iconv from 'iconv-lite';
import { csvField, type FeedEncoding } from './feed-reader';

/**
 * The rejects file (line, row, reason), written as rows are refused, in the input's encoding so
 * that the bureau's tools open it like the file they sent. Created on the first reject only.
 */
export class RejectsWriter {
  private file: WriteStream | null = null;
  count = 0;

  constructor(
    readonly path: string,
    private readonly encoding: FeedEncoding,
  ) {}

  async add(line: number, raw: string, reason: string): Promise<void> {
    if (!this.file) {
      this.file = createWriteStream(this.path);
      await this.write('line,row,reason\n');
    }
    this.count++;
    await this.write(`${line},${csvField(raw)},${csvField(reason)}\n`);
  }

  async close(): Promise<void> {
    if (!this.file) return;
    const file = this.file;
    this.file = null;
    file.end();
    await once(file, 'close');
  }

  private async write(text: string): Promise<void> {
    if (!this.file!.write(iconv.encode(text, this.encoding))) await once(this.file!, 'drain');
  }
}
