/**
 * Image files named by message parts (`{type: image, file: images/receipt.png}`): read relative to the suite when
 * it loads, checked by their magic bytes (PNG, JPEG, WebP or GIF, what the API reads) and their size (under
 * 20 MiB, the API's limit), and hashed into the suite hash. A path with `{{ var }}` names one image per case,
 * so it is rendered and checked for every case that meets it, with a problem reported at that case.
 */
import { createHash } from 'node:crypto';
import type { SourceIssue } from '../errors.js';
import type { SourceFiles } from './source-files.js';
import { lookupVariable, renderTemplate, templateVariables } from './template.js';
import type { CaseSpec, ImageAsset, MessageContent, PromptSpec, SourcePosition } from './types.js';

/** The API's limit on one image. */
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

/** The media type of image bytes by their signature, or null for anything else. */
export function imageMediaType(bytes: Uint8Array): string | null {
  const starts = (...signature: number[]) => signature.every((byte, index) => bytes[index] === byte);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x47, 0x49, 0x46, 0x38) && (bytes[4] === 0x37 || bytes[4] === 0x39) && bytes[5] === 0x61) return 'image/gif';
  // RIFF....WEBP
  if (starts(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45 && bytes[10] === 0x42 && bytes[11] === 0x50) return 'image/webp';
  return null;
}

/** The image file paths of a content, as written (possibly templated). */
export function imageFilesOf(content: MessageContent): string[] {
  if (typeof content === 'string') return [];
  return content.flatMap((part) => (part.type === 'image' ? [part.file] : []));
}

/**
 * Reads every image the prompts and the cases' turns use into `images`; problems become issues at the prompt
 * (a fixed path) or at the case (a path rendered with its variables).
 */
export function loadImages(prompts: PromptSpec[], cases: CaseSpec[], files: SourceFiles, issues: SourceIssue[]): Map<string, ImageAsset> {
  const images = new Map<string, ImageAsset>();
  const failed = new Set<string>();
  const load = (file: string, position: SourcePosition, path: string) => {
    if (images.has(file) || failed.has(file)) return;
    const asset = readImage(file, files, position, path, issues);
    if (asset) images.set(file, asset);
    else failed.add(file);
  };
  const templated: { file: string; prompt: PromptSpec | null }[] = [];
  prompts.forEach((prompt) => {
    for (const [index, message] of prompt.messages.entries()) {
      if (typeof message.content === 'string') continue;
      message.content.forEach((part, partIndex) => {
        if (part.type !== 'image') return;
        if (templateVariables(part.file).length > 0) templated.push({ file: part.file, prompt });
        else load(part.file, prompt.position, `prompt "${prompt.id}".messages[${index}].content[${partIndex}].file`);
      });
    }
  });
  for (const testCase of cases) {
    const own = testCase.turns.flatMap((turn) => imageFilesOf(turn.content));
    for (const file of [...templated.map((item) => item.file), ...own]) {
      // An undefined variable is reported by the template check; there is no path to read here.
      if (!templateVariables(file).every((name) => lookupVariable(testCase.vars, name).found)) continue;
      load(renderTemplate(file, testCase.vars), testCase.position, `case "${testCase.id}"`);
    }
  }
  return images;
}

/** Reads and checks one image; null after reporting a problem. */
function readImage(file: string, files: SourceFiles, position: SourcePosition, path: string, issues: SourceIssue[]): ImageAsset | null {
  // A FIFO, a device (/dev/zero), a path leading out of the suite's directory or a file far above the API's
  // limit is refused before it is read, like any other referenced file.
  const read = files.readBytes(file, MAX_IMAGE_BYTES);
  if ('problem' in read) {
    issues.push({ ...position, path, message: `image ${file}: ${read.problem}: ${read.file}` });
    return null;
  }
  const bytes = read.bytes;
  const mediaType = imageMediaType(bytes);
  if (mediaType === null) {
    issues.push({ ...position, path, message: `image ${file}: expected a PNG, JPEG, WebP or GIF file, got other bytes` });
    return null;
  }
  if (bytes.length >= MAX_IMAGE_BYTES) {
    issues.push({ ...position, path, message: `image ${file}: ${bytes.length} bytes, expected under 20 MiB (${MAX_IMAGE_BYTES} bytes)` });
    return null;
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  files.texts.push(`${file}\0sha256:${sha256}`);
  return { file, sha256, bytes: bytes.length, mediaType, dataUrl: `data:${mediaType};base64,${bytes.toString('base64')}` };
}
