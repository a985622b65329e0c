import { describe, expect, it } from 'vitest';
import { cacheInfo, clearCache, hashRequest, ResponseCache } from '../../src/run/cache.js';
import type { Completion } from '../../src/wire/index.js';
import { makeTempDir } from '../helpers/cli.js';

const completion: Completion = {
  content: 'Paris', toolCalls: [], finishReason: 'stop', usage: { promptTokens: 5, completionTokens: 1, totalTokens: 6 }, model: 'gpt-4o-mini',
  systemFingerprint: 'fp', responseId: 'id', requestId: 'req', citations: [], latencyMs: 12, ttftMs: null, attempts: 1,
};

describe('ResponseCache', () => {
  it('stores and returns a completion by request hash', () => {
    const dir = makeTempDir();
    const cache = new ResponseCache(dir.path);
    const hash = hashRequest('https://onetoken.one/v1', { model: 'm', messages: [], seed: 1 });
    expect(cache.get(hash)).toBeNull();
    cache.set(hash, completion);
    expect(cache.get(hash)).toEqual(completion);
    expect(cacheInfo(dir.path).entries).toBe(1);
    expect(clearCache(dir.path)).toBe(1);
    expect(cache.get(hash)).toBeNull();
    dir.remove();
  });

  it('keys requests canonically: key order does not matter, seeds and endpoints do', () => {
    const a = hashRequest('e', { model: 'm', seed: 1, messages: [{ role: 'user', content: 'q' }] });
    const b = hashRequest('e', { messages: [{ content: 'q', role: 'user' }], seed: 1, model: 'm' });
    expect(a).toBe(b);
    expect(hashRequest('e', { model: 'm', seed: 2, messages: [{ role: 'user', content: 'q' }] })).not.toBe(a);
    expect(hashRequest('other', { model: 'm', seed: 1, messages: [{ role: 'user', content: 'q' }] })).not.toBe(a);
  });

  it('treats a corrupt entry as a miss', async () => {
    const dir = makeTempDir();
    const cache = new ResponseCache(dir.path);
    cache.set('ab12', completion);
    const { writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    writeFileSync(join(dir.path, 'ab', 'ab12.json'), '{"version":1,"compl');
    expect(cache.get('ab12')).toBeNull();
    dir.remove();
  });

  it.each([
    ['content that is a number', { ...completion, content: 42 }],
    ['usage with a negative count', { ...completion, usage: { promptTokens: -1, completionTokens: 1, totalTokens: 0 } }],
    ['no citations list', { ...completion, citations: undefined }],
    ['a completion that is a string', 'Paris'],
  ])('treats a parsable entry with %s as a miss and names its file', async (_name, wrong) => {
    const { writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const dir = makeTempDir();
    const cache = new ResponseCache(dir.path);
    const invalid: string[] = [];
    cache.onInvalidEntry = (path) => invalid.push(path);
    cache.set('ab12', completion);
    writeFileSync(join(dir.path, 'ab', 'ab12.json'), JSON.stringify({ version: 1, completion: wrong }));
    expect(cache.get('ab12')).toBeNull();
    expect(invalid).toEqual([join(dir.path, 'ab', 'ab12.json')]);
    dir.remove();
  });

  it('clears only cache entries and never other files in the directory', async () => {
    const { writeFileSync, existsSync } = await import('node:fs');
    const { join } = await import('node:path');
    const dir = makeTempDir();
    const cache = new ResponseCache(dir.path);
    cache.set(hashRequest('e', { n: 1 }), completion);
    writeFileSync(join(dir.path, 'notes.txt'), 'keep me');
    expect(clearCache(dir.path)).toBe(1);
    expect(existsSync(join(dir.path, 'notes.txt'))).toBe(true);
    expect(cacheInfo(dir.path).entries).toBe(0);
    dir.remove();
  });

  it('refuses an unwritable cache directory before any request', () => {
    expect(() => new ResponseCache('/dev/null/cache').assertWritable()).toThrow(expect.objectContaining({ code: 'OTE_USAGE' }));
  });
});
