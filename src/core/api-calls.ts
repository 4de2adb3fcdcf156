import { replaceControlCharacters } from './control-characters';
import type { Environment } from './environments';
import { type QrParams, serializeParams } from './params';

/**
 * The two calls the extension makes, as a developer would write them: the token call (client
 * credentials, form-encoded) and the image call (the parameters as JSON). No secret and no token:
 * those are read from the environment by whatever text is made from this.
 */
export interface CopyableCalls {
  tokenUrl: string;
  clientId: string;
  imageUrl: string;
  /** The image call's JSON body. */
  imageBody: string;
  notes: CallNotes;
}

/** The comments around the calls, in the reader's language (the worker passes them in). */
export interface CallNotes {
  /** Above the token call: how to set the secret, and for the built-in Sandbox where the calls go instead. */
  before: string[];
  /** Above the image call: what it answers. */
  answer: string;
}

export interface CallsSource {
  environment: Pick<Environment, 'baseUrl' | 'tokenPath' | 'imagePath'>;
  clientId: string;
  params: QrParams;
  notes: CallNotes;
}

export function copyableCalls({ environment, clientId, params, notes }: CallsSource): CopyableCalls {
  return {
    tokenUrl: `${environment.baseUrl}${environment.tokenPath}?grant_type=client_credentials`,
    clientId,
    imageUrl: `${environment.baseUrl}${environment.imagePath}`,
    imageBody: JSON.stringify(serializeParams(params)),
    // Each note becomes a comment: a line break in one would end it and run the rest as code.
    notes: { before: notes.before.map(replaceControlCharacters), answer: replaceControlCharacters(notes.answer) },
  };
}
