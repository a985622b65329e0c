/** The built mock server in a process of its own, so that its CPU and memory are not counted with what is measured. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Starts `dist/mock/main.js` answering after `latencyMs`; resolves with its URL and a stop function. */
export async function startMockProcess(latencyMs) {
  const child = spawn(process.execPath, [join(root, 'dist/mock/main.js'), '--port', '0', '--latency-ms', String(latencyMs), '--no-log'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (chunk) => {
      text += chunk;
      if (text.includes('\n')) resolve(text.split('\n')[0].trim());
    });
    child.on('exit', (code) => reject(new Error(`mock server exited with ${code}`)));
  });
  return { url, stop: () => new Promise((resolve) => { child.once('exit', resolve); child.kill('SIGTERM'); }) };
}
