// The Flesch reading ease of a text, by the published formula
//   206.835 − 1.015 × (words ÷ sentences) − 84.6 × (syllables ÷ words)
// with the counting rules written down here (so a score can be checked by hand):
// - URLs and e-mail addresses are left out (nobody reads them as words);
// - a word is a run of letters and digits, joined by inner apostrophes or hyphens
//   ("don't", "pre-birth", "CP-2026-0042" are one word each);
// - a word with a digit in it (a date, a time, a case reference) counts one syllable, as a
//   short spoken number would; hyphenated words add up their parts' syllables;
// - a sentence ends at . ! ? and at the end of each block (paragraph, list item, heading, subject
//   line): callers pass blocks separately, so a heading without a full stop is still a sentence.

/** Syllables of one English word: vowel groups, with the usual silent-e and -ed/-es rules. */
export function countSyllables(word: string): number {
  if (/\d/.test(word)) return 1;
  const parts = word.replace(/['’]/g, '').split('-').filter(Boolean);
  if (parts.length > 1) return parts.reduce((n, p) => n + countSyllables(p), 0);
  let w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w.length === 0) return 0;
  if (w.length <= 3) return 1;
  // Silent endings: "-es"/"-ed" after most consonants ("makes", "planned"), a final "e" ("make"),
  // but not "-le" after a consonant ("table"), nor "-ted"/"-ded" ("wanted"), nor "-ses"/"-ces" ("places").
  if (/[^aeiouy]le$/.test(w)) {
    // keep: "ta-ble" counts the -le as its own syllable
  } else if (/(?:[^aeiouytd]ed|[^aeiouysczgxh]es|[^aeiouy]e)$/.test(w) && !/(?:ee|ye)$/.test(w)) {
    w = w.replace(/(?:ed|es|e)$/, '');
  }
  const groups = w.replace(/^y/, '').match(/[aeiouy]+/g) ?? [];
  let n = groups.length;
  // Vowel pairs read as two syllables: "ia" (but not -cial, -tial), "io" (but not -sion, -tion,
  // -cion, -gion), "eo" (video; not people, someone), "ua", "uo", a final "ea" (area, idea),
  // "crea-te" and a vowel before "-ing" (go-ing).
  const pairs = /[^aeiouct]ia|(?<![mp])eo|ua|uo|[^aeioustcgx]io|ea$|^crea|[aeiouy]ing|ie(?:r|t)$/g;
  n += (w.match(pairs) ?? []).length;
  return Math.max(1, n);
}

export interface Readability {
  words: number;
  sentences: number;
  syllables: number;
  score: number;
}

const URL_OR_EMAIL = /\bhttps?:\/\/\S+|\S+@\S+\.\S+/g;
const WORD = /[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*/g;

/** Words of a block, after URLs and addresses are taken out. */
export function wordsOf(text: string): string[] {
  return text.replace(URL_OR_EMAIL, ' ').match(WORD) ?? [];
}

/** Sentences of one block: each run ending in . ! ? and whatever is left at the block's end. */
export function sentencesOf(block: string): number {
  const cleaned = block.replace(URL_OR_EMAIL, ' ');
  // A full stop inside a number or a time ("10.30", "e.g.") is not a sentence end.
  const pieces = cleaned.split(/(?<![0-9])[.!?]+(?=\s|$)/).filter((p) => (p.match(WORD) ?? []).length > 0);
  return pieces.length;
}

/** Reading ease of a text given as its blocks (paragraphs, list items, headings, the subject). */
export function fleschReadingEase(blocks: readonly string[]): Readability {
  let words = 0;
  let sentences = 0;
  let syllables = 0;
  for (const block of blocks) {
    const w = wordsOf(block);
    if (w.length === 0) continue;
    words += w.length;
    sentences += sentencesOf(block);
    syllables += w.reduce((n, x) => n + countSyllables(x), 0);
  }
  if (words === 0) throw new Error('READABILITY.NO_WORDS: the text has no words to measure');
  const score = 206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words);
  return { words, sentences, syllables, score: Math.round(score * 10) / 10 };
}

/** An HTML e-mail or page as blocks: one per paragraph, list item, heading, cell or line break. */
export function htmlBlocks(html: string): string[] {
  const text = html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<\/?(p|li|h[1-6]|tr|td|th|div|br|ul|ol|main|section|header|footer|title|label|button|legend|dt|dd)\b[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)));
  return text.split(/\n+/).map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => s.length > 0);
}
