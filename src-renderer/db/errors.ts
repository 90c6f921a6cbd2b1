/**
 * A refusal the user must see. `code` picks the message in the catalog (i18n/messages.ts under
 * "error."), `params` fill it in. Repositories throw these; screens translate and show them.
 */
export class RepoError extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, unknown> = {},
  ) {
    super(code);
    this.name = 'RepoError';
  }
}
