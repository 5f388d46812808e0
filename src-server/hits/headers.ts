// Request headers as the classifier reads them: lower-case names, one string per header.
import type { IncomingHttpHeaders } from 'node:http';

export function lowerCaseHeaders(headers: IncomingHttpHeaders): Record<string, string | undefined> {
  // Node already lower-cases request header names and joins repeats, except a few it keeps as
  // arrays: only then is a copy needed. Read-only either way.
  for (const name in headers) {
    if (Array.isArray(headers[name])) return joined(headers);
  }
  return headers as Record<string, string | undefined>;
}

function joined(headers: IncomingHttpHeaders): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
