// Remembers which addresses each user's own apps used (API calls, sockets) and when, so a hit from
// such an address within the window is the sender looking at their own mail ("self", sender-ip).
// Kept in memory: after a restart the sender's apps reconnect within seconds and refill it.
export class SenderAddresses {
  private readonly seen = new Map<string, Map<string, number>>();

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

  isSender(userId: string, ip: string, now = Date.now()): boolean {
    const at = this.seen.get(userId)?.get(ip);
    return at !== undefined && now - at <= this.windowMs;
  }
}
