import { countSyllables, fleschReadingEase, htmlBlocks, sentencesOf, wordsOf } from './support/flesch';

// Syllable counts from a dictionary (Collins / Merriam-Webster hyphenation), words of the kind the
// family texts use: the counter must get each one right, so the scores it feeds are honest.
const DICTIONARY: [string, number][] = [
  ['the', 1], ['you', 1], ['child', 1], ['chair', 1], ['phone', 1], ['make', 1], ['makes', 1], ['planned', 1], ['lets', 1], ['time', 1], ['judge', 1],
  ['meeting', 2], ['social', 2], ['worker', 2], ['review', 2], ['happens', 2], ['people', 2], ['table', 2], ['wanted', 2], ['places', 2],
  ['browser', 2], ['lobby', 2], ['going', 2], ['waiting', 2], ['agrees', 2], ['create', 2], ['questions', 2], ['little', 2], ['needed', 2], ['friend', 1],
  ['conference', 3], ['protection', 3], ['decision', 3], ['calendar', 3], ['family', 3], ['everyone', 3], ['supporter', 3], ['area', 3], ['video', 3],
  ['usual', 3], ['idea', 3], ['initial', 3], ['section', 2], ['private', 2], ['between', 2], ['written', 2], ['writing', 2], ['explains', 2], ['believe', 2],
  ['professionals', 4], ['interpreter', 4], ['independent', 4], ['invitation', 4], ['confidential', 4], ['cancelled', 2], ['arranged', 2], ['someone', 2],
  ['don\'t', 1], ['pre-birth', 2], ['CP-2026-0042', 1], ['11:00', 1],
];

describe('the syllable counter', () => {
  it.each(DICTIONARY)('%s has %i', (word, n) => {
    expect(countSyllables(word)).toBe(n);
  });
});

describe('the Flesch reading ease', () => {
  it('counts words without URLs or addresses and sentences per block', () => {
    expect(wordsOf('Join at https://teams.example/l/x or write to team@council.example now.')).toEqual(['Join', 'at', 'or', 'write', 'to', 'now']);
    expect(sentencesOf('One. Two! Three? Four at 10.30 and more')).toBe(4);
  });

  it('matches the published formula on a worked example', () => {
    // 8 words, 2 sentences, 10 syllables: 206.835 − 1.015 × 4 − 84.6 × 1.25 = 96.5
    const r = fleschReadingEase(['The cat sat on the mat.', 'It is happy.']);
    expect(r).toMatchObject({ words: 9, sentences: 2, syllables: 10 });
    expect(r.score).toBeCloseTo(206.835 - 1.015 * 4.5 - 84.6 * (10 / 9), 1);
  });

  it('scores hard official prose low and plain words high', () => {
    const hard = fleschReadingEase(['The independent chairperson will facilitate a multi-agency deliberation concerning the continuation of statutory safeguarding intervention.']);
    const plain = fleschReadingEase(['The chair runs the meeting.', 'You can say what you think.']);
    expect(hard.score).toBeLessThan(0);
    expect(plain.score).toBeGreaterThan(80);
  });

  it('turns HTML into blocks, one per paragraph and list item, entities decoded', () => {
    expect(htmlBlocks('<html><body><p>Dear A &amp; B,</p><ul><li>One</li><li>Two</li></ul><p>Bye<br>now</p></body></html>')).toEqual(['Dear A & B,', 'One', 'Two', 'Bye', 'now']);
  });

  it('refuses a text with no words (a producer that rendered nothing is a failure, not a pass)', () => {
    expect(() => fleschReadingEase(['', '—'])).toThrow('READABILITY.NO_WORDS');
  });
});
