/** XML 1.0 escaping for the JUnit report. */

// Characters XML 1.0 forbids even as references (C0 controls but tab, newline and return; U+FFFE/U+FFFF; lone
// surrogates). With the `u` flag a lone surrogate is one code point outside every allowed range.
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text content: forbidden characters dropped, markup characters escaped. */
export function escapeXmlText(text: string): string {
  return text.replace(FORBIDDEN, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * An attribute value for double quotes. Tabs and line breaks become character references because parsers
 * normalise literal ones in attributes to spaces.
 */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text)
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}
