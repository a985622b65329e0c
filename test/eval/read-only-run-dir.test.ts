/**
 * Reading a run directory for a report, compare or merge never changes its journal: not its bytes, not its
 * mtime, and not when its last line was torn by a crash (the shard of a killed job, a downloaded artifact).
 */
import { appendFileSync, readFileSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareRuns, mergeRuns, runSuite } from '../../src/eval/index.js';
import { startMockServer } from '../../src/mock/index.js';
import { writeReports } from '../../src/report/index.js';
import { journalRecords, readRunMetaFile } from '../../src/run/index.js';
import { makeTempDir } from '../helpers/cli.js';

/** The journal's bytes and mtime, after giving it an old mtime so that any write would show. */
function freeze(runDir: string): () => { bytes: Buffer; mtimeMs: number } {
  const path = join(runDir, 'cells.jsonl');
  utimesSync(path, new Date(2020, 0, 1), new Date(2020, 0, 1));
  return () => ({ bytes: readFileSync(path), mtimeMs: statSync(path).mtimeMs });
}

describe('reading a run directory', { timeout: 60_000 }, () => {
  it('leaves cells.jsonl byte for byte and mtime as it was, torn last line included', async () => {
    const temp = makeTempDir();
    const server = await startMockServer();
    try {
      const endpoint = { baseUrl: server.url, isMock: true };
      const shards: string[] = [];
      for (const index of [1, 2]) {
        const result = await runSuite('suites/capitals.yaml', { endpoint, cache: false, plan: { shard: { index, count: 2 } }, runDir: join(temp.path, `shard-${index}`) });
        shards.push(result.runDir);
      }
      // Shard 2 was killed mid-write: its last line is cut.
      appendFileSync(join(shards[1]!, 'cells.jsonl'), '{"id":"capital/torn/gpt-4o#0","index":3,"outp');
      const snapshots = shards.map(freeze);
      const before = snapshots.map((snapshot) => snapshot());

      const warnings: string[] = [];
      const merged = await mergeRuns(shards, { out: join(temp.path, 'merged'), onWarning: (message) => warnings.push(message) });
      expect(warnings.some((message) => message.includes('cells.jsonl:') && message.includes('incomplete last line'))).toBe(true);
      await compareRuns(shards[0]!, merged.out).catch(() => undefined);
      for (const shard of shards) await writeReports(join(temp.path, 'reports', shard.slice(-7)), readRunMetaFile(shard), journalRecords(shard));

      const after = snapshots.map((snapshot) => snapshot());
      after.forEach((state, i) => {
        expect(state.bytes.equals(before[i]!.bytes)).toBe(true);
        expect(state.mtimeMs).toBe(before[i]!.mtimeMs);
      });
    } finally {
      await server.close();
      temp.remove();
    }
  });
});
