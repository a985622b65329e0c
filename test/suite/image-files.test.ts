import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/plan/index.js';
import { loadSuite } from '../../src/suite/index.js';
import { imageMediaType, MAX_IMAGE_BYTES } from '../../src/suite/image-files.js';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadError, writeTempFiles } from './suite-fixture.js';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

/** A suite whose one prompt sends `file` (which may use `{{ picture }}`) to each case. */
function imageSuite(file: string, pictures: string[] = ['a.png']): string {
  const cases = pictures.map((picture) => `  - vars: { picture: ${picture} }`).join('\n');
  return `name: images\nmodels: [gpt-4o-mini]\nprompts:\n  - id: p\n    messages:\n      - role: user\n        content:\n          - { type: text, text: "What is this?" }\n          - { type: image, file: "${file}", detail: low }\ncases:\n${cases}\n`;
}

describe('image files', () => {
  it.each([
    { name: 'PNG', bytes: PNG, type: 'image/png' },
    { name: 'JPEG', bytes: [0xff, 0xd8, 0xff, 0xe0, 0, 0x10], type: 'image/jpeg' },
    { name: 'GIF89a', bytes: [...Buffer.from('GIF89a'), 1, 0], type: 'image/gif' },
    { name: 'GIF87a', bytes: [...Buffer.from('GIF87a'), 1, 0], type: 'image/gif' },
    { name: 'WebP', bytes: [...Buffer.from('RIFF'), 0, 0, 0, 0, ...Buffer.from('WEBPVP8 ')], type: 'image/webp' },
    { name: 'a text file', bytes: [...Buffer.from('name,city\n')], type: null },
    { name: 'a RIFF file that is not WebP', bytes: [...Buffer.from('RIFF'), 0, 0, 0, 0, ...Buffer.from('WAVE')], type: null },
    { name: 'an empty file', bytes: [], type: null },
  ])('recognises $name by its magic bytes', ({ bytes, type }) => {
    expect(imageMediaType(Uint8Array.from(bytes))).toBe(type);
  });

  it('records an image as a reference in the request and the cache key, and hashes its bytes into the suite hash', () => {
    const temp = writeTempFiles({ 'suite.yaml': imageSuite('a.png'), 'a.png': PNG });
    try {
      const suite = loadSuite(join(temp.dir, 'suite.yaml'));
      const cell = buildPlan(suite).cellAt(0);
      const part = (cell.request.messages[0]!.content as unknown[])[1];
      expect(part).toEqual({ type: 'image', file: 'a.png', sha256: suite.images.get('a.png')!.sha256, bytes: PNG.length, detail: 'low' });
      expect(cell.requestKey).toContain(suite.images.get('a.png')!.sha256);
      expect(cell.requestKey).not.toContain('base64');
      expect(cell.images.get(suite.images.get('a.png')!.sha256)).toBe(`data:image/png;base64,${Buffer.from(PNG).toString('base64')}`);

      const changed = writeTempFiles({ 'suite.yaml': imageSuite('a.png'), 'a.png': Uint8Array.from([...PNG, 1]) });
      try {
        const other = loadSuite(join(changed.dir, 'suite.yaml'));
        expect(other.hash).not.toBe(suite.hash);
        expect(buildPlan(other).cellAt(0).requestKey).not.toBe(cell.requestKey);
      } finally {
        changed.remove();
      }
    } finally {
      temp.remove();
    }
  });

  it('reads one image per case when the path uses a variable', () => {
    const temp = writeTempFiles({ 'suite.yaml': imageSuite('{{ picture }}', ['a.png', 'b.png']), 'a.png': PNG, 'b.png': Uint8Array.from([...PNG, 7]) });
    try {
      const plan = buildPlan(loadSuite(join(temp.dir, 'suite.yaml')));
      const files = [0, 1].map((index) => (plan.cellAt(index).request.messages[0]!.content as { file?: string }[])[1]!.file);
      expect(files).toEqual(['a.png', 'b.png']);
    } finally {
      temp.remove();
    }
  });

  it('refuses an image of 20 MiB or more before any request', () => {
    const big = new Uint8Array(MAX_IMAGE_BYTES);
    big.set(PNG);
    const temp = writeTempFiles({ 'suite.yaml': imageSuite('big.png'), 'big.png': big });
    try {
      const error = loadError(join(temp.dir, 'suite.yaml'));
      expect(error.issues).toHaveLength(1);
      expect(error.issues[0]!.message).toBe(`image big.png: ${MAX_IMAGE_BYTES} bytes, expected under 20 MiB (${MAX_IMAGE_BYTES} bytes)`);
    } finally {
      temp.remove();
    }
  });

  it('refuses an image that is /dev/zero (through a symlink) without reading it, and one above the limit before reading it', () => {
    const temp = writeTempFiles({ 'suite.yaml': imageSuite('{{ picture }}', ['zero.png', 'huge.png']) });
    try {
      symlinkSync('/dev/zero', join(temp.dir, 'zero.png'));
      const huge = join(temp.dir, 'huge.png');
      writeFileSync(huge, PNG);
      // A sparse 4 GiB file: refused by its size, never read into memory.
      execFileSync('truncate', ['-s', '4G', huge]);
      const messages = loadError(join(temp.dir, 'suite.yaml'), { allowOutsidePaths: true }).issues.map((issue) => issue.message);
      expect(messages).toEqual([
        expect.stringMatching(/^image zero\.png: not a regular file \(a FIFO, socket or device\), expected a file: /),
        expect.stringMatching(/^image huge\.png: file is 4294967296 bytes, above the limit of \d+ bytes: /),
      ]);
    } finally {
      temp.remove();
    }
  });

  it('refuses an image path that leaves the suite\'s directory unless outside paths are allowed', () => {
    const outside = writeTempFiles({ 'secret.png': PNG });
    const temp = writeTempFiles({ 'suite.yaml': imageSuite('p.png') });
    try {
      symlinkSync(join(outside.dir, 'secret.png'), join(temp.dir, 'p.png'));
      const error = loadError(join(temp.dir, 'suite.yaml'));
      expect(error.issues.map((issue) => issue.message)).toEqual([expect.stringMatching(/^image p\.png: symlink leads outside the suite's directory; .* or pass .allowOutsidePaths.: /)]);
      expect(loadSuite(join(temp.dir, 'suite.yaml'), { allowOutsidePaths: true }).prompts).toHaveLength(1);
    } finally {
      temp.remove();
      outside.remove();
    }
  });
});
