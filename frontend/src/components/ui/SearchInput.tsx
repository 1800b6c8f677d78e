import { CloseButton, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';

/** A search box that reports its text after the user pauses typing (or presses Enter). */
export function SearchInput({
  value,
  onSearch,
  label,
  placeholder,
  clearLabel,
}: {
  value: string;
  onSearch: (value: string) => void;
  label: string;
  placeholder?: string;
  clearLabel: string;
}) {
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    // The search changed from outside (reset, Back): show it.
    setShown(value);
    setText(value);
  }
  const debounced = useDebouncedCallback(onSearch, 350);
  return (
    <TextInput
      type="search"
      aria-label={label}
      placeholder={placeholder ?? label}
      leftSection={<IconSearch size={16} aria-hidden />}
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value);
        debounced(e.currentTarget.value.trim());
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onSearch(text.trim());
      }}
      rightSection={
        text ? (
          <CloseButton
            size="sm"
            aria-label={clearLabel}
            onClick={() => {
              setText('');
              onSearch('');
            }}
          />
        ) : null
      }
      style={{ flex: '3 1 260px' }}
    />
  );
}
