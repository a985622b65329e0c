import type { Answer } from '../../src/assert/index.js';

/** An answer with plain run facts; tests override what they look at. */
export function makeAnswer(overrides: Partial<Answer> = {}): Answer {
  return {
    output: '',
    toolCalls: [],
    tools: [],
    responseSchema: null,
    finishReason: 'stop',
    latencyMs: 800,
    cost: 0.0001,
    completionTokens: 20,
    citations: [],
    ...overrides,
  };
}
