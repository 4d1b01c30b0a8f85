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
