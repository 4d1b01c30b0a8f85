import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/**
 * A modal question before a change: the browser's own `<dialog>`, so the focus moves into it
 * and stays there, Escape cancels, and the focus returns to the button that opened it.
 */
export function ConfirmDialog(props: {
  title: string;
  text: string;
  confirm: string;
  cancel: string;
  onConfirm(): void;
  onCancel(): void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const answer = useDialogAnswer(dialog, props);
  useEffect(() => {
    const node = dialog.current;
    if (node && !node.open) node.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      class="confirm"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-text"
      onCancel={answer.onCancel}
      onClose={() => answer.settle(false)}
    >
      <h2 id="confirm-title">{props.title}</h2>
      <p id="confirm-text">{props.text}</p>
      <div class="confirm-actions">
        <button type="button" onClick={() => answer.end(true)}>
          {props.confirm}
        </button>
        <button type="button" class="secondary" onClick={() => answer.end(false)}>
          {props.cancel}
        </button>
      </div>
    </dialog>
  );
}

/**
 * The answer of a modal question, given once and at once: on Escape (the `cancel` event)
 * and on a button, not when the `close` event comes. That event is a task of its own, queued
 * after the dialog closed and the focus went back to the opening button, so a quick Escape
 * then Enter used to reopen the question before the page heard the first one was over, and
 * the late answer closed the new one.
 *
 * `end` closes the dialog, then answers; `onCancel` is Escape's handler; `settle` answers
 * without closing (from the `close` event, a no-op once answered).
 */
export function useDialogAnswer(
  dialog: RefObject<HTMLDialogElement>,
  props: { onConfirm(): void; onCancel(): void },
) {
  const settled = useRef(false);
  const settle = (confirmed: boolean) => {
    if (settled.current) return;
    settled.current = true;
    if (confirmed) props.onConfirm();
    else props.onCancel();
  };
  // Closed before the page hears the answer: the page's next render would otherwise remove
  // the dialog while open, and the focus would not go back to its button.
  const end = (confirmed: boolean) => {
    dialog.current?.close();
    settle(confirmed);
  };
  const onCancel = (event: Event) => {
    event.preventDefault();
    end(false);
  };
  return { settle, end, onCancel };
}
