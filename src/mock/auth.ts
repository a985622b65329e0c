/** Bearer-key checks. The key is compared and dropped; it is never logged, echoed or stored. */

import type { IncomingHttpHeaders } from 'node:http';

/** True when the `Authorization` header carries an acceptable Bearer key. */
export function isAuthorized(headers: IncomingHttpHeaders, apiKeys: ReadonlySet<string> | null): boolean {
  const header = headers.authorization;
  if (typeof header !== 'string') return false;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (match === null) return false;
  return apiKeys === null || apiKeys.has(match[1]);
}

/** The request headers as a flat record without `authorization`, for the request log. */
export function loggableHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name === 'authorization' || name === 'proxy-authorization' || value === undefined) continue;
    kept[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return kept;
}
