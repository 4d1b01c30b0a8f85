import { useEffect, useRef } from 'preact/hooks';
import type { Words } from './catalogue.ts';
import { useSettleOnce } from './confirm-dialog.tsx';

/**
 * Asks before a step the visitor will notice: a modal dialog (focus held inside, Escape
 * cancels, the focus returns to the button that opened it). Confirm is the form's submit.
 */
export function ConfirmDialog(props: {
  words: Words;
  question: string;
  confirm: string;
  onConfirm(): void;
  onCancel(): void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const settle = useSettleOnce(props);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      class="inbox-confirm"
      aria-labelledby="inbox-confirm-question"
      onCancel={(event) => {
        // Closed before the page hears it (see ConfirmDialog).
        event.preventDefault();
        dialog.current?.close();
        settle(false);
      }}
      onClose={() => settle(dialog.current?.returnValue === 'confirm')}
    >
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          dialog.current?.close();
          settle((event.submitter as HTMLButtonElement | null)?.value === 'confirm');
        }}
      >
        <p id="inbox-confirm-question">{props.question}</p>
        <div class="inbox-confirm-actions">
          <button type="submit" value="cancel" class="secondary">
            {props.words.say('inboxCancel')}
          </button>
          <button type="submit" value="confirm">
            {props.confirm}
          </button>
        </div>
      </form>
    </dialog>
  );
}
