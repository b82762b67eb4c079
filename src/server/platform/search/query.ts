import { fold, MAX_QUERY_CHARS, STOPWORDS } from './normalise.ts';

/** Most words a query may have; more are ignored, which bounds the size of every search expression. */
export const MAX_QUERY_WORDS = 6;
/** Longer "words" are not words a person types (pasted hashes, base64): they are cut. */
export const MAX_WORD_CHARS = 32;

export interface ParsedQuery {
  /** Folded words in the order typed, without stopwords (unless only stopwords were typed). */
  words: string[];
  /** The folded text, for logs and display. */
  text: string;
  /** Whether words beyond MAX_QUERY_WORDS or characters beyond MAX_QUERY_CHARS were dropped. */
  truncated: boolean;
}

/**
 * Turns whatever was typed into plain words. Operators, quotes, wildcards and SQL are not interpreted: they are
 * punctuation, so every input is a valid query and no input reaches a search engine's own syntax.
 */
export function parseQuery(input: unknown): ParsedQuery {
  const raw = typeof input === 'string' ? input : '';
  const folded = fold(raw.slice(0, MAX_QUERY_CHARS));
  const all = folded === '' ? [] : folded.split(' ').map((w) => w.slice(0, MAX_WORD_CHARS));
  const unique = [...new Set(all)];
  const meaningful = unique.filter((w) => !STOPWORDS.has(w));
  const chosen = (meaningful.length > 0 ? meaningful : unique).slice(0, MAX_QUERY_WORDS);
  return {
    words: chosen,
    text: chosen.join(' '),
    truncated: raw.length > MAX_QUERY_CHARS || unique.length > MAX_QUERY_WORDS,
  };
}
