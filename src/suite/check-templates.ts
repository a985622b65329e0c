/**
 * Every `{{ var }}` a prompt or an assertion uses must be defined by every case it meets: an undefined variable
 * would otherwise become an empty string in a paid request.
 */
import type { SourceIssue } from '../errors.js';
import { contentTemplates } from './message-content.js';
import { deepTemplateVariables, lookupVariable, templateVariables } from './template.js';
import type { CaseSpec, PromptSpec } from './types.js';
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

/** Undefined variables per prompt × case, reported at the case. At most `limit` issues, then a count. */
export function checkTemplates(prompts: PromptSpec[], cases: CaseSpec[], suiteAssert: AssertionSpec[], limit = 50): SourceIssue[] {
  const issues: SourceIssue[] = [];
  let hidden = 0;
  const suiteVars = [...deepTemplateVariables(suiteAssert)];
  const promptVars = prompts.map((prompt) => {
    const names = new Set<string>();
    for (const message of prompt.messages) for (const text of contentTemplates(message.content)) for (const name of templateVariables(text)) names.add(name);
    deepTemplateVariables(prompt.assert, names);
    for (const name of suiteVars) names.add(name);
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
