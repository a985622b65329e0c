import { appendFileSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CheckpointError } from '../../src/errors.js';
import { CellJournal, journalRecords, rewriteJournal } from '../../src/run/journal.js';
import type { CellRecord } from '../../src/run/record.js';
import { makeTempDir } from '../helpers/cli.js';
import { countConcatBytes } from '../helpers/copied-bytes.js';
import { repairJournal } from '../../src/run/journal-repair.js';

function record(index: number, output = `answer ${index}`): CellRecord {
  return {
    id: `p/c${index}/m#0`, index, prompt: 'p', case: `c${index}`, model: 'm', modelId: 'm', repeat: 0, seed: index, requestHash: 'h',
    messages: [{ role: 'user', content: 'q' }], params: {}, output, toolCalls: [], finishReason: 'stop', usage: null, servedModel: null,
    systemFingerprint: null, responseId: null, requestId: null, citations: [], latencyMs: 1, ttftMs: null, attempts: 1, cached: false,
    cost: null, rounds: [], turns: [], error: null, assertions: [], graderCalls: [], pass: true, score: 1,
  };
}

describe('CellJournal', () => {
  let dir: ReturnType<typeof makeTempDir>;
  afterEach(() => dir.remove());

  it('reads records back in plan order whatever order they finished in', async () => {
    dir = makeTempDir();
    const journal = CellJournal.openForAppend(dir.path);
    for (const index of [3, 0, 2, 1]) journal.append(record(index));
    journal.close();
    const indices: number[] = [];
    for await (const item of journalRecords(dir.path)) indices.push(item.index);
    expect(indices).toEqual([0, 1, 2, 3]);
  });

  it('reads a record line that spans many read chunks by copying it once (linear, not quadratic)', async () => {
    dir = makeTempDir();
    const journal = CellJournal.openForAppend(dir.path);
    journal.append(record(0));
    journal.append(record(1, 'x'.repeat(8 << 20)));
    journal.append(record(2));
    journal.close();
    const size = statSync(join(dir.path, 'cells.jsonl')).size;
    // Opening indexes every line; journalRecords and repairJournal read them with their own line readers.
    const opened = await countConcatBytes(() => {
      const reopened = CellJournal.openReadOnly(dir.path);
      const indices = reopened.indices();
      reopened.close();
      return indices;
    });
    expect(opened.result).toEqual([0, 1, 2]);
    const streamed = await countConcatBytes(async () => {
      const lengths: number[] = [];
      for await (const item of journalRecords(dir.path)) lengths.push(item.output?.length ?? 0);
      return lengths;
    });
    expect(streamed.result).toEqual([8, 8 << 20, 8]);
    const repaired = await countConcatBytes(() => repairJournal(dir.path, () => null));
    expect(repaired.result.cells).toBe(3);
    for (const { copiedBytes } of [opened, streamed, repaired]) expect(copiedBytes).toBeLessThan(2 * size);
  }, 60_000);

  it('keeps the latest line of a cell that was appended twice', () => {
    dir = makeTempDir();
    const journal = CellJournal.openForAppend(dir.path);
    journal.append(record(0, 'first'));
    journal.append(record(0, 'second'));
    journal.close();
    const reopened = CellJournal.openForAppend(dir.path);
    expect(reopened.read(0)?.output).toBe('second');
    expect(reopened.indices()).toEqual([0]);
    reopened.close();
  });

  it('ignores a torn last line, reports it, and appends after the last complete line', () => {
    dir = makeTempDir();
    const journal = CellJournal.openForAppend(dir.path);
    journal.append(record(0));
    journal.close();
    appendFileSync(join(dir.path, 'cells.jsonl'), '{"id":"p/c1/m#0","index":1,"outp');
    const torn: number[] = [];
    const reopened = CellJournal.openForAppend(dir.path, (line) => torn.push(line));
    expect(torn).toEqual([2]);
    expect(reopened.indices()).toEqual([0]);
    reopened.append(record(1));
    reopened.close();
    const lines = readFileSync(join(dir.path, 'cells.jsonl'), 'utf8').trim().split('\n');
    expect(lines.map((line) => JSON.parse(line).index)).toEqual([0, 1]);
  });

  it('reads lines written before tool calls and conversations were recorded with those fields empty', async () => {
    dir = makeTempDir();
    const { toolCalls: _calls, rounds: _rounds, turns: _turns, ...old } = record(3);
    writeFileSync(join(dir.path, 'cells.jsonl'), `${JSON.stringify(old)}\n`);
    const read: CellRecord[] = [];
    for await (const item of journalRecords(dir.path)) read.push(item);
    expect(read).toEqual([record(3)]);
  });

  it('keeps a complete last record that only lacks its newline', () => {
    dir = makeTempDir();
    writeFileSync(join(dir.path, 'cells.jsonl'), JSON.stringify(record(5)));
    const journal = CellJournal.openForAppend(dir.path);
    journal.append(record(6));
    expect(journal.indices()).toEqual([5, 6]);
    journal.close();
  });

  it('refuses a corrupt line in the middle of the journal with its line number', () => {
    dir = makeTempDir();
    writeFileSync(join(dir.path, 'cells.jsonl'), `${JSON.stringify(record(0))}\nnot json\n${JSON.stringify(record(1))}\n`);
    let error: unknown;
    try {
      CellJournal.openForAppend(dir.path);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CheckpointError);
    expect((error as CheckpointError).code).toBe('OTE_CHECKPOINT');
    expect((error as Error).message).toContain('cells.jsonl:2');
  });
});

describe('CellJournal index', () => {
  let dir: ReturnType<typeof makeTempDir>;
  afterEach(() => dir.remove());

  it('counts and finds cells across a sparse range of plan indices', () => {
    dir = makeTempDir();
    const journal = CellJournal.openForAppend(dir.path);
    for (const index of [5000, 3, 70_000]) journal.append(record(index));
    journal.append(record(3, 'again'));
    expect(journal.cellCount).toBe(3);
    expect(journal.indices()).toEqual([3, 5000, 70_000]);
    expect([journal.has(3), journal.has(4), journal.has(-1), journal.has(1_000_000)]).toEqual([true, false, false, false]);
    expect(journal.read(3)?.output).toBe('again');
    expect(journal.read(70_000)?.output).toBe('answer 70000');
    journal.close();
  });

  it('reads back records with multi-byte text at their byte offsets', () => {
    dir = makeTempDir();
    const journal = CellJournal.openForAppend(dir.path);
    journal.append(record(1, 'Zürich — 東京 😀'));
    journal.append(record(0, 'plain'));
    journal.close();
    const reopened = CellJournal.openForAppend(dir.path);
    expect([reopened.read(0)?.output, reopened.read(1)?.output]).toEqual(['plain', 'Zürich — 東京 😀']);
    reopened.close();
  });

  it('refuses a record whose index is not a whole plan index, naming the line', () => {
    dir = makeTempDir();
    writeFileSync(join(dir.path, 'cells.jsonl'), `${JSON.stringify(record(0))}\n${JSON.stringify({ ...record(1), index: 1.5 })}\n`);
    expect(() => CellJournal.openForAppend(dir.path)).toThrow(/cells\.jsonl:2: not a cell record: expected "index" to be a whole number/);
  });
});

describe('CellJournal read-only mode', () => {
  let dir: ReturnType<typeof makeTempDir>;
  afterEach(() => dir.remove());

  /** Writes a journal whose last line was cut by a crash, with an old mtime so a write would show. */
  function tornJournal(): { path: string; bytes: Buffer; mtimeMs: number } {
    dir = makeTempDir();
    const path = join(dir.path, 'cells.jsonl');
    writeFileSync(path, `${JSON.stringify(record(1))}\n${JSON.stringify(record(0))}\n{"id":"p/c2/m#0","index":2,"outp`);
    utimesSync(path, new Date(2020, 0, 1), new Date(2020, 0, 1));
    return { path, bytes: readFileSync(path), mtimeMs: statSync(path).mtimeMs };
  }

  it('reads every record in plan order and never changes the file, even with a torn last line', async () => {
    const { path, bytes, mtimeMs } = tornJournal();
    const torn: number[] = [];
    const indices: number[] = [];
    for await (const item of journalRecords(dir.path, (line) => torn.push(line))) indices.push(item.index);
    expect(indices).toEqual([0, 1]);
    expect(torn).toEqual([3]);
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(statSync(path).mtimeMs).toBe(mtimeMs);
  });

  it('refuses to append', () => {
    tornJournal();
    const journal = CellJournal.openReadOnly(dir.path);
    expect(journal.tornLine).toBe(3);
    expect(() => journal.append(record(5))).toThrow(CheckpointError);
    journal.close();
  });

  it('reads a missing journal as empty without creating it', async () => {
    dir = makeTempDir();
    const records: CellRecord[] = [];
    for await (const item of journalRecords(dir.path)) records.push(item);
    expect(records).toEqual([]);
    expect(() => statSync(join(dir.path, 'cells.jsonl'))).toThrow();
  });

  it.each([
    { name: 'a corrupt line followed by more records', lines: [JSON.stringify(record(0)), 'not json', JSON.stringify(record(1))], message: /cells\.jsonl:2: not valid JSON in the middle of the journal/ },
    { name: 'a line that is JSON but not a cell record', lines: ['{"hello": 1}', JSON.stringify(record(0))], message: /cells\.jsonl:1: expected a cell record with "id" and "index", found an object with keys hello$/ },
  ])('refuses $name, naming file and line', ({ lines, message }) => {
    dir = makeTempDir();
    writeFileSync(join(dir.path, 'cells.jsonl'), `${lines.join('\n')}\n`);
    expect(() => CellJournal.openReadOnly(dir.path)).toThrow(message);
  });
});

describe('rewriteJournal', () => {
  let dir: ReturnType<typeof makeTempDir>;
  afterEach(() => dir.remove());

  it('replaces the journal whole, keys in file order, leaving no temp file', async () => {
    dir = makeTempDir();
    writeFileSync(join(dir.path, 'cells.jsonl'), `${JSON.stringify(record(0, 'old'))}\n`);
    const { id, ...rest } = record(1, 'new');
    const written = await rewriteJournal(dir.path, [record(0, 'kept'), { ...rest, id } as CellRecord]);
    expect(written).toBe(2);
    const lines = readFileSync(join(dir.path, 'cells.jsonl'), 'utf8').trim().split('\n');
    expect(lines.map((line) => JSON.parse(line).output)).toEqual(['kept', 'new']);
    expect(Object.keys(JSON.parse(lines[1]!))[0]).toBe('id');
    expect(() => statSync(join(dir.path, 'cells.jsonl.tmp'))).toThrow();
  });
});
