/**
 * Built-in fixtures for the bundled example suites (capitals QA, contact extraction, model comparison). They
 * are written so each suite shows a realistic mix: most answers pass, a few fail in ways a reviewer recognises
 * (a famous wrong capital, age as a string, a dropped field, hedging without sources). TypeScript rather than a
 * data file so they ship inside `dist` with no file lookup.
 */

import { conversationFixtures, imageFixtures, toolFixtures } from './tool-fixtures.js';
import type { MockFixture } from './types.js';

/** Every country of the capitals suite with its capital. */
const CAPITALS: readonly [country: string, city: string][] = [
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

/** Wrong answers a small model plausibly gives: the biggest or best-known city instead of the capital. */
const WRONG_CAPITALS: readonly [model: string, country: string, city: string][] = [
  ['gpt-4o-mini', 'Australia', 'Sydney'],
  ['gpt-4o-mini', 'Turkey', 'Istanbul'],
  ['gpt-4o-mini', 'Switzerland', 'Zurich'],
  ['gpt-4.1-mini', 'Nigeria', 'Lagos'],
];

/** Countries for which gpt-4o ignores "city name only" and answers with a sentence. */
const VERBOSE_GPT_4O = new Set(['Japan', 'Canada', 'Egypt']);

/**
 * Keeps a built-in fixture off grading requests: the grader's `Rubric:` message quotes the question and the
 * answer ("names Paris as the capital of France"), and a capital fixture answering it would hide the verdict.
 */
function questionMatching(pattern: string): string {
  return String.raw`^(?!\s*Rubric:)[\s\S]*?` + pattern;
}

function capitalOf(country: string): string {
  return questionMatching(`\\bcapital of ${country}\\b`);
}

const capitalFixtures: MockFixture[] = [
  ...WRONG_CAPITALS.map(([model, country, city]) => ({ match: capitalOf(country), flags: 'i', model, answer: city })),
  ...CAPITALS.filter(([country]) => VERBOSE_GPT_4O.has(country)).map(([country, city]) => ({
    match: capitalOf(country),
    flags: 'i',
    model: 'gpt-4o',
    answer: `The capital of ${country} is ${city}.`,
  })),
  ...CAPITALS.map(([country, city]) => ({ match: capitalOf(country), flags: 'i', answer: city })),
];

/** `Ana Silva (ana.silva@example.com) is 34 and works at Lumen Labs.`, with a constrained last age digit. */
function contactPattern(ageDigits: string): string {
  return (
    String.raw`^\s*Extract the contact from:\s*(?<name>[^(\n]+?)\s*\((?<email>[^)\s]+)\)\s+is\s+` +
    String.raw`(?<age>\d*${ageDigits})\s+(?:years old\s+)?and works at\s+(?<company>[^\n]+?)\.?\s*$`
  );
}

const CONTACT_JSON = '{"name": "${name}", "email": "${email}", "age": ${age}, "company": "${company}"}';

const contactFixtures: MockFixture[] = [
  // gpt-4o-mini slips on some rows: ages ending in 3 or 7 come back as strings, ages ending in 0 or 5 lose
  // the company, so a json-schema assertion fails on roughly four rows in ten.
  {
    match: contactPattern('[37]'),
    model: 'gpt-4o-mini',
    answer: '{"name": "${name}", "email": "${email}", "age": "${age}", "company": "${company}"}',
  },
  { match: contactPattern('[05]'), model: 'gpt-4o-mini', answer: '{"name": "${name}", "email": "${email}", "age": ${age}}' },
  { match: contactPattern('\\d'), model: 'gpt-4o', answer: '```json\n' + CONTACT_JSON + '\n```' },
  { match: contactPattern('\\d'), answer: CONTACT_JSON },
];

/** One model-comparison question: a hedging answer per plain model and a cited answer for search models. */
interface ComparisonQuestion {
  match: string;
  plain: Record<string, string>;
  fallback: string;
  search: string;
  citations: { url: string; title: string }[];
}

const NODE_RELEASES = 'https://nodejs.org/en/about/previous-releases';
const NOBEL_2024 = 'https://www.nobelprize.org/prizes/literature/2024/summary/';
const TECH_STORY = 'https://news.example.com/technology/top-story';

const COMPARISON: ComparisonQuestion[] = [
  {
    match: String.raw`\bNobel Prize in Literature\b`,
    plain: {
      'gpt-4o':
        'As of my knowledge cutoff, the most recent laureate I know of is Jon Fosse (2023), honoured for his ' +
        'innovative plays and prose. I cannot browse the web, so please verify on the Nobel Prize website.',
    },
    fallback:
      'As of my knowledge cutoff in October 2023, the most recent Nobel Prize in Literature went to Jon Fosse. ' +
      "I can't access live sources, so I can't cite one.",
    search:
      'The most recent laureate of the Nobel Prize in Literature is the South Korean author Han Kang: the Swedish ' +
      'Academy names her the winner for the year 2024 "for her intense poetic prose that confronts historical ' +
      `traumas and exposes the fragility of human life". Source: ${NOBEL_2024}`,
    citations: [{ url: NOBEL_2024, title: 'The Nobel Prize in Literature 2024 - NobelPrize.org' }],
  },
  {
    match: String.raw`\bstable version of Node\.?js\b`,
    plain: {
      'gpt-4o':
        'As of my knowledge cutoff, Node.js 20 is the Active LTS line and Node.js 21 the Current release. ' +
        'Releases change often, so check nodejs.org for the latest version.',
    },
    fallback:
      'As of my knowledge cutoff in October 2023, the current stable LTS version of Node.js is Node.js 20. ' +
      'Please check nodejs.org for newer releases.',
    search:
      'The Node.js release page lists v22.11.0 as the latest Long Term Support release recommended for production ' +
      `use; odd-numbered lines never become LTS (${NODE_RELEASES}).`,
    citations: [{ url: NODE_RELEASES, title: 'Node.js - Node.js Releases' }],
  },
  {
    match: String.raw`\btop technology headline\b`,
    plain: {
      'gpt-4o':
        "As of my knowledge cutoff I can't see today's news. Recent technology coverage has focused on AI " +
        'model releases, chip export controls and platform regulation; a news site will have the headline.',
    },
    fallback:
      "I don't have access to real-time news, so I can't tell you today's top technology headline. As of my " +
      'knowledge cutoff, major themes included generative AI and antitrust cases against big tech.',
    search:
      "One specific story leads today's technology news: a major chip maker announced a new generation of AI " +
      `accelerators, and recent coverage focused on energy efficiency and supply constraints (${TECH_STORY}).`,
    citations: [{ url: TECH_STORY, title: 'Example Tech News - Top story' }],
  },
];

const SEARCH_MODELS = ['gpt-4o-search-preview', 'gpt-4o-mini-search-preview'];

const comparisonFixtures: MockFixture[] = COMPARISON.flatMap((question) => [
  ...SEARCH_MODELS.map((model) => ({
    match: questionMatching(question.match),
    flags: 'i',
    model,
    answer: question.search,
    citations: question.citations,
  })),
  ...Object.entries(question.plain).map(([model, answer]) => ({
    match: questionMatching(question.match),
    flags: 'i',
    model,
    answer,
  })),
  { match: questionMatching(question.match), flags: 'i', answer: question.fallback },
]);

/** The fixtures the mock uses unless `fixtures` is given. */
export const DEFAULT_MOCK_FIXTURES: MockFixture[] = [...capitalFixtures, ...contactFixtures, ...comparisonFixtures, ...toolFixtures, ...conversationFixtures, ...imageFixtures];
