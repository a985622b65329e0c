import { defineKind, kindSchema } from '../kind.js';
import { readJsonAnswer } from '../json-answer.js';
import { compileJsonSchema, describeSchemaErrors } from '../json-schema-validator.js';
import { quote } from '../reason-text.js';

const description = "the answer is JSON valid against the request's response_format json_schema";

/**
 * `matches-response-format`: the answer validates against the schema the request declared in
 * `response_format: {type: json_schema, json_schema: {schema}}`, so the schema is written once. A request
 * without one makes the assertion an error, not a pass.
 */
export const matchesResponseFormat = defineKind({
  type: 'matches-response-format',
  description,
  schema: kindSchema('matches-response-format', description, {}),
  score(answer) {
    if (answer.responseSchema === null) {
      throw new Error('matches-response-format needs a request with response_format {type: json_schema, json_schema: {schema}}');
    }
    const json = readJsonAnswer(answer.output);
    if (!json.ok) {
      return { holds: false, expected: 'to be JSON matching the response format', got: `${json.problem}: ${quote(answer.output)}`, held: '', missed: `is not valid JSON: ${json.problem}` };
    }
    const validate = compileJsonSchema(answer.responseSchema);
    const holds = validate(json.value) === true;
    const errors = holds ? '' : describeSchemaErrors(validate.errors ?? []);
    return {
      holds,
      expected: 'to be JSON matching the response format',
      got: errors,
      held: 'matches the response format',
      missed: `does not match the response format: ${errors}`,
    };
  },
});
