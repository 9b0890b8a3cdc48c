import { useT } from '../../i18n/useT';

interface Props {
  /** undefined while names load; null when the record no longer exists. */
  name: string | null | undefined;
  onOpen: () => void;
}

/** A name that opens its record, or plain text when the record was deleted. */
export function RecordLink({ name, onOpen }: Props) {
  const t = useT();
  if (name === undefined) return <span className="muted">…</span>;
  if (name === null) return <span className="muted">{t('common.deletedRecord')}</span>;
  return <button type="button" className="link" onClick={onOpen}>{name}</button>;
}
