import { useId, useState } from 'react';
import type { ReactNode } from 'react';

/** What a <Field> hands its control: id, invalid state, description, optional fuller name. */
export interface FieldControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
  'aria-label'?: string;
}

interface ComboboxProps<T> {
  a11y: FieldControlProps;
  /** Accessible name of the suggestion list. */
  listLabel: string;
  /** What the input shows while the user is not typing (e.g. the chosen record's name). */
  idleText: string;
  /** The text being typed, or null when not typing (list closed). */
  query: string | null;
  onQuery: (query: string | null) => void;
  options: readonly T[];
  optionKey: (option: T) => string;
  renderOption: (option: T) => ReactNode;
  onChoose: (option: T) => void;
  /** The user emptied the input. */
  onCleared?: () => void;
  placeholder?: string | undefined;
}

/**
 * The one accessible combobox (WAI-ARIA 1.2 list autocomplete) behind the actor and event
 * pickers: type to filter, arrows to move, Enter to choose, Escape to close the list.
 */
export function Combobox<T>(props: ComboboxProps<T>) {
  const { a11y, listLabel, idleText, query, onQuery, options, optionKey, renderOption, onChoose, onCleared, placeholder } = props;
  const listId = useId();
  const [active, setActive] = useState(0);
  const open = query !== null && options.length > 0;
  const choose = (option: T) => { setActive(0); onChoose(option); };

  return (
    <div className="combobox">
      <input {...a11y} type="text" role="combobox" aria-expanded={open} aria-controls={listId} aria-autocomplete="list"
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        value={query ?? idleText} placeholder={placeholder}
        onFocus={() => onQuery(query ?? '')}
        // Later than the option's mousedown, which chooses before the input loses focus.
        onBlur={() => setTimeout(() => onQuery(null), 150)}
        onChange={(e) => { onQuery(e.target.value); setActive(0); if (e.target.value === '') onCleared?.(); }}
        onKeyDown={(e) => {
          if (!open) return;
          if (e.key === 'ArrowDown') { e.preventDefault(); setActive((i) => Math.min(i + 1, options.length - 1)); }
          else if (e.key === 'ArrowUp') { e.preventDefault(); setActive((i) => Math.max(i - 1, 0)); }
          else if (e.key === 'Enter') { e.preventDefault(); const o = options[active]; if (o) choose(o); }
          // Closes the list only: a form around it must not take this Escape as "cancel".
          else if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); onQuery(null); }
        }} />
      {open ? (
        <ul id={listId} role="listbox" className="combobox__list" aria-label={listLabel}>
          {options.map((option, i) => (
            <li key={optionKey(option)} id={`${listId}-${i}`} role="option" aria-selected={i === active}
              onMouseDown={(e) => { e.preventDefault(); choose(option); }}>
              {renderOption(option)}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
