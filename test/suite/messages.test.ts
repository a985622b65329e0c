/**
 * Issue 16, items 1-6: every problem inside a file the suite reads points at that file's line and column, in the
 * words an inline mistake gets.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSuite } from '../../src/suite/index.js';
import { findInvalidUtf8 } from '../../src/suite/utf8.js';
import { loadError, writeTempFiles } from './suite-fixture.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

/** Writes files into a temporary directory and returns the suite path. */
function suiteWith(files: Record<string, string | Uint8Array>): { suite: string; dir: string } {
  const { dir, remove } = writeTempFiles({});
  cleanups.push(remove);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return { suite: join(dir, 'suite.yaml'), dir };
}

const HEAD = 'name: t\nmodels: [gpt-4o]\n';

describe('errors inside prompt and schema files', () => {
  it('points a bad role in a prompt file at that file, with the inline suggestion', () => {
    const { suite } = suiteWith({
      'suite.yaml': `${HEAD}prompts:\n  - prompts/bad.yaml\ncases:\n  - vars: { country: France }\n`,
      'prompts/bad.yaml': '- role: system\n  content: Answer briefly.\n- role: usr\n  content: "{{ country }}"\n',
    });
    const [issue] = loadError(suite).issues;
    expect(issue).toMatchObject({ line: 3, column: 9, path: '[1].role' });
    expect(issue!.file.endsWith(join('prompts', 'bad.yaml'))).toBe(true);
    expect(issue!.message).toMatch(/got string "usr" \(did you mean "user"\?\)$/);
  });

  it('points an unknown key of a {messages} prompt file at its key', () => {
    const { suite } = suiteWith({
      'suite.yaml': `${HEAD}prompts:\n  - p.yaml\ncases:\n  - vars: {}\n`,
      'p.yaml': 'messages:\n  - role: user\n    contnt: hi\n',
    });
    const issues = loadError(suite).issues;
    expect(issues.find((issue) => issue.path === 'messages[0].contnt')).toMatchObject({ line: 3, column: 5, message: 'unknown key "contnt" (did you mean "content"?)' });
  });

  it('points YAML syntax errors of a prompt file into the file', () => {
    const { suite } = suiteWith({ 'suite.yaml': `${HEAD}prompts:\n  - p.yaml\ncases:\n  - vars: {}\n`, 'p.yaml': '- role: user\n  content: [unclosed\n' });
    const [issue] = loadError(suite).issues;
    expect(issue!.file.endsWith('p.yaml')).toBe(true);
    expect(issue!.line).toBeGreaterThan(1);
    expect(issue!.message).toMatch(/^yaml syntax: /);
  });

  it('points a JSON syntax error of a schema file at its line and column', () => {
    const { suite } = suiteWith({
      'suite.yaml': `${HEAD}prompts:\n  - { id: p, template: hi }\ncases:\n  - vars: {}\n    assert:\n      - type: json-schema\n        file: s.json\n`,
      's.json': '{\n  "type": "object",\n  "properties": { "a": }\n}\n',
    });
    const [issue] = loadError(suite).issues;
    expect(issue).toMatchObject({ line: 3, column: 24, path: '' });
    expect(issue!.file.endsWith('s.json')).toBe(true);
    expect(issue!.message).toMatch(/^invalid JSON: unexpected token/);
  });
});

describe('data file rows', () => {
  it('says to quote an unquoted JSON __assert cell, one line per row', () => {
    const { suite } = suiteWith({
      'suite.yaml': `${HEAD}prompts:\n  - { id: p, template: "{{ country }}" }\ncases:\n  - file: rows.csv\n`,
      'rows.csv': 'country,__assert\nFrance,[{"type":"contains","value":"Paris"},{"type":"length","max":40}]\nJapan,[{"type":"contains","value":"Tokyo"}]\n',
    });
    const issues = loadError(suite).issues;
    expect(issues.map((issue) => [issue.line, issue.path])).toEqual([[2, 'row 1'], [3, 'row 2']]);
    for (const issue of issues) {
      expect(issue.message).toMatch(/must be quoted as a whole with its inner quotes doubled/);
      expect(issue.message).not.toMatch(/trimable|activated/);
    }
  });

  it('refuses a Latin-1 data file with the line and byte offset of the first invalid byte', () => {
    const latin1 = Buffer.concat([Buffer.from('country\nFrance\nM'), Buffer.from([0xe9]), Buffer.from('xico\n')]);
    const { suite } = suiteWith({ 'suite.yaml': `${HEAD}prompts:\n  - { id: p, template: "{{ country }}" }\ncases:\n  - file: rows.csv\n`, 'rows.csv': latin1 });
    const [issue] = loadError(suite).issues;
    expect(issue).toMatchObject({ line: 3, column: 2 });
    expect(issue!.file.endsWith('rows.csv')).toBe(true);
    expect(issue!.message).toBe('not UTF-8: invalid byte 0xE9 at byte offset 16; save the file as UTF-8 (it looks like Latin-1 or another legacy encoding)');
  });

  it.each([
    { bytes: [0x61, 0xc3, 0xa9], offset: -1 },
    { bytes: [0x61, 0xc3], offset: 1 },
    { bytes: [0xed, 0xa0, 0x80], offset: 0 },
    { bytes: [0xe0, 0x80, 0x80], offset: 0 },
    { bytes: [0x0a, 0xff], offset: 1 },
  ])('finds the first invalid UTF-8 sequence of $bytes at $offset', ({ bytes, offset }) => {
    const found = findInvalidUtf8(Uint8Array.from(bytes));
    expect(found?.offset ?? -1).toBe(offset);
  });
});

describe('template variables of suite-level assertions', () => {
  it('names the assertion and its line instead of the prompt', () => {
    const { suite } = suiteWith({
      'suite.yaml': `${HEAD}prompts:\n  - { id: p, template: "{{ name }}" }\ncases:\n  - id: a\n    vars: { name: Ana }\n  - id: b\n    vars: { name: Bo }\nassert:\n  - type: contains\n    value: x\n  - type: icontains\n    value: "{{ nmae }}"\n`,
    });
    const issues = loadError(suite).issues;
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ line: 13, column: 5, path: 'assert[1]' });
    expect(issues[0]!.message).toBe('this icontains assertion uses {{ nmae }}, which case "a" and 1 more case do not define (case "a" defines: name)');
  });
});

describe('prompts that render to an empty string', () => {
  it('is a warning naming the case, not an error', () => {
    const { suite } = suiteWith({
      'suite.yaml': `${HEAD}prompts:\n  - id: p\n    messages:\n      - { role: system, content: Be brief. }\n      - { role: user, content: "{{ question }}" }\ncases:\n  - id: full\n    vars: { question: Why? }\n  - id: blank\n    vars: { question: "" }\n`,
    });
    const loaded = loadSuite(suite);
    expect(loaded.warnings).toHaveLength(1);
    expect(loaded.warnings[0]).toMatchObject({ line: 11, path: 'case "blank"' });
    expect(loaded.warnings[0]!.message).toBe('prompt "p" message 2 (user) renders to an empty string for this case ({{ question }} empty): fill the variable or drop the case');
  });

  it('gives a valid suite no warnings', () => {
    const { suite } = suiteWith({ 'suite.yaml': `${HEAD}prompts:\n  - { id: p, template: "{{ q }}" }\ncases:\n  - vars: { q: hi }\n` });
    expect(loadSuite(suite).warnings).toEqual([]);
  });
});
