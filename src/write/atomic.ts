/**
 * The only way bilat writes a file the user relies on (briefs, the manifest, schedule state):
 * every byte to a temp file beside it, fsync, then rename over the target, then fsync the
 * folder. A write that fails (a full disk, say) removes its temp file and leaves the earlier
 * output as it was. Files written together are staged first and renamed only when all of
 * them are on disk, so a pair's briefs are replaced together or not at all.
 *
 * Not write-file-atomic: it makes one write() call and never looks at how many bytes went
 * out, so on a nearly full disk a truncated file was renamed into place (issue 9).
 */
import { randomBytes } from 'node:crypto';
import { open, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { BilatError } from '../errors.js';
import { ensureDir } from './ensure-dir.js';
import { writeError } from './write-error.js';

/** A file written in full under a temp name beside its target, not yet in place. Plain data: crosses threads. */
export interface StagedFile {
  path: string;
  temp: string;
  size: number;
  /** The temp file's mtime, which rename keeps. */
  mtimeMs: number;
}

/** Hidden and recognisable: folder listings, `bilat build data/` and the preview skip dot files. */
export const TEMP_SUFFIX = '.bilat-tmp';
const tempName = (path: string) =>
  join(dirname(path), `.${basename(path)}.${process.pid}-${threadId}-${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`);

const toBuffer = (data: string | Uint8Array): Buffer =>
  typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength);

/** write() may write fewer bytes than asked (a disk filling up): keep going until all are out or it fails. */
async function writeAll(fh: FileHandle, buf: Buffer): Promise<void> {
  let off = 0;
  while (off < buf.length) {
    const { bytesWritten } = await fh.write(buf, off, buf.length - off, off);
    if (bytesWritten <= 0) throw Object.assign(new Error(`write made no progress after ${off} of ${buf.length} bytes`), { code: 'EIO' });
    off += bytesWritten;
  }
}

async function stageOne(path: string, buf: Buffer): Promise<StagedFile> {
  const temp = tempName(path);
  const fh = await open(temp, 'wx');
  try {
    // A brief someone made read-only for others stays so after it is replaced.
    const old = await stat(path).catch(() => undefined);
    if (old?.isFile()) await fh.chmod(old.mode & 0o7777);
    await writeAll(fh, buf);
    await fh.sync();
    const st = await fh.stat();
    if (st.size !== buf.length) throw Object.assign(new Error(`${st.size} of ${buf.length} bytes reached the disk`), { code: 'EIO' });
    await fh.close();
    return { path, temp, size: buf.length, mtimeMs: st.mtimeMs };
  } catch (e) {
    await fh.close().catch(() => {});
    await unlink(temp).catch(() => {});
    throw e;
  }
}

/**
 * Writes every file under a temp name, each in full and fsynced. On any failure the temp files
 * made so far are removed and E_WRITE is thrown; nothing the user had is touched.
 */
export async function stageFiles(files: readonly { path: string; data: string | Uint8Array }[]): Promise<StagedFile[]> {
  const bufs = files.map((f) => toBuffer(f.data));
  const needed = bufs.reduce((n, b) => n + b.length, 0);
  const staged: StagedFile[] = [];
  for (const [i, f] of files.entries()) {
    try {
      await ensureDir(dirname(f.path));
      staged.push(await stageOne(f.path, bufs[i]!));
    } catch (e) {
      await discardStaged(staged);
      throw writeError(e, f.path, needed, files.length);
    }
  }
  return staged;
}

/** Removes staged temp files that will not be put in place (a clash, a stopped build). */
export async function discardStaged(staged: readonly StagedFile[]): Promise<void> {
  await Promise.all(staged.map((s) => unlink(s.temp).catch(() => {})));
}

/** Folder fsync is not a thing everywhere (Windows, some network file systems): there it is skipped. */
const NO_DIR_SYNC = new Set(['EISDIR', 'EINVAL', 'ENOTSUP', 'EPERM', 'EACCES', 'EBADF']);

async function syncDir(dir: string): Promise<void> {
  let fh: FileHandle | undefined;
  try {
    fh = await open(dir, 'r');
    await fh.sync();
  } catch (e) {
    if (!NO_DIR_SYNC.has((e as NodeJS.ErrnoException).code ?? '')) throw e;
  } finally {
    await fh?.close().catch(() => {});
  }
}

export interface Committed {
  /** Targets now holding the new bytes, in order. */
  done: string[];
  /** Set when a rename or the folder sync failed; the temp files not put in place are removed. */
  error?: BilatError;
}

/**
 * Puts staged files in place (rename, which replaces a target whole) and syncs their folders.
 * Renames within one folder need no space, so after staging this rarely fails; when it does,
 * `done` says exactly which files were replaced.
 */
export async function commitStaged(staged: readonly StagedFile[]): Promise<Committed> {
  const done: string[] = [];
  for (const [i, s] of staged.entries()) {
    try {
      await rename(s.temp, s.path);
      done.push(s.path);
    } catch (e) {
      await discardStaged(staged.slice(i));
      const base = writeError(e, s.path, s.size, 1);
      const part = done.length ? `; already replaced: ${done.map((p) => basename(p)).join(', ')}` : '';
      return { done, error: new BilatError('E_WRITE', `${base.message}${part}`, { file: s.path, cause: e }) };
    }
  }
  for (const dir of new Set(staged.map((s) => dirname(s.path)))) {
    try {
      await syncDir(dir);
    } catch (e) {
      return {
        done,
        error: new BilatError(
          'E_WRITE',
          `written, but the folder ${dir} could not be synced to disk (${(e as Error).message}): check the disk`,
          { file: dir, cause: e },
        ),
      };
    }
  }
  return { done };
}

/** One file, all or nothing: the earlier file stays if anything fails (E_WRITE). */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const staged = await stageFiles([{ path: file, data }]);
  const { error } = await commitStaged(staged);
  if (error) throw error;
}
