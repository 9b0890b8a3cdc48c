import { useEffect, useId, useRef, useState } from 'react';
import { useT } from '../../i18n/useT';

/** The query syntax, as examples a researcher can copy. */
export function SyntaxList() {
  const t = useT();
  const rows: Array<[string, Parameters<typeof t>[0]]> = [
    ['guzman abimael', 'search.help.words'],
    ['artemio OR feliciano', 'search.help.or'],
    ['"sendero luminoso"', 'search.help.phrase'],
    ['quisp*', 'search.help.prefix'],
    ['vraem -huallaga', 'search.help.exclude'],
    ['cocaína mentions:"Artemio"', 'search.help.mentions'],
  ];
  return (
    <>
      <dl className="search-syntax">
        {rows.map(([example, key]) => (
          <div key={key}>
            <dt><code>{example}</code></dt>
            <dd>{t(key)}</dd>
          </div>
        ))}
      </dl>
      <p className="search-syntax__intro">{t('search.help.intro')}</p>
    </>
  );
}

/** A small popover with the syntax, opened from the filters bar. */
export function SyntaxHelp() {
  const t = useT();
  const id = useId();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => { if (!root.current?.contains(e.target as Node)) setOpen(false); };
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') { setOpen(false); root.current?.querySelector('button')?.focus(); } };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => { document.removeEventListener('pointerdown', onPointer); document.removeEventListener('keydown', onKey); };
  }, [open]);

  return (
    <div className="search-help" ref={root}>
      <button type="button" className="link" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        {t('search.help.toggle')}
      </button>
      {open ? (
        <div id={id} className="search-help__popover" role="dialog" aria-label={t('search.help.title')}>
          <SyntaxList />
        </div>
      ) : null}
    </div>
  );
}
