// @vitest-environment happy-dom
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SyncProposal } from '../../db/schema';
import type { SyncDoc } from '../../domain/sync/merge';
import { ProposalItem } from './ProposalItem';

const REV = '001767571200000-00000-kantor';
const budi = { id: 'b1', rev: REV, createdAt: '', updatedAt: '', updatedBy: 'kantor', deleted: false, nama: 'Budi Hartono', jabatan: 'Analis' } as SyncDoc;

describe('a proposal a person can decide', () => {
  it('names the employee and shows the proposed value next to the current one', () => {
    const proposal: SyncProposal = {
      id: 'p', at: '', table: 'employees', docId: 'b1', reason: 'notAllowed', doc: { ...budi, jabatan: 'Analis Kebijakan' }, paths: ['jabatan'], writers: ['lap'], from: 'Kecamatan Curug, laptop Camat', packageId: 'x',
    };
    render(<ProposalItem proposal={proposal} current={budi} onAccept={() => {}} onReject={() => {}} />);
    const item = screen.getByTestId('proposal');
    expect(item.textContent).toContain('Pegawai — Budi Hartono');
    expect(item.textContent).toContain('Usulan dari Kecamatan Curug, laptop Camat');
    expect(item.textContent).toContain('Jabatan: Analis → Analis Kebijakan');
    expect(item.textContent).not.toContain('b1');
  });
});
