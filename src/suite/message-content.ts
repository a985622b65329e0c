/** The template strings of a message's content: its text, its text parts, its image paths and image URLs. */
import type { MessageContent } from './types.js';

/** Every string of a content that `{{ var }}` placeholders may appear in, in order. */
export function contentTemplates(content: MessageContent): string[] {
  if (typeof content === 'string') return [content];
  return content.map((part) => (part.type === 'text' ? part.text : part.type === 'image' ? part.file : part.image_url.url));
}
