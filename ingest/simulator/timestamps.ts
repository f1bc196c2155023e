/**
 * The one instant of a line, printed the way each format prints it: whole seconds in plain `fly logs` (floor),
 * nanoseconds in `--json` and NATS, milliseconds in winston's `timestamp`. Consecutive lines mostly share their
 * second, so its text is cached.
 */
let cachedSecond = Number.NaN;
let cachedText = '';

/** `YYYY-MM-DDTHH:MM:SS` of the second that holds `ms`. */
export function secondText(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second !== cachedSecond) {
    cachedSecond = second;
    cachedText = new Date(second * 1000).toISOString().slice(0, 19);
  }
  return cachedText;
}

function pad(n: number, width: number): string {
  const s = String(n);
  return s.length >= width ? s : '000000000'.slice(0, width - s.length) + s;
}

/** RFC 3339 with whole seconds, as flyctl prints it. */
export function plainTime(ms: number): string {
  return secondText(ms) + 'Z';
}

/** RFC 3339 with nine fractional digits, as Fly's log API and NATS carry it. `sub` is ns within the ms. */
export function nanoTime(ms: number, sub: number): string {
  return secondText(ms) + '.' + pad(((ms % 1000) + 1000) % 1000, 3) + pad(sub, 6) + 'Z';
}

/** `Date#toISOString()`: what winston's `format.timestamp()` writes. */
export function milliTime(ms: number): string {
  return secondText(ms) + '.' + pad(((ms % 1000) + 1000) % 1000, 3) + 'Z';
}

/** The instant at a format's precision, in epoch ms (what an entry's `timeMs` will be). */
export function floorToSecond(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}
