import { useEffect, useId, useRef } from 'react';
import type { View } from '../../state/store';
import { getSearchClient } from '../../search/searchClient';
import { useUi } from '../../state/store';
import { useT } from '../../i18n/useT';
import { RESULTS_LISTBOX_ID, stepOption, visibleOptionIds } from './listbox';
import './searchBox.css';

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);

/**
 * The one search box, in the app chrome, and the combobox of the results listbox. Typing shows
 * the Search view (the query runs after a short pause); the arrows move through the hits while
 * focus stays here; Enter opens the active hit, or else runs the query at once; Escape first
 * lets go of the active hit, then clears the text and, when already empty, leaves search for
 * the view the user came from.
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
  const activeId = useUi((s) => s.searchActiveId);
  const listOpen = useUi((s) => s.searchListOpen && s.view === 'search');
  const setActive = useUi((s) => s.setSearchActiveId);
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
        role="combobox" aria-autocomplete="none" aria-expanded={listOpen}
        aria-controls={listOpen ? RESULTS_LISTBOX_ID : undefined}
        aria-activedescendant={listOpen && activeId ? activeId : undefined}
        onFocus={() => getSearchClient()}
        onChange={(e) => change(e.target.value)}
        onKeyDown={(e) => {
          if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && !e.altKey && listOpen) {
            e.preventDefault();
            setActive(stepOption(visibleOptionIds(), activeId, e.key === 'ArrowDown' ? 1 : -1));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            const option = listOpen && activeId ? document.getElementById(activeId) : null;
            // The same click the mouse gives, so a hit opens exactly as it does when clicked.
            if (option) option.click();
            else submit();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            if (activeId !== null) { setActive(null); return; }
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
