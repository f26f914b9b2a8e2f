// English-Spanish word list (placeholder while the full list is written).
export const EN_ES_LEXICON = `
the el la los las
and y e
`;
