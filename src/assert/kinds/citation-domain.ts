import { z } from 'zod';
import { defineKind, kindSchema } from '../kind.js';
import { quote, quoteList } from '../reason-text.js';
import { listArgument } from '../shorthand-values.js';

/** A bare host name such as `example.com`: letters, digits and hyphens in dot-separated labels. */
const DOMAIN = /^(?!-)[a-z\d-]+(\.[a-z\d-]+)*\.?$/i;

/** Lower-cased without a trailing root dot, so `Example.COM.` and `example.com` compare equal. */
function normaliseHost(host: string): string {
  return host.toLowerCase().replace(/\.$/, '');
}

/** The host name of a citation URL, or undefined when the URL does not parse. */
function hostOf(url: string): string | undefined {
  return URL.canParse(url) ? normaliseHost(new URL(url).hostname) : undefined;
}

/** Checked as one refinement over both forms, so a URL in place of a domain gets this message, not a union error. */
const domainsSchema = z
  .union([z.string(), z.array(z.string()).min(1)])
  .describe('a domain such as "wikipedia.org", or a list of them')
  .superRefine((value, ctx) => {
    const domains = Array.isArray(value) ? value : [value];
    domains.forEach((domain, index) => {
      if (DOMAIN.test(domain)) return;
      const path = Array.isArray(value) ? [index] : [];
      ctx.addIssue({ code: 'custom', path, message: `expected a domain such as "example.com", got ${quote(domain)}` });
    });
  });

const description = 'some citation URL is on the domain value (or one of a list), subdomains included';

/** `citation-domain`: some citation's host equals the domain or is a subdomain of it (`en.wikipedia.org`). */
export const citationDomain = defineKind({
  type: 'citation-domain',
  description,
  schema: kindSchema('citation-domain', description, {
    value: domainsSchema,
  }),
  score(answer, spec) {
    const domains = (Array.isArray(spec.value) ? spec.value : [spec.value]).map(normaliseHost);
    const hosts = answer.citations.map((citation) => hostOf(citation.url)).filter((host) => host !== undefined);
    const matching = hosts.find((host) => domains.some((domain) => host === domain || host.endsWith(`.${domain}`)));
    const wanted = domains.length === 1 ? quote(domains[0]) : `one of ${quoteList(domains, 'or')}`;
    const got = hosts.length === 0 ? 'no citations' : `citations from ${quoteList([...new Set(hosts)])}`;
    return {
      holds: matching !== undefined,
      expected: `to cite ${wanted}`,
      got,
      held: `cites ${quote(matching ?? '')}`,
      missed: `does not cite ${wanted} (${got})`,
    };
  },
  shorthand: (argument) => {
    const domains = listArgument(argument);
    return { value: domains.length === 1 ? domains[0] : domains };
  },
});
