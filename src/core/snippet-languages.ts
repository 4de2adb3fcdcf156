/**
 * The languages the calls can be copied in besides cURL, in the order the popup offers them. Kept
 * apart from the generator so that offering them loads none of it.
 */
export const SNIPPET_LANGUAGES = ['javascript', 'node', 'python', 'php', 'java'] as const;

export type SnippetLanguage = (typeof SNIPPET_LANGUAGES)[number];

/**
 * The environment variable every copy reads the client secret from, and the shell variable cURL keeps
 * the token in. The request log redacts to the same names (request-log.ts spells them out, so that
 * the worker's bundle shares no module with the copies'; a test holds the two together).
 */
export const SECRET_VARIABLE = 'KPN_CLIENT_SECRET';
export const TOKEN_VARIABLE = 'TOKEN';
