// A learner's own vocabulary, the pure parts: input checks, the review deck, FSRS scheduling
// through ts-fsrs, the share of a text's vocabulary known, progress series, the export format.
export * from './input';
export * from './cards';
export * from './schedule';
export * from './share';
export * from './progress';
export * from './transfer';
