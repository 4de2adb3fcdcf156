// History and the request log are closed until someone opens them: what draws their entries arrives
// then, with the entries themselves, not with the popup.
import type { Signal } from '@preact/signals';
import type { ComponentType } from 'preact';
import { Disclosure } from '../ui/Disclosure';
import { t } from '../shared/i18n';
import { Lazy } from './Lazy';
import { usePopupStore } from './store';
import { type LazyPart, lazyPart } from './lazy-part';

const loadHistory = lazyPart(() => import('./HistoryEntries').then((m) => m.HistoryEntries));
const loadLog = lazyPart(() => import('./LogEntries').then((m) => m.LogEntries));

interface SectionProps {
  title: string;
  list: { open: Signal<boolean>; toggle: (next: boolean) => void };
  load: LazyPart<ComponentType>;
}

function Section({ title, list, load }: SectionProps) {
  return (
    <Disclosure title={title} open={list.open.value} onToggle={list.toggle}>
      <Lazy load={load} />
    </Disclosure>
  );
}

/** The last results. */
export function HistoryList() {
  return <Section title={t('historyHeading')} list={usePopupStore().history} load={loadHistory} />;
}

/** Recent HTTP calls. */
export function RequestLog() {
  return <Section title={t('logHeading')} list={usePopupStore().log} load={loadLog} />;
}
