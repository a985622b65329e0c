import { test } from 'vitest';
import { request, Agent, Pool } from 'undici';
import { startMockServer } from '../../src/mock/index.js';
import { createClient } from '../../src/client/index.js';

const N = 4000;
async function runLoop(concurrency: number, fn: (i: number) => Promise<unknown>) {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => { while (next < N) { const i = next++; await fn(i); } }));
  return N / ((performance.now() - t0) / 1000);
}
test('bench', async () => {
  const mock = await startMockServer({ keepRequestLog: false });
  const body = (i: number) => JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: `What is the capital of France? ${i}` }] });
  for (const conc of [1, 16, 64]) {
    const agent = new Agent({ connections: 64 });
    const client = createClient({ baseUrl: mock.url, apiKey: 'k', connections: 64 });
    const bare = async (i: number) => { const r = await request(`${mock.url}/chat/completions`, { method: 'POST', dispatcher: agent, headers: { authorization: 'Bearer k', 'content-type': 'application/json' }, body: body(i) }); return JSON.parse(await r.body.text()); };
    const ours = (i: number) => client.complete({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: `What is the capital of France? ${i}` }] }, { cellId: String(i) });
    await runLoop(conc, bare); await runLoop(conc, ours);
    const results: number[][] = [[], []];
    for (let r = 0; r < 7; r++) { results[0].push(await runLoop(conc, bare)); results[1].push(await runLoop(conc, ours)); }
    const med = (a: number[]) => [...a].sort((x, y) => x - y)[3]; const b = med(results[0]), o = med(results[1]);
    console.log(`conc=${conc} bare=${b.toFixed(0)}/s ours=${o.toFixed(0)}/s ratio=${(o / b).toFixed(3)}`);
    await client.close(); await agent.close();
  }
  await mock.close();
}, 300_000);
