import { watch } from 'node:fs';
import type { FSWatcher } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { SourceStatus } from '../../core/api.ts';
import { SourceStatusKeeper } from './source-status.ts';
import type { LiveSource, SourcePosition, SourceSink } from './source.ts';
import type { SourceLog } from './source-log.ts';

/** Which file (device and inode, so that a replaced file is noticed) and how far into it. */
export interface FilePosition {
  dev: number;
  ino: number;
  offset: number;
}

export interface FileSourceOptions {
  path: string;
  /** Checked this often even when no change was signalled: fs.watch is not reliable on every file system. */
  pollMs?: number;
  chunkBytes?: number;
  log?: SourceLog;
}

export const DEFAULT_POLL_MS = 250;
const DEFAULT_CHUNK_BYTES = 64 * 1024;

export function isFilePosition(value: unknown): value is FilePosition {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return typeof v['dev'] === 'number' && typeof v['ino'] === 'number' && typeof v['offset'] === 'number' && v['offset'] >= 0;
}

/**
 * Follows a file like `tail -F`: reads on from a saved position, follows appends, finishes a rotated file before
 * opening its successor from the start, and starts over when the file is truncated.
 */
export class FileSource implements LiveSource {
  readonly kind = 'file';
  readonly target: string;
  readonly replay = 'position' as const;
  private readonly keeper: SourceStatusKeeper;
  private readonly pollMs: number;
  private readonly chunkBytes: number;
  private sink: SourceSink | null = null;
  private file: { handle: FileHandle; dev: number; ino: number } | null = null;
  private offset = 0;
  private watcher: FSWatcher | null = null;
  private wake: (() => void) | null = null;
  /** A change was signalled while nobody slept: the next sleep returns at once, so no append waits for the poll. */
  private signalled = false;
  private paused = false;
  private stopping = false;
  private loop: Promise<void> = Promise.resolve();

  constructor(private readonly options: FileSourceOptions) {
    this.target = options.path;
    this.keeper = new SourceStatusKeeper('file', options.path);
    this.pollMs = options.pollMs ?? DEFAULT_POLL_MS;
    this.chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  }

  start(sink: SourceSink, resumeFrom: SourcePosition | null): void {
    this.sink = sink;
    this.keeper.listen((s) => sink.status(s));
    this.watchFolder();
    this.loop = this.follow(isFilePosition(resumeFrom) ? resumeFrom : null).catch((err: unknown) => {
      this.keeper.set('down', `cannot follow ${this.options.path} (${errorCode(err)})`);
    });
  }

  status(): SourceStatus {
    return this.keeper.get();
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.signal();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.signal();
    this.watcher?.close();
    this.watcher = null;
    await this.loop;
    await this.file?.handle.close().catch(() => undefined);
    this.file = null;
    this.keeper.set('stopped', null);
  }

  private async follow(resume: FilePosition | null): Promise<void> {
    let pendingResume = resume;
    let firstOpen = true;
    while (!this.stopping) {
      if (this.paused) {
        await this.sleep();
        continue;
      }
      if (this.file === null) {
        const opened = await this.openFile(pendingResume, firstOpen);
        if (!opened) {
          await this.sleep();
          continue;
        }
        pendingResume = null;
        firstOpen = false;
      }
      if ((await this.readChunk()) > 0) continue;
      if (await this.replacedOrTruncated()) continue;
      await this.sleep();
    }
  }

  private async openFile(resume: FilePosition | null, firstOpen: boolean): Promise<boolean> {
    const sink = this.sink;
    if (sink === null) return false;
    let handle: FileHandle;
    try {
      handle = await open(this.options.path, 'r');
    } catch (err) {
      const code = errorCode(err);
      this.keeper.set('down', code === 'ENOENT' ? `waiting for ${this.options.path} to appear` : `cannot read ${this.options.path} (${code})`);
      return false;
    }
    const st = await handle.stat();
    this.file = { handle, dev: st.dev, ino: st.ino };
    this.offset = 0;
    if (resume !== null && resume.dev === st.dev && resume.ino === st.ino) {
      if (st.size >= resume.offset) this.offset = resume.offset;
      else this.restart('the file is shorter than where reading stopped: reading it again from the start');
    } else if (resume !== null) {
      this.restart('the file was replaced while it was not followed: reading the new one from the start');
    } else if (!firstOpen) {
      this.restart('the file was rotated: reading the new one from the start');
    }
    this.keeper.set('running', null);
    return true;
  }

  private async readChunk(): Promise<number> {
    const file = this.file;
    const sink = this.sink;
    if (file === null || sink === null) return 0;
    const buffer = Buffer.allocUnsafe(this.chunkBytes);
    const { bytesRead } = await file.handle.read(buffer, 0, buffer.length, this.offset);
    if (bytesRead === 0 || this.file !== file) return 0;
    const start = this.offset;
    this.offset += bytesRead;
    const { dev, ino } = file;
    sink.data(buffer.subarray(0, bytesRead), (consumed) => ({ dev, ino, offset: start + consumed }));
    return bytesRead;
  }

  /** At the end of the file: has it been replaced (rotation) or cut (truncation)? */
  private async replacedOrTruncated(): Promise<boolean> {
    const file = this.file;
    if (file === null) return false;
    let current;
    try {
      current = await stat(this.options.path);
    } catch {
      // Moved away and not yet recreated: keep the old one open, a writer may still be finishing it.
      return false;
    }
    if (current.ino !== file.ino || current.dev !== file.dev) {
      // Finish the old file: what was written between the last read and the rename is still its own.
      while ((await this.readChunk()) > 0) {
        if (this.stopping) return true;
      }
      await file.handle.close().catch(() => undefined);
      this.file = null;
      this.options.log?.('info', 'the followed file was rotated', { path: this.options.path });
      return true;
    }
    const size = (await file.handle.stat()).size;
    if (size < this.offset) {
      this.offset = 0;
      this.options.log?.('info', 'the followed file was truncated', { path: this.options.path });
      this.restart('the file was truncated: reading it again from the start');
      return true;
    }
    return false;
  }

  private restart(reason: string): void {
    const file = this.file;
    this.sink?.restart({ reason, position: file === null ? null : { dev: file.dev, ino: file.ino, offset: this.offset } });
  }

  private watchFolder(): void {
    try {
      const name = basename(this.options.path);
      this.watcher = watch(dirname(this.options.path), { persistent: false }, (_event, changed) => {
        if (changed === null || changed === name) this.signal();
      });
      this.watcher.on('error', () => {
        // The poll keeps following; a watcher that failed once is not trusted again.
        this.watcher?.close();
        this.watcher = null;
      });
    } catch {
      this.watcher = null;
    }
  }

  private signal(): void {
    const wake = this.wake;
    this.wake = null;
    if (wake) wake();
    else this.signalled = true;
  }

  private sleep(): Promise<void> {
    if (this.stopping) return Promise.resolve();
    if (this.signalled && !this.paused) {
      this.signalled = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wake = null;
        resolve();
      }, this.pollMs);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

function errorCode(err: unknown): string {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' ? code : 'error';
}
