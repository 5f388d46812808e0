// Request headers as the classifier reads them: lower-case names, one string per header.
import type { IncomingHttpHeaders } from 'node:http';

export function lowerCaseHeaders(headers: IncomingHttpHeaders): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
