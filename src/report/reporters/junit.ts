/**
 * junit.xml for CI test tabs (GitHub, GitLab, Jenkins): one <testsuite> for the whole run, one <testcase> per
 * cell with classname `prompt/case` and name `model#repeat`. A failed cell carries <failure> with the reasons
 * of its failed assertions, an errored cell <error> with its error code; the output goes to <system-out>.
 * The suite's counts are only known at the end, so test cases are spooled and the header is written last.
 */
import type { CellRecord, RunMeta } from '../../run/index.js';
import { cellTranscript, failedAssertions } from '../text/transcript.js';
import { escapeXmlAttribute as attr, escapeXmlText as text } from '../text/xml.js';
import type { Reporter, ReportChunk, ReportEnding, RunSummary } from '../types.js';

/** Renders junit.xml. */
export function renderJunit(meta: RunMeta): Reporter {
  let totalMs = 0;
  return {
    cell(record: CellRecord): ReportChunk {
      totalMs += record.latencyMs ?? 0;
      return { spool: junitTestCase(record) };
    },
    end(summary: RunSummary): ReportEnding {
      const counts = `tests="${summary.cells}" failures="${summary.failed}" errors="${summary.errored}"`;
      const time = seconds(totalMs);
      const properties = [
        ['suite.path', meta.suite.path],
        ['suite.hash', meta.suite.hash],
        ['planHash', meta.planHash],
        ['tool.version', meta.tool.version],
        // `shard.index` is already 1-based (run.json records `--shard i/n` as given).
        ...(meta.shard ? [['shard', `${meta.shard.index}/${meta.shard.count}`]] : []),
        ['endpoint', meta.baseUrl],
        ['complete', String(summary.complete)],
      ]
        .map(([name, value]) => `      <property name="${attr(name)}" value="${attr(value)}"/>\n`)
        .join('');
      const before =
        '<?xml version="1.0" encoding="UTF-8"?>\n' +
        `<testsuites name="onetoken-eval" ${counts} time="${time}">\n` +
        `  <testsuite name="${attr(meta.suite.name)}" ${counts} skipped="0" time="${time}" timestamp="${attr(meta.startedAt)}">\n` +
        `    <properties>\n${properties}    </properties>\n`;
      return { before, withSpool: true, after: '  </testsuite>\n</testsuites>\n' };
    },
  };
}

/** One <testcase> element, indented for the suite. */
export function junitTestCase(record: CellRecord): string {
  const name = `${record.model}#${record.repeat}`;
  const head = `    <testcase classname="${attr(`${record.prompt}/${record.case}`)}" name="${attr(name)}" time="${seconds(record.latencyMs ?? 0)}"`;
  const body: string[] = [];
  if (record.pass === null) {
    const code = record.error?.code ?? 'OTE_INTERNAL';
    const message = record.error?.message ?? 'the cell has no answer and no recorded error';
    const status = record.error && record.error.status !== null ? `\nstatus: ${record.error.status}` : '';
    body.push(`      <error message="${attr(`${code}: ${message}`)}" type="${attr(code)}">${text(message + status)}</error>`);
  } else if (!record.pass) {
    const failed = failedAssertions(record);
    const lines = failed.map((assertion) => `${assertion.type}: ${assertion.reason}`);
    const message = lines[0] ?? `score ${record.score ?? 0} is below the pass threshold`;
    const summary = failed.length > 1 ? `${failed.length} assertions failed; first: ${message}` : message;
    body.push(`      <failure message="${attr(summary)}" type="assertion">${text(lines.join('\n') || message)}</failure>`);
  }
  const transcript = cellTranscript(record);
  if (transcript !== null) body.push(`      <system-out>${text(transcript)}</system-out>`);
  if (body.length === 0) return `${head}/>\n`;
  return `${head}>\n${body.join('\n')}\n    </testcase>\n`;
}

/** Milliseconds as the seconds JUnit's `time` attribute wants, three decimals. */
function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}
