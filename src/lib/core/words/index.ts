// Word alignment inside aligned sentence pairs: which words translate which.
export { WordAligner, counterparts } from './align';
export type { WordAlignment, WordAlignerOptions, WordLink } from './align';
export { loadWordResources, type WordResources } from './resources';
export { termsFromGlossary, type TermPair, type TermUnit } from './phrases';
export { tokenizeSentence, tokensOfLine, type WordToken, type WordTokenKind } from './tokens';
export { learnTranslations, type LearnedTranslations, type TokenisedPair } from './learn';
