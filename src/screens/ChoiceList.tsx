import SelectInput from 'ink-select-input';
import { useRef } from 'react';

export interface Choice<V extends string> {
  value: V;
  label: string;
}

export interface ChoiceListProps<V extends string> {
  choices: readonly Choice<V>[];
  initialValue?: V;
  isFocused?: boolean;
  onChoose: (value: V) => void;
}

/**
 * ink-select-input with one fix: when an arrow and enter arrive in the same read (typed fast,
 * or sent by tmux), its enter handler still sees the old highlight and would pick the wrong
 * item. The highlight reported since the last render wins, and a list answers only once.
 */
export function ChoiceList<V extends string>({ choices, initialValue, isFocused = true, onChoose }: ChoiceListProps<V>) {
  const pending = useRef<V | undefined>(undefined);
  const chosen = useRef(false);
  pending.current = undefined;
  const items = choices.map((c) => ({ key: c.value, label: c.label, value: c.value }));
  const initialIndex = Math.max(0, choices.findIndex((c) => c.value === initialValue));
  return (
    <SelectInput
      items={items}
      initialIndex={initialIndex}
      isFocused={isFocused}
      onHighlight={(item) => {
        pending.current = item.value;
      }}
      onSelect={(item) => {
        if (chosen.current) return;
        chosen.current = true;
        onChoose(pending.current ?? item.value);
      }}
    />
  );
}
