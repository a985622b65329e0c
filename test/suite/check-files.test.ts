import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSuite } from '../../src/suite/index.js';
import { fixturePath, loadError, writeTempFiles } from './suite-fixture.js';

/** A suite in `dir` whose one assertion is the check `namesParis` of checks.mjs. */
const SUITE = [
  'name: hashed',
  'models: [gpt-4o-mini]',
  'prompts: [{id: p, template: "hi", transform: {file: checks.mjs, function: pick}}]',
  'cases: [{vars: {a: 1}}]',
  'assert: [{type: javascript, file: checks.mjs, function: namesParis}]',
].join('\n');

describe('check files', () => {
  it('refuses a check file that does not load, or lacks the function, naming the field', () => {
    const issues = loadError(fixturePath('check-fails-to-load.yaml')).issues;
    expect(issues.map((issue) => [issue.line, issue.path])).toEqual([
      [10, 'assert[0].file'],
      [13, 'assert[1].function'],
    ]);
    expect(issues[0]!.message).toMatch(/^cannot load test\/fixtures\/suites\/checks\/syntax-error\.mjs: SyntaxError/);
    expect(issues[1]!.message).toMatch(/does not export a function "missing"; its function exports: .*throws/);
  });

  it('refuses javascript assertions and JavaScript transforms in data rows: data is never executed', () => {
    const issues = loadError(fixturePath('javascript-in-data.yaml')).issues;
    expect(issues).toHaveLength(2);
    expect(issues[0]!.message).toMatch(/javascript assertions are not allowed here: data files may not run code/);
    expect(issues[1]!.message).toMatch(/JavaScript transforms are not allowed here/);
  });

  it('puts the check file and the local modules it imports into the suite hash', () => {
    const checks = "import { helper } from './helper.mjs';\nexport const namesParis = (o) => helper(o);\nexport const pick = (o) => o;\n";
    const temp = writeTempFiles({ 'suite.yaml': SUITE, 'checks.mjs': checks, 'helper.mjs': 'export const helper = (o) => o.includes("Paris");\n' });
    const edited = writeTempFiles({ 'suite.yaml': SUITE, 'checks.mjs': checks, 'helper.mjs': 'export const helper = (o) => o.includes("Lyon");\n' });
    try {
      const suite = loadSuite(join(temp.dir, 'suite.yaml'));
      expect(suite.hash).not.toBe(loadSuite(join(edited.dir, 'suite.yaml')).hash);
      expect(suite.prompts[0]!.transform).toEqual({ file: join(temp.dir, 'checks.mjs'), function: 'pick' });
      expect(readFileSync(join(temp.dir, 'suite.yaml'), 'utf8')).toBe(SUITE);
    } finally {
      temp.remove();
      edited.remove();
    }
  });

  it('resolves, hashes and loads the check files of conversation turn assertions too', () => {
    const suite = [
      'name: turns',
      'models: [gpt-4o-mini]',
      'prompts: [{id: p, template: "hi"}]',
      'cases: [{turns: ["first", {content: "second", assert: [{type: javascript, file: checks.mjs, function: missing}]}]}]',
    ].join('\n');
    const temp = writeTempFiles({ 'suite.yaml': suite, 'checks.mjs': 'export const namesParis = (o) => o.includes("Paris");\n' });
    try {
      const issues = loadError(join(temp.dir, 'suite.yaml')).issues;
      expect(issues.map((issue) => issue.path)).toEqual(['cases[0].turns[1].assert[0].function']);
      expect(issues[0]!.message).toMatch(/does not export a function "missing"/);
    } finally {
      temp.remove();
    }
  });
});
