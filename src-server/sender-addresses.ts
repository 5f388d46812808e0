// Remembers which addresses each user's own apps used (API calls, sockets) and when, so a hit from
// such an address is the sender looking at their own mail ("self", sender-ip): while a socket from
// it is open, and for the window after its last use. Kept in memory: after a restart the sender's
// apps reconnect within seconds and refill it.
export class SenderAddresses {
  private readonly seen = new Map<string, Map<string, number>>();
  private readonly live = new Map<string, number>();

  constructor(private readonly windowMs: number) {}

  note(userId: string, ip: string, now = Date.now()): void {
    let byIp = this.seen.get(userId);
    if (!byIp) {
      byIp = new Map();
      this.seen.set(userId, byIp);
    }
    byIp.set(ip, now);
    // Bounded: drop expired entries once a user's list grows.
    if (byIp.size > 64) {
      for (const [addr, at] of byIp) if (now - at > this.windowMs) byIp.delete(addr);
    }
  }

  /** A socket from ip is open; call the returned function when it closes. */
  connected(userId: string, ip: string): () => void {
    const key = `${userId}\n${ip}`;
    this.live.set(key, (this.live.get(key) ?? 0) + 1);
    this.note(userId, ip);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const n = (this.live.get(key) ?? 1) - 1;
      if (n > 0) this.live.set(key, n);
      else this.live.delete(key);
      this.note(userId, ip);
    };
  }

  isSender(userId: string, ip: string, now = Date.now()): boolean {
    if (this.live.has(`${userId}\n${ip}`)) return true;
    const at = this.seen.get(userId)?.get(ip);
    return at !== undefined && now - at <= this.windowMs;
  }
}
