/**
 * Every `{{ var }}` a prompt or an assertion uses must be defined by every case it meets: an undefined variable
 * would otherwise become an empty string in a paid request.
 */
import type { SourceIssue } from '../errors.js';
import { contentTemplates } from './message-content.js';
import { deepTemplateVariables, lookupVariable, templateVariables } from './template.js';
import type { CaseSpec, PromptSpec, SourcePosition } from './types.js';
import type { AssertionSpec } from '../assert/index.js';

/** Variables of each assertion spec object; data-file rows share one spec per distinct `__expected` text. */
const specVariables = new WeakMap<AssertionSpec, string[]>();

/** The variables a case's own assertions use, in order of first use. */
function caseAssertVariables(specs: AssertionSpec[]): string[] {
  if (specs.length === 0) return [];
  const names = new Set<string>();
  for (const spec of specs) {
    let found = specVariables.get(spec);
    if (found === undefined) {
      found = [...deepTemplateVariables(spec)];
      specVariables.set(spec, found);
    }
    for (const name of found) names.add(name);
  }
  return [...names];
}

/**
 * Undefined variables: those of a suite-level assertion at that assertion (one issue per assertion and variable,
 * naming the first case that lacks it), the rest per prompt × case at the case. At most `limit`, then a count.
 */
export function checkTemplates(prompts: PromptSpec[], cases: CaseSpec[], suiteAssert: AssertionSpec[], suiteAssertPositions: SourcePosition[] = [], limit = 50): SourceIssue[] {
  const issues: SourceIssue[] = [];
  let hidden = 0;
  suiteAssert.forEach((spec, index) => {
    for (const name of deepTemplateVariables(spec)) {
      const lacking = cases.filter((testCase) => !lookupVariable(testCase.vars, name).found);
      if (lacking.length === 0) continue;
      const first = lacking[0]!;
      const defined = Object.keys(first.vars);
      const more = lacking.length > 1 ? ` and ${lacking.length - 1} more case${lacking.length === 2 ? '' : 's'}` : '';
      issues.push({
        ...(suiteAssertPositions[index] ?? first.position),
        path: `assert[${index}]`,
        message: `this ${spec.type} assertion uses {{ ${name} }}, which case "${first.id}"${more} ${lacking.length === 1 ? 'does' : 'do'} not define (case "${first.id}" defines: ${defined.length ? defined.join(', ') : 'nothing'})`,
      });
    }
  });
  const promptVars = prompts.map((prompt) => {
    const names = new Set<string>();
    for (const message of prompt.messages) for (const text of contentTemplates(message.content)) for (const name of templateVariables(text)) names.add(name);
    deepTemplateVariables(prompt.assert, names);
    return [...names];
  });
  for (const spec of cases) {
    const caseVars = caseAssertVariables(spec.assert);
    // A conversation's turns and their assertions are templated with the case's variables too.
    for (const turn of spec.turns) {
      for (const text of contentTemplates(turn.content)) for (const name of templateVariables(text)) if (!caseVars.includes(name)) caseVars.push(name);
      for (const name of caseAssertVariables(turn.assert)) if (!caseVars.includes(name)) caseVars.push(name);
    }
    prompts.forEach((prompt, index) => {
      const names = caseVars.length === 0 ? promptVars[index]! : new Set([...promptVars[index]!, ...caseVars]);
      for (const name of names) {
        if (lookupVariable(spec.vars, name).found) continue;
        if (issues.length >= limit) {
          hidden++;
          continue;
        }
        const defined = Object.keys(spec.vars);
        issues.push({
          ...spec.position,
          path: `case "${spec.id}"`,
          message: `prompt "${prompt.id}" uses {{ ${name} }}, which this case does not define (it defines: ${defined.length ? defined.join(', ') : 'nothing'})`,
        });
      }
    });
  }
  if (hidden > 0) {
    const last = issues[issues.length - 1]!;
    issues.push({ ...last, path: '', message: `and ${hidden} more undefined variables` });
  }
  return issues;
}
