import type { Signal } from '@preact/signals';
import { useId } from 'preact/hooks';
import { PIM_ATTRIBUTES, type PimAttribute } from '../core/attributes';
import { ATTRIBUTE_PRESETS } from './attribute-presets';
import { Button } from './Button';
import { t } from '../shared/i18n';

export interface AttributePickerProps {
  /** The chosen attributes in the order they were picked (the order KPN shows them in). */
  value: Signal<PimAttribute[]>;
  error?: string | undefined;
  onTouched?: () => void;
}

/** The "Attributes" group: one checkbox per API name, spelled as the API spells it, plus shortcuts. */
export function AttributePicker({ value, error, onTouched }: AttributePickerProps) {
  const id = useId();
  const chosen = value.value;
  const set = (next: PimAttribute[]) => {
    value.value = next;
    onTouched?.();
  };
  const toggle = (name: PimAttribute, on: boolean) => set(on ? [...chosen.filter((a) => a !== name), name] : chosen.filter((a) => a !== name));

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
      <div class="attribute-grid">
        {PIM_ATTRIBUTES.map((name) => (
          <label key={name} class="check">
            {/* The name is the API's spelling exactly; aria-label keeps it whole where <wbr> splits the text. */}
            <input type="checkbox" aria-label={name} checked={chosen.includes(name)} onChange={(e) => toggle(name, e.currentTarget.checked)} />
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
