import type { Signal } from '@preact/signals';
import { useId } from 'preact/hooks';
import { afterClick } from './after-click';

export interface FieldProps {
  label: string;
  /** The one signal this field reads and writes. */
  value: Signal<string>;
  /** Replaces the plain write, for fields that change others too (Keep square). */
  onValue?: (value: string) => void;
  onBlur?: () => void;
  type?: 'text' | 'number' | 'url' | 'password';
  multiline?: boolean;
  /** Shown under the field, linked with aria-describedby; marks the field invalid. */
  error?: string | undefined;
  description?: string | undefined;
  /** Ids of further text about the field that lives elsewhere in the form (a warning block). */
  describedBy?: string | undefined;
  readOnly?: boolean;
  placeholder?: string;
  min?: number;
  max?: number;
  autoComplete?: string;
  class?: string;
}

/** A labelled input or textarea bound to one signal, with its description and error. */
export function Field(props: FieldProps) {
  const id = useId();
  const descriptionId = props.description ? `${id}-description` : undefined;
  const errorId = props.error ? `${id}-error` : undefined;
  const describedBy = [errorId, descriptionId, props.describedBy].filter(Boolean).join(' ') || undefined;
  const write = props.onValue ?? ((value: string) => (props.value.value = value));
  const onBlur = props.onBlur;
  const blur = onBlur && ((event: FocusEvent) => (event.relatedTarget instanceof HTMLButtonElement ? afterClick(onBlur) : onBlur()));
  const common = {
    id,
    value: props.value.value,
    onInput: (event: Event) => write((event.currentTarget as HTMLInputElement).value),
    onBlur: blur,
    readOnly: props.readOnly,
    placeholder: props.placeholder,
    autoComplete: props.autoComplete,
    'aria-invalid': props.error ? ('true' as const) : undefined,
    'aria-describedby': describedBy,
  };
  return (
    <div class={`field${props.class ? ` ${props.class}` : ''}`}>
      <label for={id}>{props.label}</label>
      {props.multiline ? (
        <textarea {...common} rows={2} />
      ) : (
        // Preact's types tie allowed attributes to one literal type; these four share the ones used here.
        <input {...common} type={(props.type ?? 'text') as 'text'} min={props.min} max={props.max} spellcheck={false} />
      )}
      {props.error && (
        <p id={errorId} class="field-error">
          {props.error}
        </p>
      )}
      {props.description && (
        <p id={descriptionId} class="field-description">
          {props.description}
        </p>
      )}
    </div>
  );
}
