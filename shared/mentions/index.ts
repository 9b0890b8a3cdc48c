export * from './types';
export { tokenize, pageWordSet, foldWord, type PageTokens } from './tokens';
export { NameTrie, type RawMatch } from './matcher';
export { findMentions, findMentionsInTokens, DEFAULT_NEAR_WORDS, type FindOptions } from './findMentions';
export { proposeRule, proposeFamilyRule, type RuleProposal, type WordFrequency } from './rules';
export { deriveFamilyNames, type FamilyNameSource } from './familyNames';
export { nameEntriesForActor, nameEntriesForActors, ruleKey, type MentionActor, type NameEntryOptions } from './nameEntries';
export { COMMON_FIRST_NAMES } from './firstNames';
