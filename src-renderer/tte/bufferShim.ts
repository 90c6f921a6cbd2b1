/**
 * @signpdf works on Node's Buffer and looks it up globally when it runs. The print worker has no
 * Buffer, so the well-known browser implementation stands in (in Node the real one stays).
 */
import { Buffer as BufferPolyfill } from 'buffer';

const g = globalThis as unknown as { Buffer?: unknown };
if (!g.Buffer) g.Buffer = BufferPolyfill;

export const NodeBuffer = (globalThis as unknown as { Buffer: typeof BufferPolyfill }).Buffer;
