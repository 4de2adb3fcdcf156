import { Field } from './Field';
import { t } from '../shared/i18n';
import type { QrFormState } from './qr-form-state';

export interface SizeFieldsProps {
  form: QrFormState;
}

/** Width and height in pixels; "Keep square" (on by default) makes one follow the other. */
export function SizeFields({ form }: SizeFieldsProps) {
  return (
    <div class="size-row">
      <Field
        label={t('fieldWidth')}
        type="number"
        value={form.width}
        onValue={form.setWidth}
        onBlur={() => form.touch('width')}
        error={form.errorFor('width')}
        class="field-narrow"
      />
      <Field
        label={t('fieldHeight')}
        type="number"
        value={form.height}
        onValue={form.setHeight}
        onBlur={() => form.touch('height')}
        error={form.errorFor('height')}
        class="field-narrow"
      />
      <label class="check keep-square">
        <input type="checkbox" checked={form.keepSquare.value} onChange={(e) => form.setKeepSquare(e.currentTarget.checked)} />
        <span>{t('fieldKeepSquare')}</span>
      </label>
    </div>
  );
}
