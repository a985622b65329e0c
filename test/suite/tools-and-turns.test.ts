import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/plan/index.js';
import { loadSuite } from '../../src/suite/index.js';
import { loadError, writeTempFiles } from './suite-fixture.js';

describe('tools, canned results and turns in a suite', () => {
  it('merges tools by name (suite, model, prompt), renders turns and keeps the round limit', () => {
    const tool = (name: string, description: string) => `      - { type: function, function: { name: ${name}, description: ${description} } }\n`;
    const text =
      'name: t\nmax_tool_rounds: 2\ntools:\n' + tool('a', 'suite').replace(/^ {6}/, '  ') + tool('b', 'suite').replace(/^ {6}/, '  ') +
      'models:\n  - id: gpt-4o\n    tools:\n' + tool('b', 'model') +
      'prompts:\n  - id: p\n    template: "{{ q }}"\n    max_tool_rounds: 4\n    tools:\n' + tool('c', 'prompt') +
      '    tool_results: { a: x }\n' +
      'cases:\n  - vars: { q: hi, who: Ana }\n    tool_results: { a: y, b: z }\n    turns: ["Hi {{ who }}", { content: Bye, assert: [{ type: contains, value: "{{ who }}" }] }]\n';
    const temp = writeTempFiles({ 'suite.yaml': text });
    try {
      const cell = buildPlan(loadSuite(join(temp.dir, 'suite.yaml'))).cellAt(0);
      const tools = cell.request.tools as { function: { name: string; description: string } }[];
      expect(tools.map((item) => `${item.function.name}:${item.function.description}`)).toEqual(['a:suite', 'b:model', 'c:prompt']);
      expect(cell.toolResults).toEqual({ a: 'y', b: 'z' });
      expect(cell.maxToolRounds).toBe(4);
      expect(cell.request.messages.at(-1)).toEqual({ role: 'user', content: 'Hi Ana' });
      expect(cell.turns).toEqual([
        { content: 'Hi Ana', assertions: [] },
        { content: 'Bye', assertions: [{ type: 'contains', value: 'Ana' }] },
      ]);
    } finally {
      temp.remove();
    }
  });

  it('refuses a turn that uses a variable the case does not define', () => {
    const temp = writeTempFiles({ 'suite.yaml': 'name: t\nmodels: [gpt-4o]\nprompts:\n  - id: p\n    template: hello\ncases:\n  - id: c\n    turns: ["Hi {{ who }}"]\n' });
    try {
      expect(loadError(join(temp.dir, 'suite.yaml')).issues.map((issue) => issue.message)).toEqual([
        'prompt "p" uses {{ who }}, which this case does not define (it defines: nothing)',
      ]);
    } finally {
      temp.remove();
    }
  });
});
