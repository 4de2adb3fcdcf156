import type { ComponentChildren } from 'preact';

export interface ButtonProps {
  children: ComponentChildren;
  onClick?: (event: MouseEvent) => void;
  type?: 'button' | 'submit';
  variant?: 'primary' | 'secondary' | 'danger' | 'quiet';
  size?: 'normal' | 'small';
  /**
   * Shows a spinner and sets aria-busy; clicks do nothing meanwhile. The button stays focusable
   * (aria-disabled, not disabled): a disabled button drops the keyboard user's focus to the page.
   */
  busy?: boolean;
  disabled?: boolean;
  title?: string;
  'aria-label'?: string;
  'aria-expanded'?: boolean;
  'aria-controls'?: string;
  'aria-describedby'?: string;
  class?: string;
  /** Marks the button a dialog gives its first focus. */
  'data-cancel'?: boolean;
}

export function Button({ children, type = 'button', variant = 'secondary', size = 'normal', busy = false, ...rest }: ButtonProps) {
  const classes = ['btn', `btn-${variant}`, size === 'small' ? 'btn-small' : '', rest.class ?? ''].filter(Boolean).join(' ');
  return (
    <button
      type={type}
      class={classes}
      onClick={busy ? swallow : rest.onClick}
      disabled={rest.disabled}
      aria-disabled={busy ? 'true' : undefined}
      aria-busy={busy ? 'true' : undefined}
      title={rest.title}
      aria-label={rest['aria-label']}
      aria-expanded={rest['aria-expanded']}
      aria-controls={rest['aria-controls']}
      aria-describedby={rest['aria-describedby']}
      data-cancel={rest['data-cancel']}
    >
      {busy && <span class="spinner" aria-hidden="true" />}
      {children}
    </button>
  );
}

// A busy submit button must not submit again: its click's default action is the submit.
function swallow(event: MouseEvent): void {
  event.preventDefault();
}
