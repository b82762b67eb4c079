/**
 * Typo tolerance by deletion neighbourhood (the idea behind SymSpell): every vocabulary word is stored with the
 * variants obtained by deleting one character, and a mistyped word looks up its own deletion variants. Two words
 * within one edit share a variant, so candidates come from an index lookup instead of a scan of the vocabulary;
 * candidates are then checked with the real edit distance.
 */

/** Shortest word that gets typo correction: shorter words have too many neighbours to guess from. */
export const MIN_TYPO_LENGTH = 4;

/** The word itself and every variant with one character deleted. */
export function deletionVariants(word: string): string[] {
  const out = new Set<string>([word]);
  for (let i = 0; i < word.length; i++) out.add(word.slice(0, i) + word.slice(i + 1));
  return [...out];
}

/** Variants within two deletions, for long query words that may hold two mistakes. */
export function deletionVariants2(word: string): string[] {
  const out = new Set<string>();
  for (const v of deletionVariants(word)) for (const w of deletionVariants(v)) out.add(w);
  return [...out];
}

/** Edits a word of this length may contain and still be corrected. */
export function maxEdits(length: number): number {
  if (length < MIN_TYPO_LENGTH) return 0;
  return length >= 8 ? 2 : 1;
}

/**
 * Optimal-string-alignment distance (Levenshtein plus swaps of two neighbouring letters), stopping as soon as
 * the distance must exceed `max`.
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, prev2[j - 2]! + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n]!;
}
