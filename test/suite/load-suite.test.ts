import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode, formatIssue, SuiteError } from '../../src/errors.js';
import { loadSuite, loadSuites } from '../../src/suite/index.js';
import { dataPath, fixturePath, loadError, writeTempFiles } from './suite-fixture.js';

/** One expected issue: position, path, and words the message must contain. */
interface Expected {
  file?: string;
  line: number;
  column: number;
  path: string;
  words: RegExp;
}

/** Every bad-input class, one fixture each, with every issue it must report in order. */
const BAD_SUITES: { fixture: string; issues: Expected[] }[] = [
  {
    fixture: 'yaml-syntax.yaml',
    issues: [
      { line: 6, column: 43, path: '', words: /^yaml syntax: unexpected scalar/i },
      { line: 10, column: 24, path: '', words: /^yaml syntax: unexpected scalar/i },
    ],
  },
  {
    fixture: 'invalid-tool-schema.yaml',
    issues: [
      { line: 6, column: 13, path: 'tools[0].function.name', words: /expected a tool name of 1 to 64 letters, digits, "_" or "-"/ },
      { line: 7, column: 19, path: 'tools[0].function.parameters', words: /^invalid JSON Schema: schema is invalid: data\/type must be equal to one of the allowed values/ },
      { line: 13, column: 13, path: 'tools[2].function.name', words: /duplicate tool name "lookup" \(also \[1\]\)/ },
    ],
  },
  {
    fixture: 'bad-tools-file.yaml',
    issues: [
      { line: 8, column: 12, path: 'prompts[0].tools', words: /file not found: .*no-such-tools\.yaml/ },
      { file: dataPath('bad-tools.yaml'), line: 5, column: 7, path: '[0].function.parameters', words: /invalid JSON Schema: .*properties\/city\/type/ },
      { file: dataPath('bad-tools.yaml'), line: 10, column: 5, path: '[1].function.name', words: /required string is missing/ },
      { file: dataPath('bad-tools.yaml'), line: 10, column: 5, path: '[1].function.nam', words: /unknown key "nam" \(did you mean "name"\?\)/ },
    ],
  },
  {
    fixture: 'invalid-response-format.yaml',
    issues: [{ line: 8, column: 15, path: 'defaults.response_format.json_schema.schema', words: /^invalid JSON Schema: schema is invalid: data\/required must be array/ }],
  },
  {
    fixture: 'bad-image.yaml',
    issues: [
      { line: 4, column: 5, path: 'prompt "p".messages[0].content[1].file', words: /image data\/countries\.txt: expected a PNG, JPEG, WebP or GIF file, got other bytes/ },
      { line: 16, column: 5, path: 'case "no-such-image-png-138097"', words: /image data\/no-such-image\.png: file not found/ },
    ],
  },
  { fixture: 'tab-indent.yaml', issues: [{ line: 3, column: 1, path: '', words: /^yaml syntax: tabs are not allowed/i }] },
  { fixture: 'duplicate-key.yaml', issues: [{ line: 10, column: 1, path: '', words: /^yaml syntax: map keys must be unique/i }] },
  { fixture: 'not-a-mapping.yaml', issues: [{ line: 1, column: 1, path: '', words: /expected a mapping/ }] },
  {
    fixture: 'wrong-type.yaml',
    issues: [
      { line: 5, column: 15, path: 'defaults.max_tokens', words: /expected number, got string "twenty"/ },
      { line: 12, column: 9, path: 'repeat', words: /expected number, got string "three"/ },
    ],
  },
  {
    fixture: 'out-of-range.yaml',
    issues: [
      { line: 5, column: 20, path: 'models[0].params.temperature', words: /expected <= 2, got number 3/ },
      { line: 12, column: 16, path: 'cases[0].threshold', words: /expected <= 1, got number 1.5/ },
    ],
  },
  { fixture: 'missing-name.yaml', issues: [{ line: 1, column: 1, path: 'name', words: /required string is missing/ }] },
  { fixture: 'unknown-key.yaml', issues: [{ line: 10, column: 1, path: 'asert', words: /unknown key "asert" \(did you mean "assert"\?\)/ }] },
  {
    fixture: 'unknown-model-key.yaml',
    issues: [{ line: 4, column: 5, path: 'models[0].concurency', words: /unknown key "concurency" \(did you mean "concurrency"\?\)/ }],
  },
  { fixture: 'invalid-id.yaml', issues: [
    { line: 5, column: 9, path: 'prompts[0].id', words: /expected an id without spaces/ },
    { line: 8, column: 9, path: 'cases[0].id', words: /expected an id without spaces/ },
  ] },
  { fixture: 'duplicate-prompt-id.yaml', issues: [{ line: 7, column: 9, path: 'prompts[1].id', words: /duplicate prompt id "capital" \(also prompts\[0\]\)/ }] },
  { fixture: 'duplicate-case-id.yaml', issues: [{ line: 11, column: 5, path: 'cases[1]', words: /duplicate case id "europe" \(also cases\[0\]\)/ }] },
  { fixture: 'duplicate-case-vars.yaml', issues: [{ line: 10, column: 5, path: 'cases[1]', words: /duplicate case: same variables as cases\[0\]; give one an id/ }] },
  {
    fixture: 'duplicate-model-label.yaml',
    issues: [{ line: 5, column: 5, path: 'models[2]', words: /duplicate model label "gpt-4o-mini" \(also models\[0\]\).*distinct "label"/ }],
  },
  { fixture: 'empty-models.yaml', issues: [{ line: 2, column: 9, path: 'models', words: /expected at least one model/ }] },
  { fixture: 'empty-prompts.yaml', issues: [{ line: 4, column: 10, path: 'prompts', words: /expected at least one prompt/ }] },
  { fixture: 'empty-cases.yaml', issues: [{ line: 7, column: 8, path: 'cases', words: /expected at least one case/ }] },
  { fixture: 'missing-data-file.yaml', issues: [{ line: 8, column: 11, path: 'cases[0].file', words: /file not found: .*no-such-file\.csv/ }] },
  { fixture: 'data-file-is-directory.yaml', issues: [{ line: 8, column: 11, path: 'cases[0].file', words: /is a directory, expected a file/ }] },
  {
    fixture: 'unsupported-data-file.yaml',
    issues: [{ line: 8, column: 11, path: 'cases[0].file', words: /unsupported data file type: expected \.csv.*got "\.txt"/ }],
  },
  { fixture: 'missing-prompt-file.yaml', issues: [{ line: 5, column: 5, path: 'prompts[0]', words: /file not found: .*no-such-prompt\.txt/ }] },
  {
    fixture: 'malformed-csv.yaml',
    issues: [
      { file: dataPath('malformed.csv'), line: 3, column: 1, path: 'row 2', words: /malformed row: expected 2 fields as in the header, got 3/ },
      { file: dataPath('malformed.csv'), line: 5, column: 1, path: 'row 4', words: /malformed row: expected 2 fields as in the header, got 1/ },
    ],
  },
  {
    fixture: 'malformed-jsonl.yaml',
    issues: [
      { file: dataPath('malformed.jsonl'), line: 2, column: 1, path: 'line 2', words: /malformed JSON/ },
      { file: dataPath('malformed.jsonl'), line: 4, column: 1, path: 'line 4', words: /expected a JSON object of variables/ },
    ],
  },
  { fixture: 'empty-data-file.yaml', issues: [{ file: dataPath('header-only.csv'), line: 1, column: 1, path: '', words: /no rows/ }] },
  { fixture: 'duplicate-column.yaml', issues: [{ file: dataPath('duplicate-column.csv'), line: 1, column: 1, path: 'country', words: /duplicate column "country"/ }] },
  {
    fixture: 'unknown-reserved-column.yaml',
    issues: [{ file: dataPath('unknown-reserved-column.csv'), line: 1, column: 1, path: '__expcted', words: /unknown reserved column "__expcted" \(did you mean "__expected"\?\)/ }],
  },
  {
    fixture: 'bad-expected-column.yaml',
    issues: [{ file: dataPath('bad-expected-column.csv'), line: 3, column: 1, path: 'row 2: __expected.value', words: /invalid regex/ }],
  },
  {
    fixture: 'expected-typo.yaml',
    issues: [{ file: dataPath('expected-typo.csv'), line: 3, column: 1, path: 'row 2: __expected.type', words: /unknown assertion type "contians" \(did you mean "contains"\?\)/ }],
  },
  {
    fixture: 'near-miss-param.yaml',
    issues: [
      { line: 4, column: 26, path: 'models[0].params.max_token', words: /^unknown request parameter "max_token" \(did you mean "max_tokens"\?\)$/ },
      { line: 6, column: 15, path: 'defaults.temprature', words: /^unknown request parameter "temprature" \(did you mean "temperature"\?\)$/ },
    ],
  },
  {
    fixture: 'bad-reserved-values.yaml',
    issues: [
      { file: dataPath('bad-reserved-values.csv'), line: 2, column: 1, path: 'row 1: __id', words: /expected an id without spaces.*got "has space"/ },
      { file: dataPath('bad-reserved-values.csv'), line: 2, column: 1, path: 'row 1: __seed', words: /expected an integer from 0 to 2147483647, got "-1"/ },
      { file: dataPath('bad-reserved-values.csv'), line: 2, column: 1, path: 'row 1: __threshold', words: /expected a number from 0 to 1, got "2"/ },
      { file: dataPath('bad-reserved-values.csv'), line: 2, column: 1, path: 'row 1: __assert', words: /expected a JSON list of assertions/ },
    ],
  },
  {
    fixture: 'undefined-variable.yaml',
    issues: [{ line: 12, column: 5, path: 'case "japan"', words: /prompt "capital" uses \{\{ continent \}\}.*it defines: country/ }],
  },
  {
    fixture: 'check-fails-to-load.yaml',
    issues: [
      { line: 10, column: 11, path: 'assert[0].file', words: /^cannot load test\/fixtures\/suites\/checks\/syntax-error\.mjs: SyntaxError/ },
      { line: 13, column: 15, path: 'assert[1].function', words: /does not export a function "missing"/ },
    ],
  },
  {
    fixture: 'javascript-in-data.yaml',
    issues: [
      { file: dataPath('javascript-in-data.csv'), line: 2, column: 1, path: 'row 1: __expected', words: /^javascript assertions are not allowed here: data files may not run code/ },
      { file: dataPath('javascript-in-data.csv'), line: 3, column: 1, path: 'row 2: __assert', words: /^\[0\]: JavaScript transforms are not allowed here/ },
    ],
  },
  {
    fixture: 'malformed-placeholder.yaml',
    issues: [{ line: 5, column: 5, path: 'prompts[0].messages[0].content', words: /malformed placeholder \{\{ country name \}\}/ }],
  },
  {
    fixture: 'unknown-assertion-type.yaml',
    issues: [{ line: 11, column: 15, path: 'cases[0].assert[0].type', words: /unknown assertion type "contians" \(did you mean "contains"\?\)/ }],
  },
  {
    fixture: 'unknown-assertion-option.yaml',
    issues: [{ line: 13, column: 5, path: 'assert[0].flag', words: /unknown key "flag" \(did you mean "flags"\?\)/ }],
  },
  {
    fixture: 'invalid-assertion-shape.yaml',
    issues: [
      { line: 11, column: 5, path: 'assert[0]', words: /expected object, got string/ },
      { line: 13, column: 12, path: 'assert[1].value', words: /expected array, got string "Paris"/ },
    ],
  },
  { fixture: 'invalid-regex.yaml', issues: [{ line: 12, column: 16, path: 'cases[0].assert[0].value', words: /invalid regex: unterminated group/ }] },
  { fixture: 'missing-schema-file.yaml', issues: [{ line: 12, column: 11, path: 'assert[0].file', words: /file not found: .*no-such-schema\.json/ }] },
  { fixture: 'broken-schema-file.yaml', issues: [{ file: dataPath('broken.schema.json'), line: 1, column: 19, path: '', words: /^invalid JSON: expected double-quoted property name/ }] },
  { fixture: 'schema-file-and-value.yaml', issues: [{ line: 12, column: 11, path: 'assert[0].file', words: /give either "file" or "value", not both/ }] },
  {
    fixture: 'several-errors.yaml',
    issues: [
      { line: 1, column: 7, path: 'name', words: /expected letters, digits/ },
      { line: 5, column: 5, path: 'models[1].labl', words: /unknown key "labl" \(did you mean "label"\?\)/ },
      { line: 12, column: 16, path: 'cases[0].threshold', words: /expected number, got string "high"/ },
      { line: 13, column: 9, path: 'repeat', words: /expected > 0, got number 0/ },
    ],
  },
];

describe('loadSuite on invalid suites', () => {
  it.each(BAD_SUITES)('reports every issue of $fixture at the offending node', ({ fixture, issues }) => {
    const path = fixturePath(fixture);
    const error = loadError(path);
    expect(error.code).toBe('OTE_SUITE_INVALID');
    expect(error.exitCode).toBe(ExitCode.invalidInput);
    expect(error.issues).toHaveLength(issues.length);
    issues.forEach((expected, index) => {
      const issue = error.issues[index]!;
      expect({ file: issue.file, line: issue.line, column: issue.column, path: issue.path }).toEqual({
        file: expected.file ?? path,
        line: expected.line,
        column: expected.column,
        path: expected.path,
      });
      expect(issue.message).toMatch(expected.words);
    });
  });

  it.each(BAD_SUITES)('formats $fixture as one `file:line:col: path: message` line per issue', ({ fixture }) => {
    const error = loadError(fixturePath(fixture));
    const lines = error.message.split('\n');
    expect(lines).toEqual(error.issues.map(formatIssue));
    for (const [index, line] of lines.entries()) {
      const issue = error.issues[index]!;
      expect(line.startsWith(`${issue.file}:${issue.line}:${issue.column}: `)).toBe(true);
      expect(issue.message).toMatch(/^[^A-Z]/);
      expect(issue.message).not.toMatch(/\.$/);
      expect(issue.message).not.toContain('\n');
    }
  });

  it('has a fixture for every bad-input class and a test row for every fixture', () => {
    const fixtures = readdirSync(join('test', 'fixtures', 'suites')).filter((name) => name.endsWith('.yaml') && !name.startsWith('valid') && !name.startsWith('order-'));
    expect(fixtures.sort()).toEqual(BAD_SUITES.map((row) => row.fixture).sort());
  });

  it('sorts issues of several files by file, line and column', () => {
    let caught: unknown;
    try {
      loadSuites([fixturePath('wrong-type.yaml'), fixturePath('valid-inline.yaml'), fixturePath('malformed-csv.yaml')]);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SuiteError);
    const issues = (caught as SuiteError).issues;
    expect(issues.map((issue) => `${issue.file}:${issue.line}`)).toEqual([
      `${dataPath('malformed.csv')}:3`,
      `${dataPath('malformed.csv')}:5`,
      `${fixturePath('wrong-type.yaml')}:5`,
      `${fixturePath('wrong-type.yaml')}:12`,
    ]);
  });

  it('reports a suite file that does not exist without a line', () => {
    const error = loadError(fixturePath('no-such-suite.yaml'));
    expect(error.issues).toEqual([{ file: fixturePath('no-such-suite.yaml'), line: 0, column: 0, path: '', message: 'file not found' }]);
  });
});

describe('loadSuite on valid suites', () => {
  it.each(['capitals.yaml', 'extract-contacts.yaml', 'model-compare.yaml'])('loads the bundled suite %s', (name) => {
    const suite = loadSuite(join('suites', name));
    expect(suite.models.length).toBeGreaterThan(0);
    expect(suite.cases.length).toBeGreaterThan(0);
    expect(suite.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('turns the __expected column of capitals.csv into an assertion of each case', () => {
    const suite = loadSuite(join('suites', 'capitals.yaml'));
    const france = suite.cases.find((spec) => spec.vars.country === 'France')!;
    expect(france.vars).toEqual({ country: 'France', region: 'Europe' });
    expect(france.assert).toEqual([{ type: 'icontains', value: 'Paris' }]);
    expect(france.position).toEqual({ file: join('suites', 'data', 'capitals.csv'), line: 2, column: 1 });
  });

  it('inlines the json-schema file of extract-contacts.yaml as the assertion value', () => {
    const suite = loadSuite(join('suites', 'extract-contacts.yaml'));
    const schema = suite.assert.find((spec) => spec.type === 'json-schema')!;
    expect(schema).not.toHaveProperty('file');
    expect(schema.value).toMatchObject({ type: 'object' });
    expect(suite.cases.map((spec) => spec.id)).toContain('ana');
  });

  it('keeps the omit list and params of the search model in model-compare.yaml', () => {
    const suite = loadSuite(join('suites', 'model-compare.yaml'));
    expect(suite.models.find((model) => model.label === 'mini-search')).toMatchObject({
      id: 'gpt-4o-mini-search-preview',
      omit: ['temperature'],
      params: { web_search_options: {} },
    });
  });

  it('fills the defaults of an inline suite', () => {
    const suite = loadSuite(fixturePath('valid-inline.yaml'));
    expect(suite).toMatchObject({ name: 'valid-inline', description: null, repeat: 1, seed: 0, threshold: null, pricing: {}, assert: [] });
    expect(suite.models.map((model) => [model.label, model.id])).toEqual([['gpt-4o-mini', 'gpt-4o-mini'], ['gpt-4o', 'gpt-4o']]);
    expect(suite.cases.map((spec) => spec.id)).toEqual(['france', 'japan']);
  });

  it('changes the suite hash when a data file changes, not when nothing does', () => {
    const suite = (csv: string) => ({
      'suite.yaml': 'name: h\nmodels: [m]\nprompts:\n  - id: p\n    template: "{{ q }}"\ncases:\n  - file: rows.csv\n',
      'rows.csv': csv,
    });
    const first = writeTempFiles(suite('q\na\n'));
    const same = writeTempFiles(suite('q\na\n'));
    const edited = writeTempFiles(suite('q\nb\n'));
    try {
      const hashOf = (dir: string) => loadSuite(join(dir, 'suite.yaml')).hash;
      expect(hashOf(first.dir)).toBe(hashOf(same.dir));
      expect(hashOf(first.dir)).not.toBe(hashOf(edited.dir));
    } finally {
      first.remove();
      same.remove();
      edited.remove();
    }
  });
});

describe('loadSuite on files with a byte order mark and CRLF line endings', () => {
  const BOM = '\uFEFF';
  const crlf = (text: string) => BOM + text.replace(/\n/g, '\r\n');
  const suiteText = (dataFile: string) =>
    `name: crlf\nmodels:\n  - gpt-4o-mini\nprompts:\n  - id: p\n    template: |\n      Capital of {{ country }}?\n      One word.\ncases:\n  - file: ${dataFile}\n`;

  it.each([
    { dataFile: 'rows.csv', data: 'country,__expected\nFrance,icontains:Paris\nJapan,icontains:Tokyo\n', lines: [2, 3] },
    { dataFile: 'rows.jsonl', data: '{"country": "France", "__expected": "icontains:Paris"}\n{"country": "Japan", "__expected": "icontains:Tokyo"}\n', lines: [1, 2] },
    { dataFile: 'rows.yaml', data: '- country: France\n  __expected: icontains:Paris\n- country: Japan\n  __expected: icontains:Tokyo\n', lines: [1, 3] },
  ])('loads a BOM + CRLF suite with a BOM + CRLF $dataFile', ({ dataFile, data, lines }) => {
    const temp = writeTempFiles({ 'suite.yaml': Buffer.from(crlf(suiteText(dataFile)), 'utf8'), [dataFile]: Buffer.from(crlf(data), 'utf8') });
    try {
      const suite = loadSuite(join(temp.dir, 'suite.yaml'));
      expect(suite.name).toBe('crlf');
      expect(suite.prompts[0]!.messages[0]!.content).toBe('Capital of {{ country }}?\nOne word.\n');
      expect(suite.cases.map((spec) => spec.vars)).toEqual([{ country: 'France' }, { country: 'Japan' }]);
      expect(suite.cases.map((spec) => spec.assert)).toEqual([[{ type: 'icontains', value: 'Paris' }], [{ type: 'icontains', value: 'Tokyo' }]]);
      expect(suite.cases.map((spec) => spec.position.line)).toEqual(lines);
    } finally {
      temp.remove();
    }
  });

  it('gives the same case ids with and without BOM and CRLF', () => {
    const lf = writeTempFiles({ 'suite.yaml': suiteText('rows.csv'), 'rows.csv': 'country\nFrance\n' });
    const windows = writeTempFiles({ 'suite.yaml': crlf(suiteText('rows.csv')), 'rows.csv': crlf('country\nFrance\n') });
    try {
      const ids = (dir: string) => loadSuite(join(dir, 'suite.yaml')).cases.map((spec) => spec.id);
      expect(ids(windows.dir)).toEqual(ids(lf.dir));
    } finally {
      lf.remove();
      windows.remove();
    }
  });

  it('points at the right line of a CRLF suite', () => {
    const temp = writeTempFiles({ 'suite.yaml': crlf('name: crlf\nmodels:\n  - gpt-4o-mini\nprompts:\n  - id: p\n    template: "{{ q }}"\ncases:\n  - vars: { q: 1 }\nrepat: 2\n') });
    try {
      const error = loadError(join(temp.dir, 'suite.yaml'));
      expect(error.issues.map(({ line, column, path }) => ({ line, column, path }))).toEqual([{ line: 9, column: 1, path: 'repat' }]);
      expect(error.issues[0]!.message).toMatch(/did you mean "repeat"/);
    } finally {
      temp.remove();
    }
  });
});
