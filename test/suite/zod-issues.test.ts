import { LineCounter, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createPositionFinder } from '../../src/suite/positions.js';
import { suiteFileSchema } from '../../src/suite/index.js';
import { describeType, formatPath, toSourceIssues } from '../../src/suite/zod-issues.js';

/** Validates YAML text against the suite schema and returns the issues as `line:col path: message`. */
function issuesOf(text: string): string[] {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  const raw = document.toJS() as unknown;
  const parsed = suiteFileSchema.safeParse(raw);
  if (parsed.success) return [];
  const positions = createPositionFinder('suite.yaml', document, lineCounter);
  return toSourceIssues(parsed.error.issues, raw, positions).map((issue) => `${issue.line}:${issue.column} ${issue.path}: ${issue.message}`);
}

const HEAD = 'name: t\nmodels: [m]\nprompts:\n  - id: p\n    template: "{{ q }}"\n';

describe('formatPath', () => {
  it.each([
    { path: [], text: '' },
    { path: ['cases', 3, 'vars', 'city'], text: 'cases[3].vars.city' },
    { path: [0, 'a'], text: '[0].a' },
    { path: ['assert', 0], text: 'assert[0]' },
  ])('writes $text', ({ path, text }) => {
    expect(formatPath(path)).toBe(text);
  });
});

describe('describeType', () => {
  it.each([
    { value: undefined, text: 'nothing' },
    { value: null, text: 'null' },
    { value: [1], text: 'a list' },
    { value: { a: 1 }, text: 'a mapping' },
    { value: 2.5, text: 'number 2.5' },
    { value: 'abc', text: 'string "abc"' },
    { value: 'x'.repeat(50), text: `string "${'x'.repeat(40)}…"` },
    { value: true, text: 'boolean' },
  ])('describes $value as $text', ({ value, text }) => {
    expect(describeType(value)).toBe(text);
  });
});

describe('toSourceIssues', () => {
  it.each([
    {
      name: 'a wrong type at its value',
      yaml: `${HEAD}cases:\n  - vars: { q: 1 }\nrepeat: "2"\n`,
      issues: ['8:9 repeat: expected number, got string "2"'],
    },
    {
      name: 'an unknown key at its key, with a suggestion',
      yaml: `${HEAD}cases:\n  - vars: { q: 1 }\nthreshhold: 0.5\n`,
      issues: ['8:1 threshhold: unknown key "threshhold" (did you mean "threshold"?)'],
    },
    {
      name: 'an unknown key without a suggestion when nothing is close',
      yaml: `${HEAD}cases:\n  - vars: { q: 1 }\nzzzzzz: 1\n`,
      issues: ['8:1 zzzzzz: unknown key "zzzzzz"'],
    },
    {
      name: 'an inline case with an unknown key as that branch, not the data-file branch',
      yaml: `${HEAD}cases:\n  - vars: { q: 1 }\n    treshold: 0.5\n`,
      issues: ['8:5 cases[0].treshold: unknown key "treshold" (did you mean "threshold"?)'],
    },
    {
      name: 'a data-file case with an unknown key as the data-file branch',
      yaml: `${HEAD}cases:\n  - file: rows.csv\n    asert: []\n`,
      issues: ['8:5 cases[0].asert: unknown key "asert" (did you mean "assert"?)'],
    },
    {
      name: 'a bad value inside an inline case with its full path',
      yaml: `${HEAD}cases:\n  - vars: { q: 1 }\n    seed: -1\n`,
      issues: ['8:11 cases[0].seed: expected >= 0, got number -1'],
    },
    {
      name: 'an unknown assertion type inside an inline case with its full path',
      yaml: `${HEAD}cases:\n  - vars: { q: 1 }\n    assert:\n      - type: equalz\n        value: x\n`,
      issues: ['9:15 cases[0].assert[0].type: unknown assertion type "equalz" (did you mean "equals"?)'],
    },
    {
      name: 'an assertion without a type',
      yaml: `${HEAD}cases:\n  - vars: { q: 1 }\nassert:\n  - value: x\n`,
      issues: ['9:5 assert[0].type: missing assertion "type", such as "contains" or "llm-rubric"'],
    },
    {
      name: 'a case that fits no form',
      yaml: `${HEAD}cases:\n  - 42\n`,
      issues: ['7:5 cases[0]: got number 42, which fits none of the accepted forms; see the suite format in README'],
    },
    {
      name: 'a missing required key at its parent',
      yaml: 'name: t\nmodels: [m]\ncases:\n  - vars: { q: 1 }\n',
      issues: ['1:1 prompts: required array is missing'],
    },
    {
      name: 'a bad enum value with a suggestion',
      yaml: `name: t\nmodels: [m]\nprompts:\n  - id: p\n    messages:\n      - role: usr\n        content: hi\ncases:\n  - vars: {}\n`,
      issues: ['6:15 prompts[0].messages[0].role: expected one of "developer", "system", "user", "assistant", got string "usr" (did you mean "user"?)'],
    },
  ])('reports $name', ({ yaml, issues }) => {
    expect(issuesOf(yaml)).toEqual(issues);
  });

  it('reports issues of different parts of one file together', () => {
    const found = issuesOf(`name: bad name\nmodels: []\nprompts:\n  - id: p\n    template: ""\ncases: {}\n`);
    expect(found.map((line) => line.split(' ')[1])).toEqual(['name:', 'models:', 'prompts[0].template:', 'cases:']);
  });
});
