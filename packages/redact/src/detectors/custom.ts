import type { CustomPattern } from '../types';
import { ALWAYS } from './facts';
import { type Detector, replaceWhere } from './types';

/** Wraps a user pattern (already validated) as a detector; the `g` flag is added when missing. */
export function customDetector(pattern: CustomPattern): Detector {
  const { flags, source } = pattern.pattern;
  const re = new RegExp(source, flags.includes('g') ? flags : `${flags}g`);
  return {
    name: pattern.name,
    trigger: ALWAYS,
    gate: () => true,
    scan: (text, replace) => replaceWhere(text, re, pattern.name, replace, (m) => m.length > 0),
  };
}
