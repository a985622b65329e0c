/**
 * Measures one whole node process, as users run a command: wall time from spawn to exit, CPU time and peak RSS
 * (read inside the child by bench/process-probe.cjs). Shared by the data-size benches.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const probe = fileURLToPath(new URL('./process-probe.cjs', import.meta.url));

/**
 * Runs `node [...nodeFlags] ...args` and resolves with { seconds, cpuSeconds, maxRssMiB, code, stdout }.
 * `okCodes` are the exit codes that count as success (compare exits 1 on a regression); `env` is added to ours.
 */
export async function measureProcess(args, { nodeFlags = [], okCodes = [0], cwd, env = {} } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'ote-bench-probe-'));
  const file = join(dir, 'probe.json');
  try {
    const started = performance.now();
    const { code, stdout, stderr } = await new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [...nodeFlags, '--require', probe, ...args], { cwd, env: { ...process.env, ...env, OTE_BENCH_PROBE: file }, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.setEncoding('utf8').on('data', (text) => (out += text));
      child.stderr.setEncoding('utf8').on('data', (text) => (err += text));
      child.on('error', reject);
      child.on('close', (exitCode) => resolve({ code: exitCode, stdout: out, stderr: err }));
    });
    const seconds = (performance.now() - started) / 1000;
    if (!okCodes.includes(code)) throw new Error(`${args.join(' ')} exited with ${code}: ${stderr.trim().split('\n').slice(-3).join(' ')}`);
    const { maxRssMiB, cpuSeconds } = JSON.parse(await readFile(file, 'utf8'));
    return { seconds, cpuSeconds, maxRssMiB, code, stdout };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The one-minute load average, two decimals. */
export function load() {
  return loadavg()[0].toFixed(2);
}

/** The median of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
