/**
 * The answer to a valid chat request: a pure function of (model, messages, seed, temperature). A fixture wins,
 * then the grader verdict, then a made-up answer derived from a hash of the request. Faults and scripts never
 * change the text, so a retried request gets the same answer as the first try.
 */

import type { FixtureAnswer } from './fixtures.js';
import { gradeAnswer, isGraderRequest } from './grader.js';
import { hashHex, hashString, pick } from './hash.js';
import { isSearchModel } from './models.js';
import type { UrlCitation } from '../wire/index.js';
import { exampleFromSchema, properNouns, WordSource } from './schema-example.js';
import { answerFromToolResults, defaultToolCalls, fixtureToolCalls, trailingToolResults, type ComposedToolCall } from './tool-answer.js';
import type { ChatInput, PlainMessage } from './validate.js';

/** Everything the wire layer needs to write a successful answer. */
export interface ComposedAnswer {
  content: string;
  /** Calls made instead of (or with) text; `finishReason` is then `tool_calls`. */
  toolCalls: ComposedToolCall[];
  finishReason: string;
  annotations: UrlCitation[];
  promptTokens: number;
  completionTokens: number;
}

/** Tokens of a text, estimated as one per four characters (what the tiktoken average gives for English). */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** Prompt tokens: the text plus a small per-message overhead, as the real API counts role markers. */
function promptTokens(messages: readonly PlainMessage[]): number {
  return messages.reduce((sum, message) => sum + estimateTokens(message.text) + 4, 3);
}

/** The first few words of the question, for echoing it back. */
function echoOf(question: string): string {
  const words = question.trim().split(/\s+/).slice(0, 8).join(' ');
  return words.replace(/[?.!:,;]+$/, '') || 'your message';
}

const OPENERS = ['Regarding', 'About', 'On the question', 'As for', 'Concerning'];
const CLAIMS = [
  'the short answer is that it depends on the context you have in mind',
  'the most likely answer is the simplest one',
  'there are several reasonable answers, and the first is usually best',
  'the available evidence points in one clear direction',
  'a careful reading suggests a cautious, qualified answer',
];

/** A deterministic answer for a question no fixture knows; different models answer differently. */
function madeUpAnswer(input: ChatInput, question: string): string {
  const key = [input.model, input.messages, input.seed, input.temperature];
  const hash = hashString(JSON.stringify(key));
  return `${pick(OPENERS, hash)} "${echoOf(question)}": ${pick(CLAIMS, Math.floor(hash / 7))} (mock answer ${hashHex(key, 6)}).`;
}

/** Annotations for fixture citations: the span of the URL when the text contains it, else the whole text. */
function fixtureAnnotations(content: string, citations: readonly { url: string; title: string }[]): UrlCitation[] {
  return citations.map(({ url, title }) => {
    const at = content.indexOf(url);
    const [start, end] = at >= 0 ? [at, at + url.length] : [0, content.length];
    return { type: 'url_citation', url_citation: { url, title, start_index: start, end_index: end } };
  });
}

/** Appends a markdown source link, as search models do, and returns the text with its annotation. */
function withDefaultCitation(content: string, question: string): { content: string; annotations: UrlCitation[] } {
  const id = hashHex([question], 8);
  const url = `https://search.example.com/result/${id}`;
  const title = `Search result ${id} for "${echoOf(question)}"`;
  const link = `[${title}](${url})`;
  const full = `${content} (${link})`;
  const start = full.length - link.length - 1;
  const annotation: UrlCitation = {
    type: 'url_citation',
    url_citation: { url, title, start_index: start, end_index: start + link.length },
  };
  return { content: full, annotations: [annotation] };
}

/** The answer when the request declares tools: calls for a new user message, text once results come back. */
function composeToolAnswer(input: ChatInput, fixture: FixtureAnswer | null, question: string): ComposedAnswer | null {
  const results = trailingToolResults(input.messages);
  if (results.length > 0) {
    const answer = fixture?.answer ?? null;
    // A tool fixture's `answer` is its reply to the results; a plain text fixture answers as it always does.
    if (answer !== null && fixture!.toolCalls.length > 0) return textAnswer(input, answer.replace(/\$\{result\}/g, results.at(-1)!.text));
    return answer !== null ? null : textAnswer(input, answerFromToolResults(results));
  }
  if (input.messages.at(-1)?.role !== 'user' || input.toolChoice.kind === 'none') return null;
  const calls = fixture !== null && fixture.toolCalls.length > 0 ? fixtureToolCalls(input, fixture.toolCalls) : fixture === null ? defaultToolCalls(input, question) : [];
  if (calls.length === 0) return null;
  const completionTokens = estimateTokens(JSON.stringify(calls));
  return { content: '', toolCalls: calls, finishReason: 'tool_calls', annotations: [], promptTokens: promptTokens(input.messages), completionTokens };
}

/** A plain text answer. */
function textAnswer(input: ChatInput, content: string): ComposedAnswer {
  return { content, toolCalls: [], finishReason: 'stop', annotations: [], promptTokens: promptTokens(input.messages), completionTokens: estimateTokens(content) };
}

/** The text fixtures are matched against: the last user message. */
export function questionOf(input: ChatInput): string {
  return input.messages.findLast((message) => message.role === 'user')?.text ?? '';
}

/**
 * Composes the answer to a validated request, given the fixture that matched its question (or null). Grader
 * messages quote the question or the answer, which a fixture would match: a grader request is answered as one
 * whatever fixture is given.
 */
export function composeAnswer(input: ChatInput, found: FixtureAnswer | null): ComposedAnswer {
  const question = questionOf(input);
  const isGrader = isGraderRequest(input.messages);
  const fixture = isGrader ? null : found;
  if (!isGrader && (input.tools.length > 0 || input.messages.at(-1)?.role === 'tool')) {
    const answer = composeToolAnswer(input, fixture, question);
    if (answer !== null) return answer;
  }
  let content: string;
  let annotations: UrlCitation[] = [];
  if (fixture !== null && fixture.answer !== null) {
    content = fixture.answer;
    if (isSearchModel(input.model)) {
      if (fixture.citations !== null) annotations = fixtureAnnotations(content, fixture.citations);
      else ({ content, annotations } = withDefaultCitation(content, question));
    }
  } else if (isGrader) {
    content = gradeAnswer(question);
  } else if (input.responseSchema !== null) {
    // Structured outputs: JSON that fits the declared schema, as a model in strict mode would return.
    content = JSON.stringify(exampleFromSchema(input.responseSchema, new WordSource(properNouns(question))));
  } else {
    content = madeUpAnswer(input, question);
    if (isSearchModel(input.model)) ({ content, annotations } = withDefaultCitation(content, question));
  }
  let finishReason = fixture?.finishReason ?? 'stop';
  if (input.maxTokens !== null && input.maxTokens >= 0 && estimateTokens(content) > input.maxTokens) {
    content = content.slice(0, input.maxTokens * 4);
    annotations = annotations.filter((item) => item.url_citation.end_index <= content.length);
    finishReason = 'length';
  }
  return {
    content,
    toolCalls: [],
    finishReason,
    annotations,
    promptTokens: promptTokens(input.messages),
    completionTokens: estimateTokens(content),
  };
}
