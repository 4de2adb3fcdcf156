import type { Signal } from '@preact/signals';
import { useId, useState } from 'preact/hooks';
import { PIM_ATTRIBUTES, type PimAttribute } from '../core/attributes';
import { ATTRIBUTE_PRESETS } from './attribute-presets';
import { Button } from './Button';
import { rovingTarget } from './roving-focus';
import { t } from '../shared/i18n';

export interface AttributePickerProps {
  /** The chosen attributes in the order they were picked (the order KPN shows them in). */
  value: Signal<PimAttribute[]>;
  error?: string | undefined;
  onTouched?: () => void;
}

/**
 * The "Attributes" group: one checkbox per API name, spelled as the API spells it, plus shortcuts.
 * The checkboxes are one tab stop (roving tabindex): the arrow keys, Home and End move between them and
 * Space ticks one, so the Tab key passes the group in one press on its way to Generate.
 */
export function AttributePicker({ value, error, onTouched }: AttributePickerProps) {
  const id = useId();
  const [current, setCurrent] = useState(0);
  const chosen = value.value;
  const set = (next: PimAttribute[]) => {
    value.value = next;
    onTouched?.();
  };
  const toggle = (name: PimAttribute, on: boolean) => set(on ? [...chosen.filter((a) => a !== name), name] : chosen.filter((a) => a !== name));
  const onKeyDown = (event: KeyboardEvent) => {
    const next = rovingTarget(event.key, current, PIM_ATTRIBUTES.length);
    if (next === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    setCurrent(next);
    (event.currentTarget as HTMLElement).querySelectorAll('input')[next]?.focus();
  };

  return (
    <fieldset class="attributes" aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{t('fieldAttributes')}</legend>
      <div class="attribute-tools">
        <Button size="small" variant="quiet" onClick={() => set([...chosen, ...PIM_ATTRIBUTES.filter((a) => !chosen.includes(a))])}>
          {t('attributesSelectAll')}
        </Button>
        <Button size="small" variant="quiet" onClick={() => set([])}>
          {t('attributesClear')}
        </Button>
        <span class="attribute-presets" role="group" aria-label={t('attributesPresets')}>
          {ATTRIBUTE_PRESETS.map((preset) => (
            <Button key={preset.label} size="small" variant="quiet" onClick={() => set([...preset.attributes])}>
              {t(preset.label)}
            </Button>
          ))}
        </span>
      </div>
      <div class="attribute-grid" onKeyDown={onKeyDown}>
        {PIM_ATTRIBUTES.map((name, index) => (
          <label key={name} class="check">
            {/* The name is the API's spelling exactly; aria-label keeps it whole where <wbr> splits the text. */}
            <input
              type="checkbox"
              aria-label={name}
              tabIndex={index === current ? 0 : -1}
              checked={chosen.includes(name)}
              onChange={(e) => toggle(name, e.currentTarget.checked)}
              onFocus={() => setCurrent(index)}
            />
            <span>{withBreaks(name)}</span>
          </label>
        ))}
      </div>
      {error && (
        <p id={`${id}-error`} class="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** "BankIdentificationNumber" may wrap between its words; <wbr> leaves the text (and accessible name) as is. */
function withBreaks(name: string) {
  return name.split(/(?=[A-Z])/).flatMap((part, i) => (i === 0 ? [part] : [<wbr key={i} />, part]));
}
