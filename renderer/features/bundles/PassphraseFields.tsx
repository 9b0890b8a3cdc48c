import { useId } from 'react';
import type { MessageKey } from '../../i18n';
import { useT } from '../../i18n/useT';

export const MIN_PASSPHRASE = 8;

/** What is wrong with a new passphrase and its confirmation, as a message key; null when fine. */
export function passphraseProblem(first: string, second: string): MessageKey | null {
  if (first.length < MIN_PASSPHRASE) return 'bundles.passphrase.tooShort';
  if (first !== second) return 'bundles.passphrase.mismatch';
  return null;
}

interface Props {
  encrypt: boolean;
  onEncrypt: (on: boolean) => void;
  value: { first: string; second: string };
  onChange: (value: { first: string; second: string }) => void;
}

/** Optional passphrase for a bundle, typed twice, with the warning that nobody can recover it. */
export function PassphraseFields({ encrypt, onEncrypt, value, onChange }: Props) {
  const t = useT();
  const ids = { first: useId(), second: useId(), warning: useId() };
  return (
    <div className="passphrase">
      <label className="passphrase__toggle">
        <input type="checkbox" checked={encrypt} onChange={(e) => onEncrypt(e.target.checked)} />
        {' '}{t('bundles.passphrase.encrypt')}
      </label>
      {encrypt ? (
        <>
          <p id={ids.warning} className="passphrase__warning">{t('bundles.passphrase.warning')}</p>
          <div className="passphrase__fields">
            <div className="field">
              <label htmlFor={ids.first}>{t('bundles.passphrase.label')}</label>
              <input id={ids.first} type="password" autoComplete="new-password" value={value.first} aria-describedby={ids.warning}
                onChange={(e) => onChange({ ...value, first: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor={ids.second}>{t('bundles.passphrase.confirm')}</label>
              <input id={ids.second} type="password" autoComplete="new-password" value={value.second}
                onChange={(e) => onChange({ ...value, second: e.target.value })} />
            </div>
          </div>
        </>
      ) : null}
    </div>
  );
}
