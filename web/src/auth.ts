/**
 * The API token for protected actions (kept in sessionStorage for this tab only) and the dialog that
 * confirms an action and asks for the token.
 */
import { h } from './dom.js';

const KEY = 'alphapulse.apiToken';

export function storedToken(): string {
  try {
    return sessionStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

export function storeToken(token: string): void {
  try {
    if (token) sessionStorage.setItem(KEY, token);
    else sessionStorage.removeItem(KEY);
  } catch {
    // storage unavailable (private mode): the token is asked for each time
  }
  document.dispatchEvent(new CustomEvent('token-changed'));
}

/**
 * Shows a modal that confirms `title` and asks for the token (prefilled with the stored one).
 * Resolves to the token ('' when left empty: the request is sent without one) or null when cancelled.
 */
export function confirmWithToken(opts: { title: string; message: string; confirm: string; danger?: boolean }): Promise<string | null> {
  return new Promise((resolve) => {
    const input = h('input', { type: 'password', name: 'token', id: 'token-input', autocomplete: 'off', placeholder: 'Bearer token', spellcheck: 'false' });
    input.value = storedToken();
    const dialog = h(
      'dialog',
      { class: 'modal', id: 'token-dialog' },
      h(
        'form',
        { method: 'dialog' },
        h('h3', null, opts.title),
        h('p', { class: 'muted' }, opts.message),
        h('label', { for: 'token-input' }, 'API token'),
        input,
        h('p', { class: 'hint' }, 'Kept in this tab only (sessionStorage). Leave empty to send without a token.'),
        h(
          'menu',
          null,
          h('button', { type: 'submit', value: 'cancel', class: 'btn ghost', id: 'token-cancel', formnovalidate: true }, 'Cancel'),
          h('button', { type: 'submit', value: 'ok', class: `btn ${opts.danger ? 'danger' : 'primary'}`, id: 'token-ok' }, opts.confirm),
        ),
      ),
    );
    dialog.addEventListener('close', () => {
      const ok = dialog.returnValue === 'ok';
      const token = input.value.trim();
      dialog.remove();
      if (ok) storeToken(token);
      resolve(ok ? token : null);
    });
    document.body.append(dialog);
    dialog.showModal();
    input.focus();
    input.select();
  });
}
