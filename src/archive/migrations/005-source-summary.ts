// The source's own one-line summary of a paper (the Hugging Face API's `ai_summary`): kept so that
// `show`, topics and `ask` can use it, always labelled as the source's. Null where a source has none.
export default `
ALTER TABLE papers ADD COLUMN source_summary TEXT;
`;
