/**
 * The exclusive lock of a run directory: `run.lock`, created with O_EXCL and holding `{"pid", "host"}`. A run,
 * resume, rescore or merge holds it from before its first write until its reports are written, so two processes
 * can never append to one journal (each would pay every request and the interleaved lines would be lost).
 *
 * A lock whose process is gone (same host, `kill(pid, 0)` says ESRCH) is stale: a `kill -9` leaves one behind,
 * and the next `--resume` takes it over with a warning. A lock from another host cannot be checked and is
 * treated as held: deleting `run.lock` by hand is the way out, and the message says so.
 */
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { CheckpointError } from '../errors.js';

/** File name of the lock inside a run directory. */
export const LOCK_FILE = 'run.lock';

/** Who holds a lock. */
export interface LockHolder {
  pid: number;
  host: string;
}

/** A held lock; `release` removes the file (once). */
export interface RunLock {
  path: string;
  release(): void;
}

/** Environment of the lock, injected by tests. */
export interface LockEnvironment {
  pid: number;
  host: string;
  /** True when a process with this pid runs on this host. */
  isAlive: (pid: number) => boolean;
}

const defaultEnvironment = (): LockEnvironment => ({ pid: process.pid, host: hostname(), isAlive: isProcessAlive });

/** Options of `acquireRunLock`. */
export interface AcquireLockOptions {
  /** Create the directory when missing (a new run or merge); otherwise a missing one is an error. @default true */
  create?: boolean;
  /** Hears that a stale lock was taken over. */
  onStale?: (message: string) => void;
  /** Pid, host and liveness check, injected by tests. @default this process */
  env?: LockEnvironment;
}

/**
 * Takes the lock of `runDir`. A live holder is a `CheckpointError` (exit 2) naming it; a stale lock is taken
 * over and `onStale` hears about it.
 */
export function acquireRunLock(runDir: string, options: AcquireLockOptions = {}): RunLock {
  const env = options.env ?? defaultEnvironment();
  const onStale = options.onStale ?? (() => undefined);
  if (options.create ?? true) mkdirSync(runDir, { recursive: true });
  else if (!existsSync(runDir)) throw new CheckpointError(`${runDir}: no such run directory`);
  const path = join(runDir, LOCK_FILE);
  // Two rounds: the second follows the removal of a stale lock (another process may win that race; then it holds).
  for (let round = 0; round < 2; round++) {
    if (tryCreate(path, env)) return heldLock(path, env);
    const holder = readHolder(path);
    if (holder === null) continue;
    // pid 0: an unreadable lock file (truncated by hand or by a full disk): nobody holds it.
    if (holder.pid === 0 || (holder.host === env.host && !env.isAlive(holder.pid))) {
      removeIfSame(path, holder);
      onStale(holder.pid === 0 ? `${path}: took over an unreadable lock file` : `${path}: took over a stale lock of process ${holder.pid} on ${holder.host}, which is no longer running`);
      continue;
    }
    const where = holder.host === env.host ? `process ${holder.pid}` : `process ${holder.pid} on host ${holder.host}`;
    throw new CheckpointError(`${runDir} is in use by ${where} (lock ${path}): wait for it to finish, or delete the lock file if that process is gone`);
  }
  throw new CheckpointError(`${runDir} is in use by another process (lock ${path} keeps being taken): try again`);
}

function tryCreate(path: string, env: LockEnvironment): boolean {
  // Written whole to a private file, then linked into place: link() fails if the lock exists, and the lock is
  // never seen empty or half-written by another process.
  const temp = `${path}.${env.pid}.tmp`;
  try {
    writeFileSync(temp, `${JSON.stringify({ pid: env.pid, host: env.host })}\n`);
    linkSync(temp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new CheckpointError(`${path}: cannot create the run lock (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { cause: error });
  } finally {
    rmSync(temp, { force: true });
  }
}

/** The holder written in a lock file; null when it vanished meanwhile. An unreadable file is a dead holder. */
function readHolder(path: string): LockHolder | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new CheckpointError(`${path}: cannot read the run lock (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { cause: error });
  }
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (Number.isInteger(value.pid) && typeof value.host === 'string') return { pid: value.pid!, host: value.host };
  } catch {
    // Not ours (the lock is linked into place whole): an empty or foreign file nobody can hold.
  }
  return { pid: 0, host: '' };
}

/** Removes a stale lock unless another process replaced it meanwhile. */
function removeIfSame(path: string, holder: LockHolder): void {
  const now = readHolder(path);
  if (now && now.pid === holder.pid && now.host === holder.host) unlinkSync(path);
}

function heldLock(path: string, env: LockEnvironment): RunLock {
  let isHeld = true;
  return {
    path,
    release() {
      if (!isHeld) return;
      isHeld = false;
      const holder = readHolder(path);
      if (holder && holder.pid === env.pid && holder.host === env.host) unlinkSync(path);
    },
  };
}

/** True when `pid` names a live process (EPERM: alive but someone else's). */
function isProcessAlive(pid: number): boolean {
  if (pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
