/**
 * The request body of a cell and its canonical JSON (the plan hash and cache key). A model's merged parameters
 * are compiled once per plan, and so is the canonical text around the parts that change per cell (messages and
 * seed): building the key is then a few concatenations instead of a sort and a walk per cell, which was most of
 * the time of planning 100,000 rows. The text is identical to `canonicalJson(request)`.
 */
import type { ChatRequest, ContentPart } from '../wire/index.js';
import { canonicalJson, renderTemplate } from '../suite/index.js';
import type { CaseSpec, ImageAsset, MessageContent, ModelSpec, PromptSpec, Suite, ToolSpec } from '../suite/index.js';
import { chooseSeed } from './seed.js';

/** A model's request parameters for one plan. */
export interface CompiledRequest {
  /** Sorted parameter keys (with `seed` unless omitted) and values. */
  entries: [string, unknown][];
  /** The seed in model params or suite defaults, which wins over the derived one. */
  explicitSeed: number | undefined;
  /** Canonical JSON before the messages, between messages and seed, and after the seed; null when a parameter shadows `model` or `messages`. */
  key: { head: string; middle: string; tail: string } | null;
}

/**
 * Merges defaults under model params, adds the tools of the suite, the model and the prompt, drops what the
 * model omits, and pre-renders the canonical key.
 */
export function compileRequest(suite: Suite, model: ModelSpec, prompt: PromptSpec): CompiledRequest {
  const params: Record<string, unknown> = { ...suite.defaults, ...model.params, seed: 0 };
  const tools = mergeTools([suite.tools, model.tools, prompt.tools]);
  if (tools.length > 0) params.tools = tools;
  for (const name of model.omit) delete params[name];
  const entries = Object.keys(params)
    .sort()
    .filter((key) => params[key] !== undefined)
    .map((key): [string, unknown] => [key, params[key]]);
  const explicitSeed = (model.params.seed as number | undefined) ?? (suite.defaults.seed as number | undefined);
  return { entries, explicitSeed, key: compileKey(model, entries) };
}

/**
 * The tools of a request: every level's list in order (suite, model, prompt); a later level's tool replaces an
 * earlier one of the same name in place, so a prompt can narrow a shared tool's description or schema.
 */
export function mergeTools(levels: ToolSpec[][]): ToolSpec[] {
  const byName = new Map<string, ToolSpec>();
  for (const level of levels) for (const tool of level) byName.set(tool.function.name, tool);
  return [...byName.values()];
}

function compileKey(model: ModelSpec, entries: [string, unknown][]): CompiledRequest['key'] {
  if (entries.some(([key]) => key === 'model' || key === 'messages')) return null;
  const members: [string, unknown][] = [...entries, ['messages', null], ['model', model.id]];
  members.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const parts = ['{', '', ''];
  let part = 0;
  members.forEach(([key, value], index) => {
    const comma = index > 0 ? ',' : '';
    if (key === 'messages' || key === 'seed') {
      parts[part] += `${comma}${JSON.stringify(key)}:`;
      part = key === 'messages' ? 1 : 2;
    } else {
      parts[part] += `${comma}${JSON.stringify(key)}:${canonicalJson(value)}`;
    }
  });
  return { head: parts[0]!, middle: parts[1]!, tail: `${parts[2]!}}` };
}

/** A prompt's messages rendered for one case; the same for every model and repeat of that case. */
export type RenderedMessages = { role: string; content: string | ContentPart[] }[];

/**
 * A message's content with a case's variables rendered in. Image files become references (path, sha256, size)
 * rather than bytes: the reference is what the cache key, the plan hash and the records hold, and the runner
 * swaps in the data URL when it sends the request.
 */
export function renderContent(content: MessageContent, vars: Record<string, unknown>, images: ReadonlyMap<string, ImageAsset>): string | ContentPart[] {
  if (typeof content === 'string') return renderTemplate(content, vars);
  return content.map((part): ContentPart => {
    if (part.type === 'text') return { type: 'text', text: renderTemplate(part.text, vars) };
    if (part.type === 'image_url') {
      const url = renderTemplate(part.image_url.url, vars);
      return { type: 'image_url', image_url: part.image_url.detail ? { url, detail: part.image_url.detail } : { url } };
    }
    const file = renderTemplate(part.file, vars);
    const image = images.get(file);
    // The loader read every image a case can name; a miss is a bug, not a user error.
    if (!image) throw new Error(`image ${file} was not loaded with the suite`);
    const ref: ContentPart = { type: 'image', file, sha256: image.sha256, bytes: image.bytes };
    return part.detail ? { ...ref, detail: part.detail } : ref;
  });
}

/** Renders a prompt's messages with a case's variables; a conversation's first user turn comes last. */
export function renderMessages(prompt: PromptSpec, testCase: CaseSpec, images: ReadonlyMap<string, ImageAsset> = NO_IMAGES): RenderedMessages {
  const messages: RenderedMessages = prompt.messages.map((message) => ({ role: message.role, content: renderContent(message.content, testCase.vars, images) }));
  const first = testCase.turns[0];
  if (first) messages.push({ role: 'user', content: renderContent(first.content, testCase.vars, images) });
  return messages;
}

const NO_IMAGES: ReadonlyMap<string, ImageAsset> = new Map();

/**
 * One cell's request body, the seed chosen for it, and its canonical JSON. `messages` may be passed already
 * rendered (`renderMessages`) to share them between the models of a case; the request then holds copies.
 */
export function makeRequest(
  prompt: PromptSpec,
  testCase: CaseSpec,
  model: ModelSpec,
  compiled: CompiledRequest,
  derivedSeed: number,
  repeat: number,
  rendered: RenderedMessages = renderMessages(prompt, testCase),
): { request: ChatRequest; seed: number; requestKey: string } {
  const seed = chooseSeed(testCase.seed ?? compiled.explicitSeed, derivedSeed, repeat);
  const messages = rendered.map((message) => ({ role: message.role, content: message.content })) as ChatRequest['messages'];
  const request: ChatRequest = { model: model.id, messages };
  for (const [key, value] of compiled.entries) request[key] = key === 'seed' ? seed : value;
  if (!compiled.key) return { request, seed, requestKey: canonicalJson(request) };
  return { request, seed, requestKey: compiledKey(compiled.key, rendered, 'seed' in request ? seed : null) };
}

/**
 * The canonical JSON of a cell's request without building the request: what the plan hash needs for every cell.
 * Identical to `makeRequest(...).requestKey`.
 */
export function makeRequestKey(
  testCase: CaseSpec,
  model: ModelSpec,
  compiled: CompiledRequest,
  derivedSeed: number,
  repeat: number,
  rendered: RenderedMessages,
): string {
  const seed = chooseSeed(testCase.seed ?? compiled.explicitSeed, derivedSeed, repeat);
  if (!compiled.key) {
    const request: ChatRequest = { model: model.id, messages: rendered as ChatRequest['messages'] };
    for (const [key, value] of compiled.entries) request[key] = key === 'seed' ? seed : value;
    return canonicalJson(request);
  }
  const hasSeed = compiled.entries.some(([key]) => key === 'seed');
  return compiledKey(compiled.key, rendered, hasSeed ? seed : null);
}

/** The pre-rendered key parts around the messages and the seed. */
function compiledKey(key: NonNullable<CompiledRequest['key']>, messages: RenderedMessages, seed: number | null): string {
  let messagesJson = '[';
  for (let index = 0; index < messages.length; index++) {
    const message = messages[index]!;
    const content = typeof message.content === 'string' ? JSON.stringify(message.content) : canonicalJson(message.content);
    messagesJson += `${index > 0 ? ',' : ''}{"content":${content},"role":${JSON.stringify(message.role)}}`;
  }
  return `${key.head}${messagesJson}]${key.middle}${seed === null ? '' : String(seed)}${key.tail}`;
}
