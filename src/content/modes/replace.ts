// 'replace': the QR takes the element's box and place in the layout, and the element is hidden
// (inline, `!important`) until the QR is removed, when its own display comes back.
import { MIN_SIDE } from '../placement-geometry';
import { applyInFlow, inFlowInfo } from './in-flow';
import { fallbackSize, type ModeContext, type Mode } from './mode';

/** Layout properties a replacing placement copies from the element it stands in for. */
const COPIED_LAYOUT = [
  'margin-top', 'margin-right', 'margin-bottom', 'margin-left', 'float', 'vertical-align',
  'flex-grow', 'flex-shrink', 'flex-basis', 'align-self', 'justify-self', 'order',
  'grid-row-start', 'grid-row-end', 'grid-column-start', 'grid-column-end',
];

/** The layout the QR needs to stand where `style`'s element stood. */
function layoutOf(style: CSSStyleDeclaration): Record<string, string> {
  const layout: Record<string, string> = { display: style.display.startsWith('inline') ? 'inline-block' : 'block' };
  for (const property of COPIED_LAYOUT) layout[property] = style.getPropertyValue(property);
  if (style.position !== 'static') {
    Object.assign(layout, { position: style.position, top: style.top, right: style.right, bottom: style.bottom, left: style.left, 'z-index': style.zIndex });
  }
  return layout;
}

export function replaceMode(context: ModeContext, target: Element): Mode {
  const { host, state } = context;
  const targetStyle = (target as HTMLElement).style as CSSStyleDeclaration | undefined;
  let savedDisplay: { value: string; priority: string } | undefined;
  return {
    mount() {
      const rect = target.getBoundingClientRect();
      const fallback = state.size ?? fallbackSize(context);
      state.size = {
        width: Math.round(rect.width) >= MIN_SIDE / 2 ? Math.round(rect.width) : fallback.width,
        height: Math.round(rect.height) >= MIN_SIDE / 2 ? Math.round(rect.height) : fallback.height,
      };
      applyInFlow(host, state, layoutOf(context.win.getComputedStyle(target)));
      target.before(host);
      savedDisplay = { value: targetStyle?.getPropertyValue('display') ?? '', priority: targetStyle?.getPropertyPriority('display') ?? '' };
      targetStyle?.setProperty('display', 'none', 'important');
    },
    isIntact: () => host.isConnected && target.isConnected && targetStyle?.getPropertyValue('display') === 'none',
    info: () => inFlowInfo(state),
    restore() {
      host.remove();
      if (savedDisplay && target instanceof HTMLElement) {
        if (savedDisplay.value === '') target.style.removeProperty('display');
        else target.style.setProperty('display', savedDisplay.value, savedDisplay.priority);
      }
    },
  };
}
