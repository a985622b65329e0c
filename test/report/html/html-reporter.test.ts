import { describe, expect, test } from 'vitest';
import { CONTENT_SECURITY_POLICY, renderHtmlReport, SummaryBuilder } from '../../../src/report/index.js';
import { JUDGMENT_REASON_CHARS } from '../../../src/report/html/page-data.js';
import type { PageBaseline } from '../../../src/report/index.js';
import type { CellRecord, JudgmentRecord } from '../../../src/run/index.js';
import { indexed, makeCell, makeErroredCell, makeMeta } from '../records.js';

/** Renders a page from records the way writeReports does, in memory. */
function render(records: CellRecord[], baseline: PageBaseline | null = null, maxChars = 4000, judgments: JudgmentRecord[] = []): string {
  const meta = makeMeta();
  const reporter = renderHtmlReport(meta, { htmlMaxOutputChars: maxChars, htmlBaseline: baseline, pairwise: { judgments } });
  const builder = new SummaryBuilder(meta);
  let text = reporter.start?.() ?? '';
  for (const record of records) {
    builder.add(record);
    text += reporter.cell(record).text ?? '';
  }
  const ending = reporter.end(builder.finish().summary);
  return text + ending.before + ending.after;
}

/** The JSON of one data block, parsed; for `ote-cells`, the cells of every cells block in order. */
function block(html: string, id: string): unknown {
  if (id === 'ote-cells' || id === 'ote-judgments') {
    return [...html.matchAll(new RegExp(`<script type="application/json" class="${id}">([\\s\\S]*?)</script>`, 'g'))].flatMap((match) => JSON.parse(match[1]!) as unknown[]);
  }
  const match = new RegExp(`<script type="application/json" id="${id}">([\\s\\S]*?)</script>`).exec(html);
  if (!match) throw new Error(`no block ${id}`);
  return JSON.parse(match[1]!);
}

/** A judgment of the mini/big pair on one row, judged both ways with these reasons. */
function judgment(overrides: Partial<JudgmentRecord> = {}): JudgmentRecord {
  return {
    id: 'capital/france/mini~big#0', index: 0, prompt: 'capital', case: 'france', repeat: 0, modelA: 'mini', modelB: 'big',
    cellA: 'capital/france/mini#0', cellB: 'capital/france/big#0', winner: 'b',
    verdicts: [{ order: 'ab', better: 'second', reason: 'big names the city' }, { order: 'ba', better: 'first', reason: 'big is right' }],
    graderCalls: [{ model: 'judge', requestHash: 'h', cached: false, usage: null, cost: null, latencyMs: 5, error: null }], error: null,
    ...overrides,
  };
}

const hostile = ['</script><script>alert(1)</script>', '<!--<script>', '<img src=x onerror=alert(1)>', '</SCRIPT >', '\u2028\u2029'];

describe('renderHtmlReport', () => {
  test('keeps every hostile output inside its data block and gives it back unchanged', () => {
    const records = indexed(hostile.map((output, i) => makeCell({ case: `c${i}`, output, messages: [{ role: 'user', content: output }] })));
    const html = render(records);
    // Exactly the page's own script elements: four data blocks and the page script.
    expect(html.match(/<script/gi)).toHaveLength(5);
    expect(html.match(/<\/script/gi)).toHaveLength(5);
    expect(html).not.toContain('<img');
    const cells = block(html, 'ote-cells') as { output: { text: string }; messages: { content: { text: string } }[] }[];
    expect(cells.map((cell) => cell.output.text)).toEqual(hostile);
    expect(cells.map((cell) => cell.messages[0]!.content.text)).toEqual(hostile);
  });

  test('splits the cells into blocks of about 64 KiB, written in ASCII, that join up to every cell', () => {
    const records = indexed(Array.from({ length: 400 }, (_, i) => makeCell({ case: `c${i}`, output: `Ответ ${i} 😀 ${'x'.repeat(400)}` })));
    const html = render(records);
    expect(html.match(/class="ote-cells"/g)!.length).toBeGreaterThan(2);
    expect(/[^\x00-\x7f]/.test(html.slice(html.indexOf('class="ote-cells"'), html.indexOf('id="ote-summary"')))).toBe(false);
    const cells = block(html, 'ote-cells') as { index: number; output: { text: string } }[];
    expect(cells.map((cell) => cell.index)).toEqual(records.map((record) => record.index));
    expect(cells[7]!.output.text).toBe(records[7]!.output);
  });

  test('cuts long outputs for the page and records the whole length', () => {
    const output = `${'a'.repeat(9)}😀tail`;
    const html = render(indexed([makeCell({ output })]), null, 10);
    const [cell] = block(html, 'ote-cells') as { output: { text: string; chars: number } }[];
    // A cut never splits the surrogate pair of the emoji at the boundary.
    expect(cell!.output).toEqual({ text: 'a'.repeat(9), chars: output.length });
  });

  test('writes a cell\'s messages only when they differ from the previous cell\'s', () => {
    const records = indexed([makeCell({ model: 'mini' }), makeCell({ model: 'big' }), makeCell({ case: 'spain', model: 'mini', messages: [{ role: 'user', content: 'Spain?' }] })]);
    const cells = block(render(records), 'ote-cells') as { messages?: unknown }[];
    expect(cells.map((cell) => cell.messages !== undefined)).toEqual([true, false, true]);
  });

  test('embeds the summary, the baseline and a policy that forbids every request', () => {
    const records = indexed([makeCell(), makeErroredCell({ model: 'big' })]);
    const html = render(records);
    expect(block(html, 'ote-summary')).toMatchObject({ cells: 2, passed: 1, errored: 1 });
    expect(block(html, 'ote-baseline')).toBeNull();
    expect(block(html, 'ote-run')).toMatchObject({ suite: { name: 'capitals' }, models: ['mini', 'big'], isMock: false, maxOutputChars: 4000 });
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`);
    expect(CONTENT_SECURITY_POLICY).toMatch(/default-src 'none'/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/connect-src 'none'/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe/);
  });

  test('lists each judgment compactly in its own blocks: row, models, outcome and cut reasons, no ids or grader calls', () => {
    const records = indexed([makeCell({ model: 'mini' }), makeCell({ model: 'big' })]);
    const long = 'why '.repeat(1000);
    const html = render(records, null, 4000, [judgment(), judgment({ id: 'x', index: 1, repeat: 1, winner: 'tie', verdicts: [{ order: 'ab', better: 'first', reason: long }, { order: 'ba', better: null, reason: null }] })]);
    expect(block(html, 'ote-judgments')).toEqual([
      {
        prompt: 'capital', case: 'france', repeat: 0, modelA: 'mini', modelB: 'big', winner: 'b', error: null,
        verdicts: [{ order: 'ab', better: 'second', reason: { text: 'big names the city', chars: 18 } }, { order: 'ba', better: 'first', reason: { text: 'big is right', chars: 12 } }],
      },
      {
        prompt: 'capital', case: 'france', repeat: 1, modelA: 'mini', modelB: 'big', winner: 'tie', error: null,
        verdicts: [{ order: 'ab', better: 'first', reason: { text: long.slice(0, JUDGMENT_REASON_CHARS), chars: long.length } }, { order: 'ba', better: null, reason: null }],
      },
    ]);
    // The judgments come after the cells and before the summary.
    expect(html.indexOf('class="ote-judgments"')).toBeGreaterThan(html.lastIndexOf('class="ote-cells"'));
    expect(html.indexOf('class="ote-judgments"')).toBeLessThan(html.indexOf('id="ote-summary"'));
  });

  test('keeps hostile judge reasons and errors inside the judgments block and gives them back unchanged', () => {
    const judgments = hostile.map((text, i) => judgment({ index: i, repeat: i, winner: null, verdicts: [{ order: 'ab', better: null, reason: text }], error: text }));
    const html = render(indexed([makeCell()]), null, 4000, judgments);
    // Four data blocks, one judgments block and the page script.
    expect(html.match(/<script/gi)).toHaveLength(6);
    expect(html.match(/<\/script/gi)).toHaveLength(6);
    expect(html).not.toContain('<img');
    const parsed = block(html, 'ote-judgments') as { verdicts: { reason: { text: string } }[]; error: { text: string } }[];
    expect(parsed.map((item) => item.verdicts[0]!.reason.text)).toEqual(hostile);
    expect(parsed.map((item) => item.error.text)).toEqual(hostile);
  });

  test('splits many judgments into blocks of about 64 KiB and writes no judgments block for a run without them', () => {
    const many = Array.from({ length: 300 }, (_, i) => judgment({ index: i, case: `c${i}`, verdicts: [{ order: 'ab', better: 'first', reason: `Причина ${i} ${'x'.repeat(400)}` }] }));
    const html = render(indexed([makeCell()]), null, 4000, many);
    expect(html.match(/class="ote-judgments"/g)!.length).toBeGreaterThan(1);
    expect((block(html, 'ote-judgments') as { case: string }[]).map((item) => item.case)).toEqual(many.map((item) => item.case));
    expect(/[^\x00-\x7f]/.test(html.slice(html.indexOf('class="ote-judgments"'), html.indexOf('id="ote-summary"')))).toBe(false);
    expect(render(indexed([makeCell()]))).not.toContain('class="ote-judgments"');
  });

  test('writes only the run facts the header shows, not the plan options of run.json', () => {
    const meta = makeMeta({ plan: { models: null, filter: 'do-not-show', shard: null, repeat: null } });
    const reporter = renderHtmlReport(meta, { htmlMaxOutputChars: 4000, htmlBaseline: null });
    expect(reporter.start?.()).not.toContain('do-not-show');
  });
});
