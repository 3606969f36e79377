/**
 * Pure text helpers shared by the search engines: how text splits into words, HTML escaping, and highlighting.
 * No index lives here: matching and ranking are the engines' job. Highlighting only marks, in one title or summary,
 * the words a query would have matched.
 */

/** Lower case, accents removed ("Café" → "cafe"), the form both the index and queries are compared in. */
export function normalizeWord(word: string): string {
  return word.normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase();
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const SEPARATOR = /[^\p{L}\p{N}]+/u;

/**
 * The words of a text, normalised, in order, without duplicates. Anything that is not a letter or digit
 * separates words, so "worker-owned" is two words and "Müller" one. Used as the embedded engine's tokenizer, so
 * queries and documents are split the same way.
 */
export function searchWords(text: string): string[] {
  const words = normalizeWord(text).split(SEPARATOR);
  const seen = new Set<string>();
  for (const word of words) if (word !== "") seen.add(word);
  return [...seen];
}

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);
}

/** Whether `a` and `b` are at most `max` single-character edits (insert, delete, substitute) apart. */
export function withinEditDistance(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  if (a === b) return true;
  if (max === 0) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return false;
    previous = current;
  }
  return previous[b.length] <= max;
}

/** A query word and how many typos it was allowed when matching. */
export type HighlightTerm = { word: string; tolerance: number };

function matchesTerm(word: string, terms: HighlightTerm[]): boolean {
  for (const term of terms) {
    if (term.word === "") continue;
    // Every query word also matches as a prefix ("choc" → "chocolate"), and within its typo tolerance as a whole.
    if (word.startsWith(term.word)) return true;
    if (term.tolerance > 0 && withinEditDistance(term.word, word, term.tolerance)) return true;
  }
  return false;
}

/**
 * `text` as HTML: every character escaped, and each word that one of `terms` matches (same rules as the embedded
 * engine: prefix, or within the term's typo tolerance) wrapped in `<mark>`.
 */
export function highlight(text: string, terms: HighlightTerm[]): string {
  if (terms.length === 0) return escapeHtml(text);
  let html = "";
  let last = 0;
  for (const match of text.matchAll(WORD)) {
    const start = match.index ?? 0;
    html += escapeHtml(text.slice(last, start));
    const word = match[0];
    html += matchesTerm(normalizeWord(word), terms) ? `<mark>${escapeHtml(word)}</mark>` : escapeHtml(word);
    last = start + word.length;
  }
  return html + escapeHtml(text.slice(last));
}

/**
 * Text in which an engine put `<mark>`/`</mark>` around matches (Meilisearch's `_formatted`) → HTML-safe: all text
 * escaped, only well-nested `<mark>` pairs kept. A tag that does not pair up (say a product literally titled
 * "</mark>") is shown as text, and one left open is closed, so the result can never break the page around it.
 */
export function markedToSafeHtml(marked: string, preTag = "<mark>", postTag = "</mark>"): string {
  let html = "";
  let open = false;
  let position = 0;
  while (position < marked.length) {
    const nextPre = marked.indexOf(preTag, position);
    const nextPost = marked.indexOf(postTag, position);
    const candidates = [nextPre, nextPost].filter((index) => index >= 0);
    if (candidates.length === 0) break;
    const next = Math.min(...candidates);
    html += escapeHtml(marked.slice(position, next));
    if (next === nextPre && !open) {
      html += "<mark>";
      open = true;
      position = next + preTag.length;
    } else if (next === nextPost && open) {
      html += "</mark>";
      open = false;
      position = next + postTag.length;
    } else {
      const tag = next === nextPre ? preTag : postTag;
      html += escapeHtml(tag);
      position = next + tag.length;
    }
  }
  html += escapeHtml(marked.slice(position));
  return open ? `${html}</mark>` : html;
}
