import { useEffect, useRef } from 'preact/hooks';
import type { Words } from './catalogue.ts';
import { useDialogAnswer } from './confirm-dialog.tsx';

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
  const answer = useDialogAnswer(dialog, props);
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
      onCancel={answer.onCancel}
      onClose={() => answer.settle(dialog.current?.returnValue === 'confirm')}
    >
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          answer.end((event.submitter as HTMLButtonElement | null)?.value === 'confirm');
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
