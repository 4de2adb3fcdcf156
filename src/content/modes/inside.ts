// 'inside': the QR is appended to the element, as large as the element's content box allows.
import type { Size } from '../../shared/placement-messages';
import { MIN_SIDE } from '../placement-geometry';
import { applyInFlow, inFlowInfo } from './in-flow';
import { fallbackSize, type ModeContext, type Mode } from './mode';

/** The size of an element's content box. */
function contentBox(target: Element, win: Window): Size {
  const style = win.getComputedStyle(target);
  const width = target.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
  const height = target.clientHeight - Number.parseFloat(style.paddingTop) - Number.parseFloat(style.paddingBottom);
  return { width: Number.isFinite(width) ? width : 0, height: Number.isFinite(height) ? height : 0 };
}

export function insideMode(context: ModeContext, target: Element): Mode {
  const { host, state } = context;
  return {
    mount() {
      if (!state.size) {
        const box = contentBox(target, context.win);
        const side = Math.floor(Math.min(box.width, box.height > 0 ? box.height : box.width));
        state.size = side >= MIN_SIDE ? { width: side, height: side } : fallbackSize(context);
      }
      applyInFlow(host, state, { display: 'block', 'flex-shrink': '0', margin: '0' });
      target.append(host);
    },
    // A page that re-renders may move the host out of the element, or throw the element away.
    isIntact: () => host.isConnected && target.isConnected && host.parentElement === target,
    info: () => inFlowInfo(state),
    restore: () => host.remove(),
  };
}
