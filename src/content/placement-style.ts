// The placement's look, inside its shadow root. Adopted as a constructable stylesheet, which a page's
// CSP (style-src) does not govern; a <style> element is the fallback for browsers without it.
import { CAPTURING_ATTRIBUTE } from './own-elements';

export const PLACEMENT_CSS = `
.frame { position: relative; width: 100%; height: 100%; box-sizing: border-box; font: 12px/1.3 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #fff; }
:host(:focus-visible) .frame { outline: 2px solid #1a73e8; outline-offset: 2px; }
.clip { position: absolute; inset: 0; overflow: hidden; contain: strict; }
.image { display: block; width: 100%; height: 100%; }
.toolbar, .badge, .resize { visibility: hidden; }
:host(:hover) :is(.toolbar, .badge, .resize), :host(:focus-within) :is(.toolbar, .badge, .resize) { visibility: visible; }
.toolbar, .badge, .alert { position: fixed; left: 0; top: 0; box-sizing: border-box; width: max-content; z-index: 2; }
.toolbar, .badge { border-radius: 6px; background: rgba(24, 24, 27, 0.88); box-shadow: 0 1px 4px rgba(0, 0, 0, 0.3); }
.toolbar::before, .badge::before { content: ""; position: absolute; inset: -4px; z-index: -1; }
.toolbar { display: flex; align-items: center; gap: 4px; padding: 3px 4px; }
button { all: unset; box-sizing: border-box; display: inline-grid; place-items: center; min-width: 22px; height: 22px; padding: 0 4px; border-radius: 4px; cursor: pointer; color: #fff; font: inherit; }
button:hover { background: rgba(255, 255, 255, 0.18); }
button:focus-visible, input:focus-visible { outline: 2px solid #8ab4f8; outline-offset: 1px; }
button[aria-pressed="true"] { background: #1a73e8; }
.icon { display: block; width: 14px; height: 14px; fill: none; stroke: currentColor; stroke-width: 1.6; stroke-linecap: round; stroke-linejoin: round; }
input[type="range"] { width: 64px; margin: 0; accent-color: #8ab4f8; cursor: pointer; }
.badge { max-width: min(320px, calc(100vw - 8px)); padding: 3px 6px; }
.badge p { margin: 2px 0 0; color: #ffd166; }
.alert { display: none; width: 18px; height: 18px; border-radius: 50%; background: #d93025; color: #fff; font-weight: 700; text-align: center; line-height: 18px; z-index: 3; }
.alert.on { display: block; }
.resize { position: absolute; right: 0; bottom: 0; width: 18px; height: 18px; min-width: 0; padding: 0; border-radius: 0; cursor: nwse-resize; background: linear-gradient(135deg, transparent 50%, #1a73e8 50%); z-index: 3; touch-action: none; }
:host([data-mode="floating"]) .frame { cursor: move; }
:host([${CAPTURING_ATTRIBUTE}]) :is(.toolbar, .badge, .alert, .resize) { display: none !important; }
:host([${CAPTURING_ATTRIBUTE}]) .frame { outline: none !important; }
`;

export const PICKER_CSS = `
.box { position: fixed; pointer-events: none; box-sizing: border-box; border: 2px solid #ff6a00; background: rgba(255, 106, 0, 0.12); display: none; }
.label { position: fixed; pointer-events: none; display: none; max-width: 60vw; padding: 2px 6px; border-radius: 4px; background: #ff6a00; color: #fff; font: 12px/1.4 ui-monospace, Menlo, Consolas, monospace; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.banner { position: fixed; top: 8px; left: 50%; transform: translateX(-50%); pointer-events: none; padding: 6px 12px; border-radius: 6px; background: rgba(24, 24, 27, 0.92); color: #fff; font: 13px/1.4 system-ui, sans-serif; }
`;

export const NOTICE_CSS = `
.notice { position: fixed; bottom: 16px; left: 50%; transform: translateX(-50%); max-width: min(480px, 90vw); padding: 8px 14px; border-radius: 8px; background: rgba(24, 24, 27, 0.94); color: #fff; font: 13px/1.4 system-ui, sans-serif; box-shadow: 0 2px 8px rgba(0, 0, 0, 0.35); }
`;
