/** The Settings page's words; `tr` must name every phrase of `en`. */
export const en = {};

export const tr: Record<keyof typeof en, string> = {};
