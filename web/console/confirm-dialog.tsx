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
  const confirmed = useRef(false);
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
      onClose={() => (confirmed.current ? props.onConfirm() : props.onCancel())}
    >
      <h2 id="confirm-title">{props.title}</h2>
      <p id="confirm-text">{props.text}</p>
      <div class="confirm-actions">
        <button
          type="button"
          onClick={() => {
            confirmed.current = true;
            dialog.current?.close();
          }}
        >
          {props.confirm}
        </button>
        <button type="button" class="secondary" onClick={() => dialog.current?.close()}>
          {props.cancel}
        </button>
      </div>
    </dialog>
  );
}
