// The never-log list holds domains ("acme.example", also matching its subdomains) and addresses.
export function neverLogMatches(neverLog: readonly string[], email: string): boolean {
  const address = email.toLowerCase();
  const domain = address.slice(address.lastIndexOf('@') + 1);
  return neverLog.some((raw) => {
    const entry = raw.trim().toLowerCase().replace(/^@/, '');
    if (entry.includes('@')) return entry === address;
    return domain === entry || domain.endsWith(`.${entry}`);
  });
}
