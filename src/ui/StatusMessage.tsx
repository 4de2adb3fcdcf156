export interface StatusMessageProps {
  text: string;
  class?: string;
}

/** A polite live region; it stays in the page so screen readers hear each new text. */
export function StatusMessage({ text, class: className }: StatusMessageProps) {
  return (
    <p role="status" class={`status${className ? ` ${className}` : ''}`}>
      {text}
    </p>
  );
}
