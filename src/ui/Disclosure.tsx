import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

export interface DisclosureProps {
  title: string;
  open: boolean;
  onToggle: (open: boolean) => void;
  children: ComponentChildren;
  /** Extra controls in the heading row, such as a count. */
  aside?: ComponentChildren;
  level?: 2 | 3;
}

/** A section whose heading is a button that shows or hides its content. */
export function Disclosure({ title, open, onToggle, children, aside, level = 2 }: DisclosureProps) {
  const id = useId();
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section class="disclosure" aria-labelledby={`${id}-heading`}>
      <Heading class="disclosure-heading" id={`${id}-heading`}>
        <button type="button" class="disclosure-toggle" aria-expanded={open} aria-controls={`${id}-panel`} onClick={() => onToggle(!open)}>
          <span class="disclosure-chevron" aria-hidden="true" />
          {title}
        </button>
        {aside}
      </Heading>
      <div id={`${id}-panel`} class="disclosure-panel" hidden={!open}>
        {open && children}
      </div>
    </section>
  );
}
