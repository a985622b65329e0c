/**
 * The bare client the run bench compares with: N chat requests, C at a time, through one undici Pool, each body
 * read and parsed, and nothing else. A whole process, like the tool's: `node bench/bare-client.mjs URL N C`.
 */
import { Pool } from 'undici';

const [url, n, c] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
const base = new URL(url);
const pool = new Pool(base.origin, { connections: c });
const headers = { authorization: 'Bearer bench', 'content-type': 'application/json' };
let next = 0;
await Promise.all(
  Array.from({ length: c }, async () => {
    while (next < n) {
      const i = next++;
      const body = JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: `What is the capital of Country${i}?` }], seed: i, temperature: 0 });
      const response = await pool.request({ method: 'POST', path: `${base.pathname}/chat/completions`, headers, body });
      await response.body.json();
    }
  }),
);
await pool.close();
