/**
 * The messenger's own texts: a header and a description for each gate step, and the
 * chat's welcome line, in every language otpd has built-in message templates for
 * (domain/builtin-templates.ts). An app overrides any of them per locale in
 * `messenger.texts`; `resolveTexts` picks the visitor's.
 */

export const TEXT_KEYS = [
  'nameHeader',
  'nameDescription',
  'emailHeader',
  'emailDescription',
  'phoneHeader',
  'phoneDescription',
  'smsHeader',
  'smsDescription',
  'welcome',
] as const;

export type TextKey = (typeof TEXT_KEYS)[number];
export type MessengerTexts = Record<TextKey, string>;

const ENGLISH: MessengerTexts = {
  nameHeader: 'Your name',
  nameDescription: 'So we know how to address you.',
  emailHeader: 'Your email',
  emailDescription: 'We answer here if you leave the chat.',
  phoneHeader: 'Phone number',
  phoneDescription: 'We send you a code by SMS to verify your number.',
  smsHeader: 'Verification code',
  smsDescription: 'Enter the code we sent you by SMS.',
  welcome: 'Welcome! How can we help you?',
};

export const BUILT_IN_TEXTS: Readonly<Record<string, MessengerTexts>> = {
  en: ENGLISH,
  tr: {
    nameHeader: 'Adınız',
    nameDescription: 'Size nasıl hitap edeceğimizi bilmek için.',
    emailHeader: 'E-posta adresiniz',
    emailDescription: 'Sohbetten ayrılırsanız buradan yanıt veririz.',
    phoneHeader: 'Telefon numarası',
    phoneDescription: 'Numaranızı doğrulamak için SMS ile bir kod göndeririz.',
    smsHeader: 'Doğrulama kodu',
    smsDescription: 'SMS ile gönderdiğimiz kodu girin.',
    welcome: 'Hoş geldiniz! Size nasıl yardımcı olabiliriz?',
  },
  sw: {
    nameHeader: 'Jina lako',
    nameDescription: 'Ili tujue jinsi ya kukuita.',
    emailHeader: 'Barua pepe yako',
    emailDescription: 'Tutakujibu hapa ukiondoka kwenye gumzo.',
    phoneHeader: 'Namba ya simu',
    phoneDescription: 'Tutakutumia msimbo kwa SMS ili kuthibitisha namba yako.',
    smsHeader: 'Msimbo wa uthibitisho',
    smsDescription: 'Weka msimbo tuliokutumia kwa SMS.',
    welcome: 'Karibu! Tunawezaje kukusaidia?',
  },
  hi: {
    nameHeader: 'आपका नाम',
    nameDescription: 'ताकि हम जान सकें कि आपको कैसे संबोधित करें।',
    emailHeader: 'आपका ईमेल',
    emailDescription: 'अगर आप चैट छोड़ दें तो हम यहाँ जवाब देंगे।',
    phoneHeader: 'फ़ोन नंबर',
    phoneDescription: 'आपका नंबर सत्यापित करने के लिए हम SMS से एक कोड भेजेंगे।',
    smsHeader: 'सत्यापन कोड',
    smsDescription: 'SMS से भेजा गया कोड दर्ज करें।',
    welcome: 'स्वागत है! हम आपकी कैसे मदद कर सकते हैं?',
  },
  ar: {
    nameHeader: 'اسمك',
    nameDescription: 'لنعرف كيف نخاطبك.',
    emailHeader: 'بريدك الإلكتروني',
    emailDescription: 'نرد عليك هنا إذا غادرت المحادثة.',
    phoneHeader: 'رقم الهاتف',
    phoneDescription: 'نرسل إليك رمزًا عبر الرسائل القصيرة للتحقق من رقمك.',
    smsHeader: 'رمز التحقق',
    smsDescription: 'أدخل الرمز الذي أرسلناه إليك عبر الرسائل القصيرة.',
    welcome: 'مرحبًا! كيف يمكننا مساعدتك؟',
  },
  fr: {
    nameHeader: 'Votre nom',
    nameDescription: 'Pour savoir comment nous adresser à vous.',
    emailHeader: 'Votre e-mail',
    emailDescription: 'Nous vous répondons ici si vous quittez la discussion.',
    phoneHeader: 'Numéro de téléphone',
    phoneDescription: 'Nous vous envoyons un code par SMS pour vérifier votre numéro.',
    smsHeader: 'Code de vérification',
    smsDescription: 'Saisissez le code reçu par SMS.',
    welcome: 'Bienvenue ! Comment pouvons-nous vous aider ?',
  },
  es: {
    nameHeader: 'Tu nombre',
    nameDescription: 'Para saber cómo dirigirnos a ti.',
    emailHeader: 'Tu correo electrónico',
    emailDescription: 'Te responderemos aquí si sales del chat.',
    phoneHeader: 'Número de teléfono',
    phoneDescription: 'Te enviamos un código por SMS para verificar tu número.',
    smsHeader: 'Código de verificación',
    smsDescription: 'Introduce el código que te enviamos por SMS.',
    welcome: '¡Bienvenido! ¿En qué podemos ayudarte?',
  },
  de: {
    nameHeader: 'Ihr Name',
    nameDescription: 'Damit wir wissen, wie wir Sie ansprechen.',
    emailHeader: 'Ihre E-Mail-Adresse',
    emailDescription: 'Hier antworten wir, falls Sie den Chat verlassen.',
    phoneHeader: 'Telefonnummer',
    phoneDescription: 'Wir senden Ihnen per SMS einen Code, um Ihre Nummer zu bestätigen.',
    smsHeader: 'Bestätigungscode',
    smsDescription: 'Geben Sie den Code aus der SMS ein.',
    welcome: 'Willkommen! Wie können wir Ihnen helfen?',
  },
  pt: {
    nameHeader: 'Seu nome',
    nameDescription: 'Para sabermos como chamar você.',
    emailHeader: 'Seu e-mail',
    emailDescription: 'Respondemos por aqui se você sair do chat.',
    phoneHeader: 'Número de telefone',
    phoneDescription: 'Enviamos um código por SMS para verificar seu número.',
    smsHeader: 'Código de verificação',
    smsDescription: 'Digite o código que enviamos por SMS.',
    welcome: 'Bem-vindo! Como podemos ajudar?',
  },
};

/** `pt-BR` → [`pt-BR`, `pt`]: a tag and its shorter prefixes, longest first. */
function prefixesOf(tag: string): string[] {
  const parts = tag.split('-');
  return parts.map((_, i) => parts.slice(0, parts.length - i).join('-'));
}

/**
 * The languages an `Accept-Language` header asks for, best first (q=0 left out). Malformed
 * entries are skipped, never an error: the header is whatever a browser sent.
 */
export function acceptedLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((l) => /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(l.tag) && l.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((l) => l.tag);
}

/**
 * The visitor's texts: for the first wanted locale (then its prefixes) that the app overrides
 * or otpd has built in, the app's text over the built-in one, key by key; English at last.
 * Also names the locale it chose, which the conversation keeps.
 */
export function resolveTexts(
  wanted: readonly string[],
  overrides: Readonly<Record<string, Partial<MessengerTexts>>>,
): { locale: string; texts: MessengerTexts } {
  const lower = new Map(Object.entries(overrides).map(([tag, t]) => [tag.toLowerCase(), t]));
  for (const tag of wanted) {
    for (const candidate of prefixesOf(tag.toLowerCase())) {
      const builtIn = Object.hasOwn(BUILT_IN_TEXTS, candidate)
        ? BUILT_IN_TEXTS[candidate]
        : undefined;
      const own = lower.get(candidate);
      if (!builtIn && !own) continue;
      return { locale: candidate, texts: { ...ENGLISH, ...builtIn, ...own } };
    }
  }
  return { locale: 'en', texts: { ...ENGLISH, ...lower.get('en') } };
}
