// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { LoadGate, useGateLoading } from './LoadGate';

function Part({ name, loading }: { name: string; loading: boolean }) {
  useGateLoading(loading);
  return <button type="button">{loading ? '' : name}</button>;
}

function Screen({ a, b }: { a: boolean; b: boolean }) {
  return (
    <LoadGate>
      <Part name="Simpan" loading={a} />
      <Part name="Pulihkan" loading={b} />
    </LoadGate>
  );
}

afterEach(cleanup);

const content = (container: HTMLElement) => container.querySelector<HTMLElement>('.load-gate')!;

describe('LoadGate', () => {
  it('keeps the screen hidden until every part has its data, saying it is loading', () => {
    const { container, rerender } = render(<Screen a={true} b={true} />);
    expect(content(container).hidden).toBe(true);
    expect(screen.getByTestId('load-gate').textContent).toBe('Memuat data…');

    // One card answered: still hidden, or the other card's answer would push it down later.
    rerender(<Screen a={false} b={true} />);
    expect(content(container).hidden).toBe(true);

    rerender(<Screen a={false} b={false} />);
    expect(content(container).hidden).toBe(false);
    expect(screen.queryByTestId('load-gate')).toBeNull();
  });

  it('shows a screen whose parts already have their data at once', () => {
    const { container } = render(<Screen a={false} b={false} />);
    expect(content(container).hidden).toBe(false);
  });

  it('does not hide the screen again when a part reads anew', () => {
    const { container, rerender } = render(<Screen a={false} b={false} />);
    rerender(<Screen a={true} b={false} />);
    expect(content(container).hidden).toBe(false);
  });

  it('a part outside a gate is simply drawn', () => {
    render(<Part name="Simpan" loading={false} />);
    expect(screen.getByRole('button', { name: 'Simpan' })).toBeTruthy();
  });
});
