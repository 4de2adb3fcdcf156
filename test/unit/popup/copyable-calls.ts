import { copyableCalls } from '../../../src/core/api-calls';
import { PRODUCTION_ENVIRONMENT } from '../../../src/core/environments';
import { DEFAULT_PARAMS } from '../../../src/core/params';

/** What the worker answers for `ui-bg-calls-get` in the popup's tests. */
export const CALLS = copyableCalls({
  environment: PRODUCTION_ENVIRONMENT,
  clientId: 'my-client',
  params: DEFAULT_PARAMS,
  notes: { before: ['Set the secret first.'], answer: 'The answer.' },
});
