import { describe, expect, test } from 'vitest';
import { emptyCompletion } from '../../src/client/completion-parser.js';
import { makeFailure } from '../../src/client/failure.js';
import { failureLine, requestLine, successLine } from '../../src/client/verbose.js';

const LABEL = { method: 'POST', path: '/v1/chat/completions', model: 'gpt-4o', cellId: 'p/c/m#0', attempt: 2 };

describe('verbose lines', () => {
  test('describe a request with its size and a body snippet', () => {
    expect(requestLine(LABEL, '{"model":"gpt-4o"}', 'sk-1')).toBe(
      '-> POST /v1/chat/completions gpt-4o cell=p/c/m#0 attempt=2 bytes=18 body={"model":"gpt-4o"}',
    );
  });

  test('describe a success with latency, finish reason, tokens and request id', () => {
    const completion = { ...emptyCompletion(), content: 'Paris', finishReason: 'stop', latencyMs: 12.4, requestId: 'req_1' };
    completion.usage = { promptTokens: 1, completionTokens: 2, totalTokens: 3 };
    expect(successLine(LABEL, completion, 'sk-1')).toBe(
      '<- 200 gpt-4o cell=p/c/m#0 attempt=2 latency=12ms finish=stop tokens=3 chars=5 request-id=req_1',
    );
  });

  test('describe a failure without a status', () => {
    const failure = makeFailure({ kind: 'connection', summary: 'connection failed (ECONNRESET)', isRetryable: true });
    expect(failureLine(LABEL, failure, 'sk-1')).toBe('<- --- gpt-4o cell=p/c/m#0 attempt=2 connection failed (ECONNRESET)');
  });

  test('redact the key wherever it appears', () => {
    expect(requestLine(LABEL, '{"note":"sk-1"}', 'sk-1')).not.toContain('sk-1');
    const failure = makeFailure({ kind: 'auth', status: 401, summary: 'key rejected', serverMessage: 'bad key sk-1', isRetryable: false });
    expect(failureLine(LABEL, failure, 'sk-1')).not.toContain('sk-1');
  });
});
