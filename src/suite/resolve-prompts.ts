/** Turns the prompt entries of a suite file into `PromptSpec`s, reading prompt files. */
import { LineCounter, parseDocument } from 'yaml';
import { basename, extname } from 'node:path';
import type { AssertionSpec } from '../assert/index.js';
import type { SourceIssue } from '../errors.js';
import { createPositionFinder, yamlSyntaxIssues, type PositionFinder } from './positions.js';
import { messageSchema } from './schema.js';
import type { SuiteFile } from './schema.js';
import type { SourceFiles } from './source-files.js';
import { contentTemplates } from './message-content.js';
import { findMalformedPlaceholder } from './template.js';
import { toolList } from './tool-files.js';
import { toSourceIssues } from './zod-issues.js';
import type { PromptMessage, PromptSpec } from './types.js';

/** Resolves prompts; duplicate ids and malformed placeholders become issues. */
export function resolvePrompts(file: SuiteFile, files: SourceFiles, positions: PositionFinder, issues: SourceIssue[]): PromptSpec[] {
  const prompts: PromptSpec[] = [];
  const seen = new Map<string, number>();
  file.prompts.forEach((entry, index) => {
    const position = positions.at(['prompts', index]);
    const path = `prompts[${index}]`;
    let prompt: PromptSpec | null = null;
    if (typeof entry === 'string') {
      const read = files.read(entry, position, path, issues);
      if (!read) return;
      const messages = parsePromptFile(read.file, read.text, position, path, issues);
      if (!messages) return;
      prompt = { id: basename(entry, extname(entry)), messages, assert: [], tools: [], toolResults: {}, maxToolRounds: null, transform: null, position };
    } else {
      const messages: PromptMessage[] = 'template' in entry ? [{ role: 'user', content: entry.template }] : entry.messages;
      prompt = {
        id: entry.id,
        messages,
        assert: (entry.assert ?? []) as AssertionSpec[],
        tools: toolList(entry.tools),
        toolResults: entry.tool_results ?? {},
        maxToolRounds: entry.max_tool_rounds ?? null,
        transform: entry.transform ?? null,
        position,
      };
    }
    const previous = seen.get(prompt.id);
    if (previous !== undefined) {
      issues.push({ ...positions.at(['prompts', index, 'id']), path: `${path}.id`, message: `duplicate prompt id "${prompt.id}" (also prompts[${previous}])` });
      return;
    }
    seen.set(prompt.id, index);
    prompt.messages.forEach((message, messageIndex) => {
      for (const text of contentTemplates(message.content)) {
        const bad = findMalformedPlaceholder(text);
        if (bad) issues.push({ ...position, path: `${path}.messages[${messageIndex}].content`, message: `malformed placeholder ${bad}: expected {{ name }} or {{ name.field }}` });
      }
    });
    prompts.push(prompt);
  });
  return prompts;
}

/** A prompt file: `.txt`/`.md` is one user message; `.yaml`/`.json` is a list of messages. */
function parsePromptFile(file: string, text: string, position: PromptSpec['position'], path: string, issues: SourceIssue[]): PromptMessage[] | null {
  const extension = extname(file).toLowerCase();
  if (extension !== '.yaml' && extension !== '.yml' && extension !== '.json') {
    if (text.trim() === '') {
      issues.push({ ...position, path, message: `prompt file ${file} is empty` });
      return null;
    }
    return [{ role: 'user', content: text.replace(/\r\n/g, '\n') }];
  }
  // Problems inside the file point into it (its line and column), worded as for an inline prompt.
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    issues.push(...yamlSyntaxIssues(file, document.errors, lineCounter));
    return null;
  }
  const value = document.toJS() as unknown;
  const isWrapped = value !== null && typeof value === 'object' && !Array.isArray(value);
  const list = isWrapped ? (value as { messages?: unknown }).messages : value;
  const parsed = messageSchema.array().min(1, 'expected a non-empty list of {role, content} messages').safeParse(list);
  if (!parsed.success) {
    const positions = createPositionFinder(file, document, lineCounter);
    const found = toSourceIssues(parsed.error.issues, list, positions, isWrapped ? ['messages'] : []);
    issues.push(...found.map((issue) => ({ ...issue, path: issue.path || (isWrapped ? 'messages' : '') })));
    return null;
  }
  return parsed.data as PromptMessage[];
}
