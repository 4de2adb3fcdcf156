// An error as the options page shows it. The catalogue's hints are written for the popup and say
// "…in Options"; here the reader is already there, so a hint that sends them to Options is swapped
// for one that points at the fields on this page (`optionsErr_<code>_hint`, else `optionsErrHint_<kind>`).
import { kindOf } from '../core/error-codes';
import { optionalMessage } from '../shared/i18n';
import { type ErrorView, toErrorView } from '../ui/error-view';

const keyPart = (name: string) => name.replace(/-/g, '_');

export function optionsErrorView(error: unknown): ErrorView {
  const view = toErrorView(error);
  // The code's own hint wins over its kind's in the catalogue; the same order here.
  const ownHint = optionalMessage(`err_${keyPart(view.code)}_hint`) !== '';
  const here = ownHint ? optionalMessage(`optionsErr_${keyPart(view.code)}_hint`) : optionalMessage(`optionsErrHint_${keyPart(kindOf(view.code))}`);
  return here ? { ...view, hint: here } : view;
}
