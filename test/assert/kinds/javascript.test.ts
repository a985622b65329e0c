import { describe, expect, it } from 'vitest';
import { scoreAnswer, validateAssertion, type CheckRequest, type RunCheckFn } from '../../../src/assert/index.js';
import { makeAnswer } from '../answer-fixture.js';

/** A check runner that records requests and answers with `value` (scoring stays pure: no worker here). */
function fakeRunner(outcome: Awaited<ReturnType<RunCheckFn>>) {
  const requests: CheckRequest[] = [];
  const runCheck: RunCheckFn = async (request) => {
    requests.push(request);
    return outcome;
  };
  return { runCheck, requests };
}

describe('javascript', () => {
  it('sends the source, the output and a 5 s default time limit to the check runner', async () => {
    const { runCheck, requests } = fakeRunner({ ok: true, value: true });
    await scoreAnswer(makeAnswer({ output: 'hi' }), { type: 'javascript', file: 'checks/a.mjs', function: 'f' }, { runCheck });
    expect(requests[0]).toMatchObject({ source: { file: 'checks/a.mjs', function: 'f' }, output: 'hi', timeoutMs: 5000 });
    await scoreAnswer(makeAnswer(), { type: 'javascript', value: 'true', timeoutMs: 50 }, { runCheck });
    expect(requests[1]).toMatchObject({ source: { expression: 'true' }, timeoutMs: 50 });
  });

  it('negates like any kind', async () => {
    const { runCheck } = fakeRunner({ ok: true, value: { pass: true, score: 0.9 } });
    expect(await scoreAnswer(makeAnswer(), { type: 'not-javascript', value: 'true' }, { runCheck })).toMatchObject({ type: 'not-javascript', pass: false, score: expect.closeTo(0.1, 9) });
  });

  it('errors with the runner\'s reason when the check did not run to the end', async () => {
    const { runCheck } = fakeRunner({ ok: false, error: 'timed out after 5000 ms' });
    const result = await scoreAnswer(makeAnswer(), { type: 'javascript', value: 'true' }, { runCheck });
    expect(result.error).toBe('check "true" timed out after 5000 ms');
  });

  it('names an inline check as written, backslashes not doubled and whitespace folded', async () => {
    const { runCheck } = fakeRunner({ ok: true, value: false });
    const result = await scoreAnswer(makeAnswer(), { type: 'javascript', value: 'output.split(/\\s+/).length > 2 &&\n  /[.!?]$/.test(output)' }, { runCheck });
    expect(result.reason).toBe('expected to pass the check "output.split(/\\s+/).length > 2 && /[.!?]$/.test(output)", got score 0');
  });

  it('errors without a check runner instead of running code in the caller', async () => {
    expect((await scoreAnswer(makeAnswer(), { type: 'javascript', value: 'true' })).error).toMatch(/needs a check runner/);
  });

  it.each([
    [{ type: 'javascript' }, /got neither/],
    [{ type: 'javascript', value: 'true', file: 'a.mjs' }, /either "file" or "value"/],
    [{ type: 'javascript', value: 'true', function: 'f' }, /"function" names an export of "file"/],
    [{ type: 'javascript', value: 'output.includes("{{ city }}")' }, /may not hold \{\{ \}\} placeholders/],
    [{ type: 'javascript', value: 'output.length <' }, /invalid JavaScript expression/],
  ])('refuses %j when the suite is validated', (spec, words) => {
    expect(validateAssertion(spec).map((issue) => issue.message).join('\n')).toMatch(words);
  });
});
