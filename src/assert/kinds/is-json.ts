import { defineKind, kindSchema } from '../kind.js';
import { readJsonAnswer } from '../json-answer.js';
import { quote } from '../reason-text.js';

const description = 'the answer is JSON, or contains a ```json fenced block that is';

/** `is-json`: the whole answer parses as JSON, or else its first ```json fenced block does. */
export const isJson = defineKind({
  type: 'is-json',
  description,
  schema: kindSchema('is-json', description, {}),
  score(answer) {
    const json = readJsonAnswer(answer.output);
    return {
      holds: json.ok,
      expected: 'to be valid JSON',
      got: json.ok ? quote(answer.output) : `${json.problem}: ${quote(answer.output)}`,
      held: json.ok && json.fromFence ? 'is valid JSON, taken from a fenced json block' : 'is valid JSON',
      missed: json.ok ? 'is valid JSON' : `is not valid JSON: ${json.problem}`,
    };
  },
});
