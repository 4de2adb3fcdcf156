// `npm run bench` reads a mark each page sets once its content is first shown. It is set at the start
// of the animation frame that paints it: the rule the bench's own probes keep for a generate's preview
// and a placement. (A Preact effect runs a task after that frame, and Firefox runs such tasks late
// while a page is still loading.)
export function markFramePainting(name: string): void {
  requestAnimationFrame(() => performance.mark(name));
}
