/**
 * The console's words, one catalogue per locale. A new language is one more object of the
 * same shape in `CATALOGUES`; the type checker names any phrase it misses.
 */
const en = {
  title: 'otpd console',
  signIn: 'Sign in',
  email: 'Email',
  password: 'Password',
  totpCode: 'Authentication code',
  totpHint: 'Enter the 6-digit code of your authenticator app, or a recovery code.',
  verify: 'Verify',
  back: 'Back',
  signOut: 'Sign out',
  loginFailed: 'The email or the password is wrong.',
  totpInvalid: 'The code is wrong or was used already.',
  rateLimited: 'Too many failed sign-ins. Try again in {n} minutes.',
  network: 'We could not reach the server. Check your connection and try again.',
  failed: 'Something went wrong. Please try again.',
  required: 'Please fill this in.',
  navigation: 'Console',
  messages: 'Messages',
  analytics: 'Analytics',
  appsKeys: 'Apps & keys',
  settings: 'Settings',
  fraud: 'Fraud',
  webhooks: 'Webhooks',
  inbox: 'Inbox',
  audit: 'Audit',
  comingSoon: 'This page is on its way.',
  auditEmpty: 'Nothing has been recorded yet.',
  when: 'When',
  actor: 'Who',
  action: 'What',
  app: 'App',
  target: 'Target',
  olderEntries: 'Older entries',
  loading: 'Loading…',
  signedInAs: 'Signed in as {email}',
  account: 'Your account',
  totpSetup: 'Set up two-step sign-in',
  totpIsOn: 'Two-step sign-in is on.',
  totpIsOff: 'Two-step sign-in is off: signing in needs only your password.',
  totpScan: 'Scan the QR code with your authenticator app, or type this key into it:',
  qrAlt: 'QR code for your authenticator app',
  recoveryTitle: 'Recovery codes',
  recoveryHint:
    'Keep these somewhere safe. Each one signs you in once without your authenticator. They are shown only now.',
  turnOn: 'Turn on',
  totpWrong: 'That code is not right. Check the time on your phone and try again.',
};

export type Phrase = keyof typeof en;
type Catalogue = Record<Phrase, string>;

const tr: Catalogue = {
  title: 'otpd konsolu',
  signIn: 'Giriş yap',
  email: 'E-posta',
  password: 'Parola',
  totpCode: 'Doğrulama kodu',
  totpHint: 'Doğrulama uygulamanızdaki 6 haneli kodu ya da bir kurtarma kodunu girin.',
  verify: 'Doğrula',
  back: 'Geri',
  signOut: 'Çıkış yap',
  loginFailed: 'E-posta ya da parola yanlış.',
  totpInvalid: 'Kod yanlış ya da daha önce kullanılmış.',
  rateLimited: 'Çok fazla başarısız giriş. {n} dakika sonra yeniden deneyin.',
  network: 'Sunucuya ulaşılamadı. Bağlantınızı kontrol edip yeniden deneyin.',
  failed: 'Bir şeyler ters gitti. Lütfen yeniden deneyin.',
  required: 'Lütfen bu alanı doldurun.',
  navigation: 'Konsol',
  messages: 'Mesajlar',
  analytics: 'Analiz',
  appsKeys: 'Uygulamalar ve anahtarlar',
  settings: 'Ayarlar',
  fraud: 'Dolandırıcılık',
  webhooks: "Webhook'lar",
  inbox: 'Gelen kutusu',
  audit: 'Denetim',
  comingSoon: 'Bu sayfa hazırlanıyor.',
  auditEmpty: 'Henüz kayıt yok.',
  when: 'Ne zaman',
  actor: 'Kim',
  action: 'Ne',
  app: 'Uygulama',
  target: 'Hedef',
  olderEntries: 'Daha eski kayıtlar',
  loading: 'Yükleniyor…',
  signedInAs: '{email} olarak giriş yapıldı',
  account: 'Hesabınız',
  totpSetup: 'İki adımlı girişi kur',
  totpIsOn: 'İki adımlı giriş açık.',
  totpIsOff: 'İki adımlı giriş kapalı: giriş için yalnızca parolanız gerekiyor.',
  totpScan: 'QR kodunu doğrulama uygulamanızla tarayın ya da bu anahtarı girin:',
  qrAlt: 'Doğrulama uygulamanız için QR kodu',
  recoveryTitle: 'Kurtarma kodları',
  recoveryHint:
    'Bunları güvenli bir yerde saklayın. Her biri doğrulama uygulamanız olmadan bir kez giriş yapmanızı sağlar. Yalnızca şimdi gösterilirler.',
  turnOn: 'Aç',
  totpWrong: 'Kod doğru değil. Telefonunuzun saatini kontrol edip yeniden deneyin.',
};

const CATALOGUES: Record<string, Catalogue> = { en, tr };

export interface Words {
  locale: string;
  say(phrase: Phrase, values?: Record<string, string | number>): string;
}

/** The first of the browser's languages the console speaks, else English. */
export function wordsFor(languages: readonly string[]): Words {
  const locale =
    languages.map((l) => l.toLowerCase().split('-')[0] ?? '').find((l) => l in CATALOGUES) ?? 'en';
  const catalogue = CATALOGUES[locale] ?? en;
  return {
    locale,
    say: (phrase, values = {}) =>
      catalogue[phrase].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? '')),
  };
}
