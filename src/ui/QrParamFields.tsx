import { AttributePicker } from './AttributePicker';
import { Field } from './Field';
import { t } from '../shared/i18n';
import type { QrFormState } from './qr-form-state';
import { SizeFields } from './SizeFields';

export interface QrParamFieldsProps {
  form: QrFormState;
}

/** Every QR parameter, each with its own inline error (after it is touched, or after submit). */
export function QrParamFields({ form }: QrParamFieldsProps) {
  return (
    <>
      <Field
        label={t('fieldRedirect')}
        type="number"
        value={form.redirect}
        min={1}
        onBlur={() => form.touch('redirect')}
        error={form.errorFor('redirect')}
        description={t('fieldRedirectHelp')}
        class="field-inline"
      />
      <Field label={t('fieldTitle')} value={form.title} onBlur={() => form.touch('title')} error={form.errorFor('title')} />
      <Field
        label={t('fieldDescription')}
        value={form.description}
        multiline
        onBlur={() => form.touch('description')}
        error={form.errorFor('description')}
      />
      <AttributePicker value={form.attributes} error={form.errorFor('attributes')} onTouched={() => form.touch('attributes')} />
      <SizeFields form={form} />
    </>
  );
}
