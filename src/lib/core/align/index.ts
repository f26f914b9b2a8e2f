// Sentence alignment: features (features.ts, words.ts, lexicon.ts, learn.ts), search
// (anchors.ts, search.ts) and the entry points that tie them together.
export { alignSentences, type AlignOptions, type ScoredBead } from './align-sentences';
