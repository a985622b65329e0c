/**
 * Requests hold image files by reference (path, sha256, size) so that cache keys, plan hashes and records never
 * carry the bytes; this swaps each reference for the `image_url` data URL the API reads, just before sending.
 */
import type { ChatMessage, ChatRequest, ContentPart } from '../wire/index.js';

/** True when some message has an image reference part. */
function hasImageRefs(messages: readonly ChatMessage[]): boolean {
  return messages.some((message) => Array.isArray(message.content) && message.content.some((part) => part.type === 'image'));
}

/** The request as sent: image references replaced by data URLs (by sha256); the same object when there are none. */
export function inlineImages(request: ChatRequest, images: ReadonlyMap<string, string>): ChatRequest {
  if (!hasImageRefs(request.messages)) return request;
  const messages = request.messages.map((message): ChatMessage => {
    if (!Array.isArray(message.content)) return message;
    const content = message.content.map((part): ContentPart => {
      if (part.type !== 'image') return part;
      const url = images.get(part.sha256);
      if (url === undefined) throw new Error(`image ${part.file} (sha256 ${part.sha256}) is not in the plan`);
      return { type: 'image_url', image_url: part.detail ? { url, detail: part.detail } : { url } };
    });
    return { ...message, content };
  });
  return { ...request, messages };
}
