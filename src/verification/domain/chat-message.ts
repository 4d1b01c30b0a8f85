/**
 * A message written by the app for a chat (Diyalog's sendmok), sent as given rather than from
 * a template: text, an optional image and buttons. Buttons keep Diyalog's `buttonsV2` field
 * names, so a chat platform built for Diyalog reads them unchanged from `{{buttons}}`.
 */
export interface ChatButton {
  type: 'postback' | 'web_url';
  title: string;
  /** What a press sends back (postback) or opens (web_url); signed when `payloadHidden`. */
  payload: string;
  /** The person must not see the payload; it leaves otpd signed (see diyalog-signing.ts). */
  payloadHidden: boolean;
  /** What the chat shows as the person's answer when the button is pressed. */
  payloadSeenByUser: string | null;
}

/**
 * How a chat message's code is pressed back, kept with its verification: what a press has to
 * look like to be a check of the code, and whether only a press signed by otpd may approve.
 */
export interface ChatCodeForm {
  /** The code is all digits; an app's own code may be any text. */
  digits: boolean;
  /** Every button whose payload is the code hides it: a raw, unsigned press never approves. */
  hidden: boolean;
}

/** The form of `code` in `message`: hidden when it has code buttons and all are hidden. */
export function chatCodeForm(
  code: string,
  buttons: readonly Pick<ChatButton, 'type' | 'payload' | 'payloadHidden'>[],
): ChatCodeForm {
  const codeButtons = buttons.filter((b) => b.type === 'postback' && b.payload === code);
  return {
    digits: /^[0-9]+$/.test(code),
    hidden: codeButtons.length > 0 && codeButtons.every((b) => b.payloadHidden),
  };
}

export interface ChatMessage {
  text: string;
  imageUrl: string | null;
  buttons: ChatButton[];
}

/** The outbox's form of a chat message: JSON, to be encrypted with the job. */
export function serializeChatMessage(message: ChatMessage): string {
  return JSON.stringify(message);
}

export function parseChatMessage(json: string): ChatMessage {
  const { text, imageUrl, buttons } = JSON.parse(json) as ChatMessage;
  return { text, imageUrl, buttons };
}
