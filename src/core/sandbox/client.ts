// What the extension's worker knows of the built-in Sandbox without loading its emulator: the client
// it calls with, and where the sandbox server that its cURL commands name answers.

/** The client credentials the sandbox's token endpoint accepts. Public by design: this is a sandbox. */
export const SANDBOX_CLIENT = Object.freeze({ clientId: 'sandbox-client', clientSecret: 'sandbox-secret' });

/**
 * Where `npm run sandbox -- --port 8787` (README's example) answers: the built-in Sandbox's cURL commands
 * point there, as its own address exists only inside the extension.
 */
export const LOCAL_SANDBOX_URL = 'http://127.0.0.1:8787';
export const LOCAL_SANDBOX_COMMAND = 'npm run sandbox -- --port 8787';
