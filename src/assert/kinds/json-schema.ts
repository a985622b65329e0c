import { z } from 'zod';
import { defineKind, kindSchema } from '../kind.js';
import { readJsonAnswer } from '../json-answer.js';
import { compileJsonSchema, describeSchemaErrors, jsonSchemaProblem } from '../json-schema-validator.js';
import { quote } from '../reason-text.js';

const description = 'the answer (or its ```json block) is JSON valid against the JSON Schema in value';

/** `json-schema`: the answer's JSON (see `is-json`) validates against the inline JSON Schema `value`. */
export const jsonSchema = defineKind({
  type: 'json-schema',
  description,
  schema: kindSchema('json-schema', description, {
    value: z
      .record(z.string(), z.unknown())
      .describe('an inline JSON Schema (draft-07, or 2020-12 when $schema says so)')
      .superRefine((schema, ctx) => {
        // Compiled when the suite is loaded, so a broken schema fails before any request is spent.
        const problem = jsonSchemaProblem(schema);
        if (problem !== undefined) ctx.addIssue({ code: 'custom', message: `invalid JSON Schema: ${problem}` });
      }),
  }),
  score(answer, spec) {
    const json = readJsonAnswer(answer.output);
    if (!json.ok) {
      return { holds: false, expected: 'to be JSON matching the schema', got: `${json.problem}: ${quote(answer.output)}`, held: '', missed: `is not valid JSON: ${json.problem}` };
    }
    const validate = compileJsonSchema(spec.value);
    const holds = validate(json.value) === true;
    const errors = holds ? '' : describeSchemaErrors(validate.errors ?? []);
    const source = json.fromFence ? ' (taken from a fenced json block)' : '';
    return {
      holds,
      expected: 'to be JSON matching the schema',
      got: `${errors}${source}`,
      held: `matches the schema${source}`,
      missed: `does not match the schema: ${errors}${source}`,
    };
  },
  shorthand(argument) {
    try {
      return { value: JSON.parse(argument) as unknown };
    } catch {
      return { value: argument };
    }
  },
});
