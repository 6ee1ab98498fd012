import React, { useEffect, useRef, useState } from 'react';
import { Text, useInput } from 'ink';
import { applyLineKeys } from '../review/line-input.js';

export interface LineInputProps {
  value: string;
  onChange: (value: string) => void;
  onSubmit: (value: string) => void;
  /** Shown instead of each character (hidden password prompt). */
  mask?: string;
}

/**
 * A one-line text input that owns its cursor and applies key bursts character by character
 * (ink-text-input inserts a whole burst as text, which misplaces the cursor after a held
 * backspace).
 */
export function LineInput({ value, onChange, onSubmit, mask }: LineInputProps) {
  const [cursor, setCursor] = useState([...value].length);
  const state = useRef({ value, cursor });
  state.current = { value, cursor: Math.min(cursor, [...value].length) };
  useEffect(() => {
    if (cursor > [...value].length) setCursor([...value].length);
  }, [value, cursor]);

  useInput((input, key) => {
    if (key.upArrow || key.downArrow || key.tab || key.escape) return;
    const next = applyLineKeys(state.current, input, key);
    state.current = { value: next.value, cursor: next.cursor };
    setCursor(next.cursor);
    if (next.value !== value) onChange(next.value);
    if (next.submitted) onSubmit(next.value);
  });

  const chars = [...(mask ? mask.repeat([...value].length) : value)];
  const at = Math.min(cursor, chars.length);
  return (
    <Text>
      {chars.slice(0, at).join('')}
      <Text inverse>{chars[at] ?? ' '}</Text>
      {chars.slice(at + 1).join('')}
    </Text>
  );
}
