import { useEffect, useId, useRef } from 'react';
import type { View } from '../../state/store';
import { getSearchClient } from '../../search/searchClient';
import { useUi } from '../../state/store';
import { useT } from '../../i18n/useT';
import './searchBox.css';

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);

/**
 * The one search box, in the app chrome. Typing shows the Search view (the query runs after
 * a short pause), Enter runs it at once, Escape clears the text and, when already empty,
 * leaves search for the view the user came from.
 */
const SEARCH_START_DELAY_MS = 3000;

export function SearchBox() {
  const t = useT();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const text = useUi((s) => s.searchText);
  const view = useUi((s) => s.view);
  const focusTick = useUi((s) => s.searchBoxFocusTick);
  const setText = useUi((s) => s.setSearchText);
  const submit = useUi((s) => s.submitSearch);
  const showView = useUi((s) => s.showView);
  const cameFrom = useRef<View>('actors');

  // Start the search worker a little after start-up, when the window is idle, so its first
  // catch-up (reading records and pages, at worst indexing a large library) does not queue
  // in IndexedDB ahead of the first screen and first filters. Focusing or typing in the box
  // starts it at once.
  useEffect(() => {
    let idle = 0;
    const timer = window.setTimeout(() => { idle = window.requestIdleCallback(() => getSearchClient(), { timeout: 2000 }); }, SEARCH_START_DELAY_MS);
    return () => { window.clearTimeout(timer); window.cancelIdleCallback(idle); };
  }, []);

  useEffect(() => {
    if (view !== 'search') cameFrom.current = view;
  }, [view]);

  useEffect(() => {
    if (focusTick === 0) return;
    input.current?.focus();
    input.current?.select();
  }, [focusTick]);

  const change = (value: string) => {
    setText(value);
    if (value.trim() && useUi.getState().view !== 'search') showView('search');
  };

  return (
    <div className="search-box" role="search">
      <label htmlFor={id} className="visually-hidden">{t('search.box')}</label>
      <input ref={input} id={id} type="search" className="search-box__input" value={text} placeholder={t('search.placeholder')}
        autoComplete="off" spellCheck={false} aria-keyshortcuts="Control+K Meta+K"
        onFocus={() => getSearchClient()}
        onChange={(e) => change(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') { e.preventDefault(); submit(); }
          else if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            if (text !== '') { setText(''); return; }
            input.current?.blur();
            if (useUi.getState().view === 'search') showView(cameFrom.current);
          }
        }} />
      {text !== '' ? (
        <button type="button" className="icon search-box__clear" aria-label={t('search.clear')}
          onClick={() => { setText(''); input.current?.focus(); }}>×</button>
      ) : null}
      {text === '' ? <kbd className="search-box__kbd" aria-hidden="true">{IS_MAC ? '⌘K' : t('search.shortcut')}</kbd> : null}
    </div>
  );
}
