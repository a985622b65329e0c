/** The models the mock knows, and which of them behave like Onetoken's web-search models. */

import { hashString } from './hash.js';

/** Model ids the mock serves unless `models` is given. */
export const DEFAULT_MOCK_MODELS: string[] = [
  'gpt-4o-mini',
  'gpt-4o',
  'gpt-4.1-mini',
  'gpt-4.1',
  'gpt-4o-search-preview',
  'gpt-4o-mini-search-preview',
];

/**
 * Sampling parameters the search models refuse with a 400, like the real API; clients must leave them out.
 * Order matters: the first one present is the one named in the error.
 */
export const SEARCH_REFUSED_PARAMS = ['temperature', 'top_p', 'presence_penalty', 'frequency_penalty'] as const;

/** True for a web-search model: it refuses sampling parameters and answers with `url_citation` annotations. */
export function isSearchModel(model: string): boolean {
  return model.includes('search-preview') || model.includes('search-api');
}

/** One entry of `GET /v1/models`, with a `created` derived from the id so the list is stable. */
export function describeModel(id: string): { id: string; object: 'model'; created: number; owned_by: string } {
  return { id, object: 'model', created: 1_700_000_000 + (hashString(id) % 20_000_000), owned_by: 'onetoken' };
}

/** The body of `GET /v1/models`. */
export function modelListBody(models: readonly string[]): { object: 'list'; data: ReturnType<typeof describeModel>[] } {
  return { object: 'list', data: models.map(describeModel) };
}
