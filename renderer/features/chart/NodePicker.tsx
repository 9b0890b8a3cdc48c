import { useMemo, useState } from 'react';
import type { ChartNode, ChartNodeKind } from '../../../shared/chart/types';
import { foldText } from '../../../shared/text/fold';
import { Combobox } from '../../components/Combobox';
import { Field } from '../../components/Field';
import { useT } from '../../i18n/useT';
import type { ChartData } from './useChartGraph';

interface NodePickerProps {
  data: ChartData;
  label: string;
  kinds: readonly ChartNodeKind[];
  value: string | null;
  onChange: (nodeId: string | null) => void;
  className?: string;
}

const MAX_OPTIONS = 12;

/** Picks a record of the chart by any of its names (an actor by alias too: "Artemio"). */
export function NodePicker({ data, label, kinds, value, onChange, className }: NodePickerProps) {
  const t = useT();
  const [query, setQuery] = useState<string | null>(null);
  const options = useMemo(() => {
    if (query === null) return [];
    const q = foldText(query.trim());
    const out: ChartNode[] = [];
    for (const node of data.graph.nodes.values()) {
      if (!kinds.includes(node.kind)) continue;
      if (q && !(data.searchText.get(node.id) ?? '').includes(q)) continue;
      out.push(node);
      if (out.length >= MAX_OPTIONS) break;
    }
    return out;
  }, [data, kinds, query]);
  const chosen = value ? data.graph.nodes.get(value) : undefined;
  return (
    <Field label={label} className={className}>
      {(a11y) => (
        <Combobox a11y={a11y} listLabel={label} idleText={chosen?.label ?? ''} query={query} onQuery={setQuery}
          options={options} optionKey={(n) => n.id}
          onChoose={(n) => { onChange(n.id); setQuery(null); }} onCleared={() => onChange(null)}
          renderOption={(n) => <>{n.label}<span className="muted"> — {t.dynamic(`chart.kind.${n.kind}`)}{n.kind === 'event' && n.detail ? `, ${n.detail}` : ''}</span></>} />
      )}
    </Field>
  );
}
