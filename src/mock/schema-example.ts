/**
 * A deterministic value that fits a JSON Schema, for the mock's default tool arguments and structured answers.
 * Strings take the capitalised words of the user's message in turn (so "weather in Paris" gives `city: "Paris"`),
 * which makes the default answers plausible without any fixture; everything else takes a fixed, valid value.
 */

type Schema = Record<string, unknown>;

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Capitalised words of a text (not the first word of a sentence), in order: the likely names and places. */
export function properNouns(text: string): string[] {
  const words: string[] = [];
  for (const match of text.matchAll(/(^|[.!?]\s+|\s)([A-Z][\p{L}'-]*(?:\s+[A-Z][\p{L}'-]*)*)/gu)) {
    // The first word of a sentence is capitalised anyway, and "I" is no name.
    if (match[1] === '' || /[.!?]/.test(match[1]!) || match[2] === 'I') continue;
    words.push(match[2]!);
  }
  return words;
}

/** Hands out the proper nouns one by one, then a fallback. */
export class WordSource {
  private next = 0;
  constructor(private readonly words: readonly string[]) {}

  take(fallback: string): string {
    return this.words[this.next++] ?? fallback;
  }
}

/** A value valid against `schema` (the common keywords: type, enum, const, format, minimum, required, items). */
export function exampleFromSchema(schema: unknown, words: WordSource, name = 'value'): unknown {
  if (!isSchema(schema)) return {};
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type.find((item) => item !== 'null') : schema.type;
  switch (type) {
    case 'string':
      if (schema.format === 'date') return '2026-01-15';
      if (schema.format === 'date-time') return '2026-01-15T09:00:00Z';
      if (schema.format === 'email') return 'ana.silva@example.com';
      return words.take(`example ${name}`);
    case 'integer':
    case 'number':
      return typeof schema.minimum === 'number' ? schema.minimum : 1;
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'array':
      return [exampleFromSchema(schema.items, words, name)];
    default: {
      const properties = isSchema(schema.properties) ? schema.properties : {};
      const required = Array.isArray(schema.required) ? schema.required.filter((key): key is string => typeof key === 'string') : Object.keys(properties);
      const value: Record<string, unknown> = {};
      for (const key of required) value[key] = exampleFromSchema(properties[key], words, key);
      return value;
    }
  }
}
