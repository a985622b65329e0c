/** Output directories that commands create must not already hold a run, so nothing is silently overwritten. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CheckpointError } from '../errors.js';

/** Throws when `dir` already holds run.json. */
export function assertFreshDirectory(dir: string): void {
  if (existsSync(join(dir, 'run.json'))) throw new CheckpointError(`${dir} already holds a run: choose another --out`);
}
