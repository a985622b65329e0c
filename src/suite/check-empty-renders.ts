/**
 * A prompt message that renders to nothing (`{{ question }}` with an empty `question` cell) would be sent as an
 * empty message and scored as if it were a question. It is legal, so it is a warning naming the case, which
 * `--strict` turns into an error.
 */
import type { SourceIssue } from '../errors.js';
import { renderTemplate, templateVariables } from './template.js';
import type { CaseSpec, MessageContent, PromptSpec } from './types.js';

/** The text a message sends, or null when it carries an image too (an image alone is never an empty message). */
function textOnly(content: MessageContent): string | null {
  if (typeof content === 'string') return content;
  return content.every((part) => part.type === 'text') ? content.map((part) => part.text).join('') : null;
}

/** Only messages with no text outside their placeholders can render empty; the rest are never rendered here. */
function canRenderEmpty(content: string): boolean {
  return content.replace(/\{\{[^}]*\}\}/g, '').trim() === '';
}

/** Warnings for prompt messages that render to an empty string, per case; at most `limit`, then a count. */
export function checkEmptyRenders(prompts: PromptSpec[], cases: CaseSpec[], limit = 50): SourceIssue[] {
  const warnings: SourceIssue[] = [];
  let hidden = 0;
  for (const prompt of prompts) {
    prompt.messages.forEach((message, index) => {
      const text = textOnly(message.content);
      if (text === null || !canRenderEmpty(text)) return;
      const isLiteral = templateVariables(text).length === 0;
      for (const spec of cases) {
        if (renderTemplate(text, spec.vars).trim() !== '') continue;
        if (warnings.length >= limit) {
          hidden++;
          continue;
        }
        const what = `prompt "${prompt.id}" message ${index + 1} (${message.role})`;
        warnings.push(
          isLiteral
            ? { ...prompt.position, path: `prompt "${prompt.id}"`, message: `${what} is empty for every case (first: case "${spec.id}"): give it content or remove it` }
            : { ...spec.position, path: `case "${spec.id}"`, message: `${what} renders to an empty string for this case (${templateVariables(text).map((name) => `{{ ${name} }}`).join(', ')} empty): fill the variable or drop the case` },
        );
        if (isLiteral) break;
      }
    });
  }
  if (hidden > 0) warnings.push({ ...warnings[warnings.length - 1]!, path: '', message: `and ${hidden} more empty renders` });
  return warnings;
}
