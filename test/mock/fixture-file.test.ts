import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SuiteError } from '../../src/errors.js';
import { loadMockFixtures, startMockServer } from '../../src/mock/index.js';
import { chatBody, postChat } from './chat-request.js';

describe('loadMockFixtures', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'onetoken-mock-fixtures-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  async function file(name: string, text: string): Promise<string> {
    const path = join(dir, name);
    await writeFile(path, text);
    return path;
  }

  async function loadError(path: string): Promise<SuiteError> {
    const error = await loadMockFixtures(path).then(() => undefined, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(SuiteError);
    return error as SuiteError;
  }

  it('reads fixtures that call tools, with or without an answer for after the results', async () => {
    const path = await file(
      'tools.yaml',
      [
        '- match: "weather in (?<city>[A-Za-z]+)"',
        '  toolCalls:',
        '    - { name: get_weather, arguments: { city: "${city}" } }',
        '  answer: "It rains in ${city}: ${result}"',
        '- match: calendar',
        '  toolCalls: [{ name: list_events, arguments: {} }]',
      ].join('\n'),
    );
    const fixtures = await loadMockFixtures(path);
    expect(fixtures[1]).toEqual({ match: 'calendar', toolCalls: [{ name: 'list_events', arguments: {} }] });
  });

  it('reports every problem of tool-call fixtures at its position', async () => {
    const path = await file(
      'bad-tools.yaml',
      ['- match: a', '  toolCalls: nope', '- match: b', '  toolCalls:', '    - { arguments: [1] }', '- match: c'].join('\n'),
    );
    const error = await loadError(path);
    expect(error.issues.map((issue) => `${issue.line}:${issue.column} ${issue.path}: ${issue.message}`)).toEqual([
      '2:14 [0].toolCalls: expected a list of {name, arguments}, got string "nope"',
      '5:7 [1].toolCalls[0].name: expected a string, got nothing',
      '5:20 [1].toolCalls[0].arguments: expected a mapping, got a list',
      '6:3 [2].answer: expected a string, got nothing',
    ]);
  });

  it('reads a YAML mapping with a fixtures list', async () => {
    const path = await file(
      'ok.yaml',
      [
        'fixtures:',
        '  - match: "capital of (?<country>\\\\w+)"',
        '    flags: i',
        '    answer: "${country} has a capital"',
        '  - match: latest',
        '    model: gpt-4o-search-preview',
        '    answer: See https://example.com/news',
        '    citations:',
        '      - { url: "https://example.com/news", title: News }',
      ].join('\n'),
    );
    const fixtures = await loadMockFixtures(path);
    expect(fixtures).toHaveLength(2);
    expect(fixtures[1].citations).toEqual([{ url: 'https://example.com/news', title: 'News' }]);
    const server = await startMockServer({ fixtures });
    try {
      const response = await postChat(server, chatBody('What is the CAPITAL of Chile?'));
      expect(response.json.choices[0].message.content).toBe('Chile has a capital');
    } finally {
      await server.close();
    }
  });

  it('reads a JSON list of fixtures', async () => {
    const path = await file('ok.json', JSON.stringify([{ match: 'hi', answer: 'hello' }]));
    expect(await loadMockFixtures(path)).toEqual([{ match: 'hi', answer: 'hello' }]);
  });

  it('reports every problem with file, line, column and field path', async () => {
    const path = await file(
      'bad-fields.yaml',
      ['fixtures:', '  - match: "("', '    answer: 3', '  - match: ok', '    answr: typo', '    answer: x'].join('\n'),
    );
    const error = await loadError(path);
    expect(error.code).toBe('OTE_DATA_INVALID');
    expect(error.issues.map(({ line, column, path: field }) => [line, column, field])).toEqual([
      [2, 12, 'fixtures[0].match'],
      [3, 13, 'fixtures[0].answer'],
      [5, 12, 'fixtures[1].answr'],
    ]);
    expect(error.message.split('\n')[1]).toBe(`${path}:3:13: fixtures[0].answer: expected a string, got number 3`);
    expect(error.issues[2].message).toMatch(/^unknown key "answr"/);
  });

  it('rejects a file whose top level is not a list of fixtures', async () => {
    const error = await loadError(await file('scalar.yaml', 'just text'));
    expect(error.issues[0].message).toMatch(/^expected a list of fixtures/);
  });

  it('rejects invalid YAML with its position', async () => {
    const error = await loadError(await file('broken.yaml', 'fixtures:\n  - match: [unclosed\n'));
    expect(error.issues[0].message).toMatch(/^invalid YAML/);
    expect(error.issues[0].line).toBeGreaterThan(0);
  });

  it('rejects a missing file naming it', async () => {
    const error = await loadError(join(dir, 'missing.yaml'));
    expect(error.message).toBe(`${join(dir, 'missing.yaml')}: cannot read fixture file (ENOENT)`);
  });
});
