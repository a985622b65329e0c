import { describe, expect, test } from 'vitest';
import { codeBlock, codeSpan, escapeInline } from '../../../src/report/text/markdown.js';

describe('markdown escaping', () => {
  test.each([
    { text: 'a | b', expected: 'a \\| b' },
    { text: 'line\r\nbreak\nhere', expected: 'line break here' },
    { text: '<img src=x onerror=alert(1)>', expected: '\\<img src=x onerror=alert(1)\\>' },
    { text: '*bold* _it_ `code` [link](x) ~strike~ #tag &amp;', expected: '\\*bold\\* \\_it\\_ \\`code\\` \\[link\\](x) \\~strike\\~ \\#tag \\&amp;' },
  ])('escapes "$text" for a table cell', ({ text, expected }) => {
    expect(escapeInline(text)).toBe(expected);
  });

  test.each([
    { text: 'plain', expected: '`plain`' },
    { text: 'a`b', expected: '``a`b``' },
    { text: '`edge`', expected: '`` `edge` ``' },
  ])('wraps "$text" in a code span that holds it', ({ text, expected }) => {
    expect(codeSpan(text)).toBe(expected);
  });

  test('fences a block with more backticks than the text holds', () => {
    expect(codeBlock('x\n````\ny')).toBe('`````text\nx\n````\ny\n`````');
    expect(codeBlock('a\r\nb')).toBe('```text\na\nb\n```');
  });
});
