import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type ReactNode } from 'react';

interface Props {
  count: number;
  rowHeight: number;
  renderRow(index: number, style: React.CSSProperties): ReactNode;
  empty?: ReactNode;
  /** Extra attributes on the scroll container (test ids, data-query for the bench). */
  attrs?: Record<string, string | number>;
}

/** A scroll container that renders only the visible rows: lists of 10,000+ stay instant. */
export function VirtualRows({ count, rowHeight, renderRow, empty, attrs }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  return (
    <div ref={scrollRef} className="grid-body" {...attrs}>
      {count === 0 ? empty : null}
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) =>
          renderRow(item.index, { position: 'absolute', top: 0, left: 0, right: 0, height: rowHeight, transform: `translateY(${item.start}px)` }),
        )}
      </div>
    </div>
  );
}
