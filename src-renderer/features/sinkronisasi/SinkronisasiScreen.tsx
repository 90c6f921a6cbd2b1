import { useState } from 'react';
import { usePerfMark } from '../../components/perf';
import { useT } from '../../i18n/i18n';
import { EnrolCard } from './EnrolCard';
import { IntroCard } from './IntroCard';
import { PeersCard } from './PeersCard';
import { ServerCard } from './ServerCard';
import { ReceiveCard } from './ReceiveCard';
import { ReviewCard } from './ReviewCard';
import { useGateLoading } from '../../components/LoadGate';
import { useSyncData } from './useSyncData';
import { OwnKeyCode } from './OwnKeyCode';
import { UndoPackageCard } from './UndoPackageCard';

type Msg = { kind: 'success' | 'error' | 'warning'; text: string };

export function SinkronisasiScreen() {
  const t = useT();
  const data = useSyncData();
  const [msgs, setMsgs] = useState<Msg[]>([]);
  const notify = (kind: Msg['kind'], text: string) => setMsgs((m) => (kind === 'warning' ? [...m, { kind, text }] : [{ kind, text }]));
  // Decided once this installation is known (an installation from before sync has no record: an office PC).
  const role = data.self === undefined ? null : (data.self?.role ?? 'KANTOR');
  usePerfMark('sync-ready', data.peers !== undefined);
  // Shown once everything is read: the partners' table and the review list arriving one by one
  // pushed the cards beneath them down from under the pointer.
  useGateLoading(Object.values(data).some((v) => v === undefined));
  return (
    <div className="page" data-testid="sync-screen">
      <h1>{t('sync.title')}</h1>
      <p className="lead">{t('sync.intro')}</p>
      <OwnKeyCode />
      {msgs.map((m, i) => (
        <p key={i} className={`notice notice-${m.kind}`} role={m.kind === 'error' ? 'alert' : 'status'}>
          {m.text}
        </p>
      ))}
      <ServerCard peers={data.peers} />
      <PeersCard peers={data.peers} notify={notify} />
      <div className="columns">
        <div className="stack">
          <ReviewCard data={data} notify={notify} />
        </div>
        <div className="stack">
          <ReceiveCard notify={notify} />
          <UndoPackageCard notify={notify} />
          {role === 'KANTOR' ? <EnrolCard employees={data.employees} notify={notify} /> : null}
          {role === 'KANTOR' || role === 'BKD' ? <IntroCard notify={notify} /> : null}
        </div>
      </div>
    </div>
  );
}
