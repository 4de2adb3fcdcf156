import { PimError } from '../../src/core/errors';

/** The PimError a promise rejects with; anything else (or no rejection) fails the test. */
export async function rejection(promise: Promise<unknown>): Promise<PimError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PimError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}
