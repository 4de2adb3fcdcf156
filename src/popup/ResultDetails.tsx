// What a result brings that the popup does not need before the first one: KPN's quota figures and
// the actions on the QR.
import { QuotaLine } from './QuotaLine';
import { ResultActions } from './ResultActions';

export function ResultDetails() {
  return (
    <>
      <QuotaLine />
      <ResultActions />
    </>
  );
}
