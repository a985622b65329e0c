import { describe, expect, test } from 'vitest';
import { estimateRequestTokens } from '../../src/client/token-estimate.js';

describe('estimateRequestTokens', () => {
  test('counts four characters per token plus framing per message', () => {
    const request = { model: 'm', messages: [{ role: 'user' as const, content: 'x'.repeat(40) }] };
    expect(estimateRequestTokens(request)).toBe(10 + 4);
  });

  test('adds the completion budget of max_tokens or max_completion_tokens', () => {
    const messages = [{ role: 'user' as const, content: 'abcd' }];
    expect(estimateRequestTokens({ model: 'm', messages, max_tokens: 100 })).toBe(1 + 4 + 100);
    expect(estimateRequestTokens({ model: 'm', messages, max_completion_tokens: 50, max_tokens: 100 })).toBe(1 + 4 + 50);
  });
});
