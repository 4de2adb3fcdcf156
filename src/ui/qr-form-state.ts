// The QR parameter form as signals: one per field, validated by the same core rules the
// background applies. Used by the popup's form and the options page's defaults.
import { batch, computed, type Signal, signal } from '@preact/signals';
import type { PimAttribute } from '../core/attributes';
import type { FieldErrors } from '../core/param-errors';
import { type ParamField, type QrParams, validateParams } from '../core/params';
import { paramErrorText } from './param-error-text';

/** Text fields stay text so a half-typed or invalid value survives too. */
export interface FormDraft {
  redirect: string;
  title: string;
  description: string;
  attributes: PimAttribute[];
  width: string;
  height: string;
  keepSquare: boolean;
}

export function draftFromParams(params: QrParams): FormDraft {
  return {
    redirect: String(params.redirect),
    title: params.title,
    description: params.description,
    attributes: [...params.attributes],
    width: String(params.width),
    height: String(params.height),
    keepSquare: params.width === params.height,
  };
}

export function createQrFormState(initial: FormDraft) {
  const redirect = signal(initial.redirect);
  const title = signal(initial.title);
  const description = signal(initial.description);
  const attributes = signal<PimAttribute[]>(initial.attributes);
  const width = signal(initial.width);
  const height = signal(initial.height);
  const keepSquare = signal(initial.keepSquare);
  const touched = signal<ReadonlySet<ParamField>>(new Set());
  const submitted = signal(false);
  /** The server's verdict, valid only while the fields still hold the values it judged. */
  const server = signal<{ errors: FieldErrors; judged: FormDraft } | null>(null);

  const draft = computed<FormDraft>(() => ({
    redirect: redirect.value,
    title: title.value,
    description: description.value,
    attributes: attributes.value,
    width: width.value,
    height: height.value,
    keepSquare: keepSquare.value,
  }));
  const validation = computed(() => validateParams(draft.value));

  function errorFor(field: ParamField): string | undefined {
    const checked = validation.value;
    const client = checked.ok ? undefined : checked.errors[field];
    if (client && (submitted.value || touched.value.has(field))) return paramErrorText(client);
    const judged = server.value;
    const serverError = judged?.errors[field];
    if (serverError && JSON.stringify(judged.judged[field]) === JSON.stringify(draft.value[field])) {
      return paramErrorText(serverError);
    }
    return undefined;
  }

  return {
    redirect,
    title,
    description,
    attributes,
    width,
    height,
    keepSquare,
    submitted,
    draft,
    validation,
    errorFor,
    touch(field: ParamField) {
      if (!touched.value.has(field)) touched.value = new Set([...touched.value, field]);
    },
    ...sizeSetters(width, height, keepSquare),
    setServerErrors(errors: FieldErrors | undefined) {
      server.value = errors && Object.keys(errors).length > 0 ? { errors, judged: draft.value } : null;
    },
    load(next: FormDraft) {
      batch(() => {
        redirect.value = next.redirect;
        title.value = next.title;
        description.value = next.description;
        attributes.value = next.attributes;
        width.value = next.width;
        height.value = next.height;
        keepSquare.value = next.keepSquare;
        touched.value = new Set();
        submitted.value = false;
        server.value = null;
      });
    },
  };
}

/** Width and height move together while "Keep square" is on. */
function sizeSetters(width: Signal<string>, height: Signal<string>, keepSquare: Signal<boolean>) {
  return {
    setWidth(value: string) {
      batch(() => {
        width.value = value;
        if (keepSquare.value) height.value = value;
      });
    },
    setHeight(value: string) {
      batch(() => {
        height.value = value;
        if (keepSquare.value) width.value = value;
      });
    },
    setKeepSquare(on: boolean) {
      batch(() => {
        keepSquare.value = on;
        if (on) height.value = width.value;
      });
    },
  };
}

export type QrFormState = ReturnType<typeof createQrFormState>;
