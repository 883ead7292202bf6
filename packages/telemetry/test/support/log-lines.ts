import { Writable } from 'node:stream';

/** A writable stream that keeps every JSON log line written to it. */
export class LogLines extends Writable {
  readonly lines: Record<string, unknown>[] = [];
  readonly raw: string[] = [];

  override _write(
    chunk: Buffer | string,
    _encoding: BufferEncoding,
    done: (error?: Error | null) => void,
  ): void {
    for (const line of chunk.toString().split('\n')) {
      if (!line.trim()) continue;
      this.raw.push(line);
      try {
        this.lines.push(JSON.parse(line));
      } catch {
        this.lines.push({ unparsed: line });
      }
    }
    done();
  }

  /** Records whose message contains `text`. */
  withMessage(text: string): Record<string, unknown>[] {
    return this.lines.filter((l) => String(l.message ?? '').includes(text));
  }
}
