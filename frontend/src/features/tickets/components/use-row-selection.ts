import { useState } from 'react';

/** The rows picked in a list, and the ways to pick them. */
export interface RowSelection {
  /** The picked ids, in the order of the rows shown. */
  ids: number[];
  isSelected: (id: number) => boolean;
  /** Every row shown is picked (false when there are no rows). */
  all: boolean;
  /** Some rows are picked, not all: the "select all" box is indeterminate. */
  some: boolean;
  /**
   * Flips one row. With `range` (shift-click), every row from the previous click to this one
   * takes this row's new state, as in a mail client.
   */
  toggle: (id: number, range?: boolean) => void;
  /** Picks every row shown, or none when they all were. */
  toggleAll: () => void;
  /** Keeps only these ids picked (e.g. the refused ones after a bulk change). */
  keep: (ids: number[]) => void;
  clear: () => void;
}

/**
 * Selection of the rows `shown` (ids in display order). Ids that leave the list (a refresh
 * filtered them out) are dropped from the selection, so an action only touches visible rows.
 */
export function useRowSelection(shown: number[]): RowSelection {
  const [picked, setPicked] = useState<ReadonlySet<number>>(new Set());
  const [anchor, setAnchor] = useState<number | null>(null);
  const ids = shown.filter((id) => picked.has(id));

  const toggle = (id: number, range = false) => {
    const turnOn = !picked.has(id);
    const from = anchor === null ? -1 : shown.indexOf(anchor);
    const to = shown.indexOf(id);
    const span = range && from >= 0 && to >= 0 ? shown.slice(Math.min(from, to), Math.max(from, to) + 1) : [id];
    const next = new Set(picked);
    span.forEach((rowId) => (turnOn ? next.add(rowId) : next.delete(rowId)));
    setPicked(next);
    setAnchor(id);
  };

  return {
    ids,
    isSelected: (id) => picked.has(id),
    all: shown.length > 0 && ids.length === shown.length,
    some: ids.length > 0 && ids.length < shown.length,
    toggle,
    toggleAll: () => setPicked(new Set(ids.length === shown.length ? [] : shown)),
    keep: (keepIds) => setPicked(new Set(keepIds)),
    clear: () => {
      setPicked(new Set());
      setAnchor(null);
    },
  };
}
