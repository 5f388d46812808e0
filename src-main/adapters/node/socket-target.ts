// Where socket.io listens for a server URL. A path in the URL (a reverse proxy's prefix) is not a
// socket.io namespace: it moves into the engine path, so "https://x.example/inkling" connects to
// "https://x.example" with path "/inkling/socket.io".
export function socketTarget(url: string): { origin: string; path: string } {
  const parsed = new URL(url);
  const prefix = parsed.pathname.replace(/\/+$/, '');
  return { origin: parsed.origin, path: `${prefix}/socket.io` };
}
