import { useEffect, useRef, useState } from 'preact/hooks';
import type { Words } from './catalogue.ts';
import { useDialogAnswer } from './confirm-dialog.tsx';

/**
 * Asks before revoking a key, as a modal dialog: the rest of the page is inert, Escape or
 * Cancel closes it (the focus goes back to the button that opened it), and Cancel has the
 * focus first so that a stray Enter revokes nothing.
 */
export function RevokeDialog(props: {
  prefix: string;
  words: Words;
  error: string | null;
  onConfirm(): Promise<boolean>;
  onClose(): void;
}) {
  const { words } = props;
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  // Told once and at once (see useDialogAnswer): revoking or not, the dialog is over.
  const answer = useDialogAnswer(dialog, { onConfirm: props.onClose, onCancel: props.onClose });

  useEffect(() => {
    dialog.current?.showModal();
    cancel.current?.focus();
  }, []);

  async function confirm() {
    if (busy) return;
    setBusy(true);
    const done = await props.onConfirm();
    setBusy(false);
    if (done) answer.end(true);
  }

  return (
    <dialog
      ref={dialog}
      class="confirm"
      role="alertdialog"
      aria-labelledby="revoke-title"
      aria-describedby="revoke-text"
      onCancel={answer.onCancel}
      onClose={() => answer.settle(false)}
    >
      <h2 id="revoke-title">{words.say('confirmRevokeTitle')}</h2>
      <p id="revoke-text">{words.say('confirmRevokeText', { prefix: props.prefix })}</p>
      {props.error && (
        <p class="error" role="alert">
          {props.error}
        </p>
      )}
      <div class="actions">
        <button type="button" class="secondary" ref={cancel} onClick={() => answer.end(false)}>
          {words.say('revokeCancel')}
        </button>
        {/* Not `disabled`: the focus would leave it, and the dialog, while the key is revoked. */}
        <button type="button" class="danger" aria-disabled={busy} onClick={confirm}>
          {words.say('confirmRevoke')}
        </button>
      </div>
    </dialog>
  );
}
