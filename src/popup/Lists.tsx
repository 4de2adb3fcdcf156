// History and the request log are closed until someone opens them: what draws their entries arrives
// then, with the entries themselves, not with the popup.
import type { Signal } from '@preact/signals';
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Disclosure } from '../ui/Disclosure';
import { t } from '../shared/i18n';
import { usePopupStore } from './store';

function Lazy({ load }: { load: () => Promise<ComponentType> }) {
  const [Body, setBody] = useState<ComponentType | null>(null);
  useEffect(() => {
    let current = true;
    load()
      .then((component) => current && setBody(() => component))
      .catch((e: unknown) => console.warn('[popup] section not loaded', e));
    return () => {
      current = false;
    };
  }, [load]);
  return Body ? <Body /> : null;
}

const loadHistory = () => import('./HistoryEntries').then((m) => m.HistoryEntries);
const loadLog = () => import('./LogEntries').then((m) => m.LogEntries);

interface SectionProps {
  title: string;
  list: { open: Signal<boolean>; toggle: (next: boolean) => void };
  load: () => Promise<ComponentType>;
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
