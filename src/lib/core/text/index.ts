// The text core: paragraphs, sentences and tokens with exact UTF-16 offsets.
export { segmentParagraphs } from './paragraphs';
export { segmentSentences } from './sentences';
export { tokenize, type Token, type TokenKind } from './tokens';
