// Reconnect delays: doubling from one second up to fifteen, with "equal jitter" so a
// building's screens do not all knock on the hub at the same instant after it restarts.
const BASE_MS = 1000;
const MAX_MS = 15_000;

export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_MS, BASE_MS * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
