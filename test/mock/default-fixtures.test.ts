import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer } from '../../src/mock/index.js';
import type { MockServer } from '../../src/mock/index.js';
import { chatBody, postChat } from './chat-request.js';

const CAPITALS: [string, string][] = [
  ['France', 'Paris'],
  ['Japan', 'Tokyo'],
  ['Australia', 'Canberra'],
  ['Canada', 'Ottawa'],
  ['Brazil', 'Brasília'],
  ['Turkey', 'Ankara'],
  ['Nigeria', 'Abuja'],
  ['Switzerland', 'Bern'],
  ['Egypt', 'Cairo'],
  ['New Zealand', 'Wellington'],
];

const WRONG: Record<string, Record<string, string>> = {
  'gpt-4o-mini': { Australia: 'Sydney', Turkey: 'Istanbul', Switzerland: 'Zurich' },
  'gpt-4.1-mini': { Nigeria: 'Lagos' },
  'gpt-4o': {},
};

describe('the built-in fixtures', () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await startMockServer();
  });
  afterAll(() => server.close());

  async function ask(model: string, content: string, system?: string): Promise<{ content: string; annotations: any[] }> {
    const messages = system === undefined ? [] : [{ role: 'system', content: system }];
    messages.push({ role: 'user', content });
    const body = { model, messages, ...(model.includes('search') ? {} : { temperature: 0 }) };
    return (await postChat(server, body)).json.choices[0].message;
  }

  it.each(Object.keys(WRONG))('answers the capitals suite for %s with the planned mistakes', async (model) => {
    let correct = 0;
    for (const [country, city] of CAPITALS) {
      const { content } = await ask(model, `What is the capital of ${country}? Answer with the city name only.`);
      const wrong = WRONG[model][country];
      if (wrong === undefined) {
        expect(content).toContain(city);
        correct += 1;
      } else {
        expect(content).toBe(wrong);
      }
    }
    expect(correct).toBe(CAPITALS.length - Object.keys(WRONG[model]).length);
  });

  it('makes gpt-4o answer some capitals with a full sentence', async () => {
    const { content } = await ask('gpt-4o', 'What is the capital of Japan? Answer with the city name only.');
    expect(content).toBe('The capital of Japan is Tokyo.');
    expect((await ask('gpt-4o', 'What is the capital of France? Answer with the city name only.')).content).toBe('Paris');
  });

  const SYSTEM = 'Extract the contact as JSON with keys name, email, age (integer) and company.';
  const contact = (age: number): string =>
    `Extract the contact from: Ana Silva (ana.silva@example.com) is ${age} and works at Lumen Labs.`;

  it('extracts a contact as JSON built from the text', async () => {
    const { content } = await ask('gpt-4.1-mini', contact(34), SYSTEM);
    expect(JSON.parse(content)).toEqual({ name: 'Ana Silva', email: 'ana.silva@example.com', age: 34, company: 'Lumen Labs' });
  });

  it('makes gpt-4o wrap the contact JSON in a json fence', async () => {
    const { content } = await ask('gpt-4o', contact(34), SYSTEM);
    expect(content).toMatch(/^```json\n\{.*\}\n```$/);
  });

  it.each([
    [34, { age: 34, company: 'Lumen Labs' }],
    [37, { age: '37', company: 'Lumen Labs' }],
    [23, { age: '23', company: 'Lumen Labs' }],
    [40, { age: 40 }],
    [45, { age: 45 }],
  ])('makes gpt-4o-mini slip on some contact rows (age %i)', async (age, expected) => {
    const { content } = await ask('gpt-4o-mini', contact(age), SYSTEM);
    expect(JSON.parse(content)).toEqual({ name: 'Ana Silva', email: 'ana.silva@example.com', ...expected });
  });

  const QUESTIONS = [
    'Who won the most recent Nobel Prize in Literature? Cite your source.',
    'What is the current stable version of Node.js?',
    "Summarise today's top technology headline.",
  ];

  it.each(QUESTIONS)('makes plain models hedge without sources on "%s"', async (question) => {
    for (const model of ['gpt-4o-mini', 'gpt-4o']) {
      const { content, annotations } = await ask(model, question);
      expect(content).toMatch(/knowledge cutoff/);
      expect(content).not.toMatch(/https?:\/\//);
      expect(annotations).toEqual([]);
    }
  });

  it.each(QUESTIONS)('makes search models answer "%s" with a citation', async (question) => {
    for (const model of ['gpt-4o-mini-search-preview', 'gpt-4o-search-preview']) {
      const { content, annotations } = await ask(model, question);
      expect(content).not.toMatch(/knowledge cutoff/);
      expect(annotations).toHaveLength(1);
      const { url, start_index, end_index } = annotations[0].url_citation;
      expect(content.slice(start_index, end_index)).toBe(url);
    }
  });

  it('answers unknown questions of gpt-4.1-mini with the hedging fallback', async () => {
    const { content } = await ask('gpt-4.1-mini', QUESTIONS[1]);
    expect(content).toMatch(/Node\.js 20/);
  });

  it('leaves unrelated questions to the made-up answer', async () => {
    const response = await postChat(server, chatBody('Describe the colour of the sea'));
    expect(response.json.choices[0].message.content).toMatch(/mock answer [0-9a-f]{6}/);
  });
});
