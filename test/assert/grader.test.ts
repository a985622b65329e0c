import { describe, expect, it } from 'vitest';
import { buildGraderMessages, DEFAULT_GRADER_MODEL, parseGraderVerdict } from '../../src/assert/index.js';

describe('buildGraderMessages', () => {
  it('sends a marked system message asking for a JSON verdict, then the rubric and the answer', () => {
    const messages = buildGraderMessages('Names Paris as the capital', 'The capital is Paris.');
    expect(messages).toHaveLength(2);
    expect(messages[0].role).toBe('system');
    expect(messages[0].content).toContain('onetoken-eval grader');
    expect(messages[0].content).toContain('{"pass": boolean, "score": number between 0 and 1, "reason": string}');
    expect(messages[1]).toEqual({ role: 'user', content: 'Rubric:\nNames Paris as the capital\n\nAnswer:\nThe capital is Paris.' });
  });

  it('keeps multi-line rubrics and answers verbatim', () => {
    const [, user] = buildGraderMessages('line 1\nline 2', '\nanswer\n');
    expect(user.content).toBe('Rubric:\nline 1\nline 2\n\nAnswer:\n\nanswer\n');
  });

  it('defaults to gpt-4o-mini as the grader model', () => {
    expect(DEFAULT_GRADER_MODEL).toBe('gpt-4o-mini');
  });
});

describe('parseGraderVerdict', () => {
  it.each([
    { text: '{"pass": true, "score": 0.9, "reason": "names Paris"}', verdict: { pass: true, score: 0.9, reason: 'names Paris' } },
    { text: '  {"pass": false, "score": 0, "reason": "says Lyon"}\n', verdict: { pass: false, score: 0, reason: 'says Lyon' } },
    { text: '```json\n{"pass": true, "score": 1, "reason": "ok"}\n```', verdict: { pass: true, score: 1, reason: 'ok' } },
    { text: 'Verdict: {"pass": true, "score": 0.5, "reason": "partly"} done', verdict: { pass: true, score: 0.5, reason: 'partly' } },
    { text: '{"pass": true}', verdict: { pass: true, score: 1, reason: 'the grader gave no reason' } },
    { text: '{"pass": false, "reason": "  "}', verdict: { pass: false, score: 0, reason: 'the grader gave no reason' } },
  ])('reads $text', ({ text, verdict }) => {
    expect(parseGraderVerdict(text)).toEqual({ ok: true, verdict });
  });

  it.each([
    { text: 'I think it passes.', error: /^malformed grader verdict: expected a JSON object, got "I think it passes\."$/ },
    { text: '', error: /expected a JSON object/ },
    { text: '[true, 1]', error: /expected a JSON object/ },
    { text: '{"score": 0.8, "reason": "good"}', error: /expected "pass" to be true or false/ },
    { text: '{"pass": "yes", "score": 0.8}', error: /expected "pass" to be true or false/ },
    { text: '{"pass": true, "score": 1.5}', error: /^malformed grader verdict: expected "score" in 0\.\.1, got 1\.5$/ },
    { text: '{"pass": true, "score": -0.1}', error: /expected "score" in 0\.\.1, got -0\.1/ },
    { text: '{"pass": true, "score": "0.8"}', error: /expected "score" in 0\.\.1, got "0\.8"/ },
  ])('rejects $text', ({ text, error }) => {
    const parsed = parseGraderVerdict(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(error);
  });
});
