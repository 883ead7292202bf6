import { textFacts } from './detectors/facts';
import type { Detector, Replace } from './detectors/types';

const PASSES = 3;
// Log values repeat (methods, routes, hosts, user agents): short strings found clean are remembered, bounded.
// Only clean strings are kept, so the cache never holds a secret.
const CLEAN_CACHE_SIZE = 2048;
const CLEAN_CACHE_MAX_LENGTH = 256;

/**
 * Compiles a scanner that runs every detector whose trigger characters and cheap gate pass. One pass over the text
 * ({@link textFacts}) answers every trigger test; after a detector changed the text it is redone only when a
 * trigger test would fail. A text that changed is scanned again (up to 3 passes, each starting from fresh facts)
 * so a replacement can never uncover a new match: scanning the output changes nothing. Positional detectors rerun
 * only with a `stableCensor` (a fixed string they recognise and leave alone); a censor function could otherwise be
 * applied to its own output. `maxPasses` is 1 for a scanner whose caller repeats it (URL parts: `redactUrl` runs
 * its own passes), so nested passes never multiply.
 */
export function createTextScanner(
  detectors: readonly Detector[],
  replace: Replace,
  minLength: number,
  stableCensor: boolean,
  maxPasses = PASSES,
) {
  const triggers = detectors.map((d) => d.trigger);
  const anyTrigger = triggers.reduce((a, b) => a | b, 0);
  const once = (text: string, pass: number, firstFacts: number): string => {
    let facts = firstFacts;
    let fresh = true;
    let out = text;
    for (let i = 0; i < detectors.length; i++) {
      const d = detectors[i] as Detector;
      if (pass > 0 && !stableCensor && d.positional === true) continue;
      const trigger = triggers[i] as number;
      if ((facts & trigger) === 0) {
        // After a replacement the facts still cover what is left of the text (replacing only removes), but not
        // what the censor inserted: look again before skipping, not on every change (a 1 MB text changes often).
        if (fresh) continue;
        facts = textFacts(out);
        fresh = true;
        if ((facts & trigger) === 0) continue;
      }
      if (!d.gate(out, facts)) continue;
      const next = d.scan(out, replace);
      if (next !== out) {
        out = next;
        fresh = false;
      }
    }
    return out;
  };
  const clean = new Set<string>();
  const scan = (text: string): string => {
    let facts = textFacts(text);
    // A value holding none of the characters any detector starts from is done, without touching the cache.
    if ((facts & anyTrigger) === 0) return text;
    let out = text;
    for (let pass = 0; pass < maxPasses; pass++) {
      const next = once(out, pass, facts);
      if (next === out) break;
      out = next;
      facts = textFacts(out);
    }
    if (out === text && text.length <= CLEAN_CACHE_MAX_LENGTH) {
      if (clean.size >= CLEAN_CACHE_SIZE) clean.clear();
      clean.add(text);
    }
    return out;
  };
  // The hit path stays tiny (log values repeat): a known-clean string costs one Set lookup.
  return (text: string): string => {
    if (detectors.length === 0 || text.length < minLength) return text;
    if (text.length <= CLEAN_CACHE_MAX_LENGTH && clean.has(text)) return text;
    return scan(text);
  };
}

const LOOKAHEAD = 4096;

const marker = (dropped: number): string => `…[truncated ${dropped} chars]`;

/** Cuts `text` to at most `max` characters, the last ones being a `…[truncated N chars]` marker. */
export function truncate(text: string, max: number, alsoDropped = 0): string {
  if (text.length <= max && alsoDropped === 0) return text;
  const keep = keepLength(text.length, max, alsoDropped);
  if (keep < 1) return text.slice(0, max);
  return text.slice(0, keep) + marker(text.length + alsoDropped - keep);
}

/** How many characters fit before the marker. */
function keepLength(length: number, max: number, alsoDropped: number): number {
  const total = length + alsoDropped;
  let keep = Math.min(length, max - marker(total - Math.min(length, max)).length);
  if (keep + marker(total - keep).length > max) keep--;
  return keep;
}

/**
 * Scans a long string up to `max` characters plus a look-ahead window (so a secret straddling the cut is still
 * recognised whole), cuts the result with a marker, and rescans what is kept (a cut can leave a new match).
 * The marker itself is shaped so that no detector matches it.
 */
export function scanBounded(
  text: string,
  max: number,
  scan: (text: string) => string,
  censors: readonly string[] = [],
): string {
  const window = text.length > max ? text.slice(0, max + LOOKAHEAD) : text;
  const out = scan(window);
  if (out.length <= max && window === text) return out;
  const dropped = text.length - window.length;
  const keep = keepLength(out.length, max, dropped);
  if (keep < 1) return out.slice(0, max);
  const kept = scan(out.slice(0, keep));
  const cut = cutOutside(kept, keep, censors);
  return kept.slice(0, cut) + marker(out.length + dropped - cut);
}

/** Moves a cut position back so it never splits a censor string (a cut "[RED" would be censored again). */
function cutOutside(text: string, at: number, censors: readonly string[]): number {
  let cut = Math.min(at, text.length);
  for (let moved = true; moved; ) {
    moved = false;
    for (const c of censors) {
      const i = c.length > 1 ? text.lastIndexOf(c, cut - 1) : -1;
      if (i >= 0 && i + c.length > cut) {
        cut = i;
        moved = true;
      }
    }
  }
  return cut;
}
