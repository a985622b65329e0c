import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CheckpointError } from '../../src/errors.js';
import { acquireRunLock, LOCK_FILE, type LockEnvironment } from '../../src/run/index.js';
import { makeTempDir } from '../helpers/cli.js';

const me: LockEnvironment = { pid: 1000, host: 'box', isAlive: (pid) => pid === 1000 || pid === 2000 };

describe('acquireRunLock', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.remove());

  it('writes the pid and host, and removes the file on release', () => {
    const lock = acquireRunLock(join(temp.path, 'run'), { env: me });
    expect(JSON.parse(readFileSync(lock.path, 'utf8'))).toEqual({ pid: 1000, host: 'box' });
    lock.release();
    expect(existsSync(lock.path)).toBe(false);
  });

  it('refuses a second writer with an exit-2 error naming the live holder', () => {
    const dir = join(temp.path, 'run');
    acquireRunLock(dir, { env: me });
    let error: unknown;
    try {
      acquireRunLock(dir, { env: { ...me, pid: 2000 } });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CheckpointError);
    expect((error as CheckpointError).exitCode).toBe(2);
    expect((error as CheckpointError).message).toMatch(/is in use by process 1000 \(lock .*run\.lock\)/);
  });

  it('treats a lock from another host as held and names that host', () => {
    const dir = join(temp.path, 'run');
    acquireRunLock(dir, { env: { ...me, host: 'other' } });
    expect(() => acquireRunLock(dir, { env: me })).toThrow(/in use by process 1000 on host other/);
  });

  it('takes over the lock of a dead process with a warning', () => {
    const dir = join(temp.path, 'run');
    acquireRunLock(dir, { env: { ...me, pid: 3000 } });
    const warnings: string[] = [];
    const lock = acquireRunLock(dir, { env: me, onStale: (message) => warnings.push(message) });
    expect(warnings).toEqual([expect.stringMatching(/took over a stale lock of process 3000 on box/)]);
    expect(JSON.parse(readFileSync(lock.path, 'utf8')).pid).toBe(1000);
  });

  it('takes over an unreadable lock file', () => {
    const dir = join(temp.path, 'run');
    acquireRunLock(dir, { env: me }).release();
    writeFileSync(join(dir, LOCK_FILE), '');
    expect(() => acquireRunLock(dir, { env: me })).not.toThrow();
  });

  it('does not create a missing directory when asked not to', () => {
    expect(() => acquireRunLock(join(temp.path, 'nope'), { create: false, env: me })).toThrow(/no such run directory/);
  });
});
