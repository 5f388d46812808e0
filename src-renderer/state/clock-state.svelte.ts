// A coarse "now" for relative times ("5 min ago"), ticking every 20 s rather than per row.
export class ClockState {
  now = $state(Date.now());

  start(): () => void {
    const timer = setInterval(() => (this.now = Date.now()), 20_000);
    return () => clearInterval(timer);
  }
}
