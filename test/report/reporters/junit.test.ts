import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { CellRecord } from '../../../src/run/index.js';
import { writeReports } from '../../../src/report/index.js';
import { indexed, makeAssertion, makeCell, makeErroredCell, makeMeta, makeTempDir, stream } from '../records.js';

let dir: string;
let remove: () => Promise<void>;
beforeEach(async () => ({ dir, remove } = await makeTempDir()));
afterEach(() => remove());

async function writeJunit(cells: CellRecord[], meta = makeMeta({ cells: cells.length })): Promise<string> {
  const junitPath = join(dir, 'junit.xml');
  await writeReports(dir, meta, stream(indexed(cells)), { formats: ['junit'], junitPath });
  return readFile(junitPath, 'utf8');
}

/** The attributes of every element named `tag`, in document order (enough XML for these checks). */
function elements(xml: string, tag: string): Record<string, string>[] {
  return [...xml.matchAll(new RegExp(`<${tag}((?:\\s+[\\w.:-]+="[^"]*")*)\\s*/?>`, 'g'))].map((match) =>
    Object.fromEntries([...match[1].matchAll(/([\w.:-]+)="([^"]*)"/g)].map((attribute) => [attribute[1], attribute[2]])),
  );
}

describe('junit.xml', () => {
  test('has one suite for the run with the counts of tests, failures and errors', async () => {
    const xml = await writeJunit([makeCell(), makeCell({ model: 'big', pass: false }), makeErroredCell({ case: 'spain' })]);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(true);
    expect(elements(xml, 'testsuites')).toEqual([{ name: 'onetoken-eval', tests: '3', failures: '1', errors: '1', time: '0.200' }]);
    expect(elements(xml, 'testsuite')).toEqual([
      { name: 'capitals', tests: '3', failures: '1', errors: '1', skipped: '0', time: '0.200', timestamp: '2025-01-02T03:04:05.000Z' },
    ]);
    expect(xml.endsWith('  </testsuite>\n</testsuites>\n')).toBe(true);
  });

  test('has one test case per cell named by prompt and case, then model and repeat', async () => {
    const xml = await writeJunit([makeCell(), makeCell({ model: 'big', repeat: 1, latencyMs: 1234 })]);
    expect(elements(xml, 'testcase')).toEqual([
      { classname: 'capital/france', name: 'mini#0', time: '0.100' },
      { classname: 'capital/france', name: 'big#1', time: '1.234' },
    ]);
    expect(xml.match(/<failure|<error/g)).toBeNull();
  });

  test('gives a failed cell a failure with the reasons of its failed assertions', async () => {
    const cell = makeCell({
      pass: false,
      assertions: [makeAssertion(false, { reason: 'first reason' }), makeAssertion(true), makeAssertion(false, { type: 'regex', reason: 'second reason' })],
    });
    const xml = await writeJunit([cell]);
    expect(elements(xml, 'failure')).toEqual([{ message: '2 assertions failed; first: contains: first reason', type: 'assertion' }]);
    expect(xml).toContain('>contains: first reason\nregex: second reason</failure>');
  });

  test('gives an errored cell an error typed by its code', async () => {
    const xml = await writeJunit([makeErroredCell()]);
    expect(elements(xml, 'error')).toEqual([{ message: 'OTE_API_SERVER: 500 upstream exploded', type: 'OTE_API_SERVER' }]);
    expect(xml).toContain('>500 upstream exploded\nstatus: 500</error>');
    expect(xml).not.toContain('<system-out>');
  });

  test('escapes markup and drops characters XML cannot hold', async () => {
    const hostile = 'a<b>&"c"\u0000\u0007\u001b[31m\uFFFE\uD800 😀';
    const xml = await writeJunit([makeCell({ prompt: hostile, output: hostile, pass: false, assertions: [makeAssertion(false, { reason: hostile })] })]);
    const escaped = 'a&lt;b&gt;&amp;"c"[31m 😀';
    expect(xml).toContain(`<system-out>${escaped}</system-out>`);
    expect(elements(xml, 'testcase')[0].classname).toBe('a&lt;b&gt;&amp;&quot;c&quot;[31m 😀/france');
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  test('keeps line breaks inside attributes as character references', async () => {
    const xml = await writeJunit([makeCell({ pass: false, assertions: [makeAssertion(false, { reason: 'one\ntwo' })] })]);
    expect(elements(xml, 'failure')[0].message).toBe('contains: one&#10;two');
  });

  test('names the last shard as given (3/3, not 4/3), the endpoint and whether the run is complete', async () => {
    const xml = await writeJunit([makeCell()], makeMeta({ shard: { index: 3, count: 3 }, cells: 2 }));
    const properties = Object.fromEntries(elements(xml, 'property').map((property) => [property.name, property.value]));
    expect(properties).toMatchObject({ shard: '3/3', endpoint: 'http://127.0.0.1:1/v1', complete: 'false' });
  });
});
