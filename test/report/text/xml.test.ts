import { describe, expect, test } from 'vitest';
import { escapeXmlAttribute, escapeXmlText } from '../../../src/report/text/xml.js';

describe('XML escaping', () => {
  test.each([
    { text: 'a < b && c > d', expected: 'a &lt; b &amp;&amp; c &gt; d' },
    { text: 'keep\ttab\nnewline\rreturn', expected: 'keep\ttab\nnewline\rreturn' },
    { text: 'nul\u0000bell\u0007esc\u001b', expected: 'nulbellesc' },
    { text: 'noncharacters\uFFFE\uFFFF', expected: 'noncharacters' },
    { text: 'lone\uD800surrogate\uDC00', expected: 'lonesurrogate' },
    { text: 'pair 😀 stays', expected: 'pair 😀 stays' },
  ])('writes "$text" as text content', ({ text, expected }) => {
    expect(escapeXmlText(text)).toBe(expected);
  });

  test('writes quotes and whitespace of attributes as references', () => {
    expect(escapeXmlAttribute('say "hi"\n\tnow\r')).toBe('say &quot;hi&quot;&#10;&#9;now&#13;');
  });
});
