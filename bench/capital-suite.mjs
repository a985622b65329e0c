/** The suite the run benches send: one prompt, one model, `cases` capital questions from a CSV, one cheap assertion. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Writes `data-<cases>.csv` and `suite-<cases>.yaml` into `dir`; returns the suite's path. */
export function writeCapitalSuite(dir, cases) {
  const rows = ['country'];
  for (let i = 0; i < cases; i++) rows.push(`Country${i}`);
  writeFileSync(join(dir, `data-${cases}.csv`), `${rows.join('\n')}\n`);
  const suite = join(dir, `suite-${cases}.yaml`);
  writeFileSync(suite, [
    `name: bench-${cases}`,
    'models: [gpt-4o-mini]',
    'defaults: { temperature: 0 }',
    'prompts:',
    '  - id: capital',
    '    template: "What is the capital of {{ country }}?"',
    'cases:',
    `  - file: data-${cases}.csv`,
    'assert:',
    '  - type: length',
    '    max: 400',
    '',
  ].join('\n'));
  return suite;
}
