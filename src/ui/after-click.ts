/**
 * Runs `action` once the click that is under way has been handled (or after a moment, when focus
 * moved by keyboard and no click comes). A field that shows its error on blur would otherwise push
 * the button being pressed away between mousedown and mouseup, and the click would be lost.
 */
export function afterClick(action: () => void, doc: Document = document): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    doc.removeEventListener('click', run, true);
    clearTimeout(timer);
    setTimeout(action);
  };
  doc.addEventListener('click', run, true);
  const timer = setTimeout(run, 1000);
}
