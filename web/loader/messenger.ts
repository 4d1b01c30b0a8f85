/**
 * `<script src="https://otpd.example/messenger.js" data-app="app_…" async></script>`: adds a
 * launcher button that opens the app's messenger in an iframe on otpd's own origin. Button
 * and frame live in a shadow root with `all: initial`, so the host page's CSS cannot
 * reach them; styles are set through the CSSOM, which a host page's CSP allows. The button's
 * name and the frame's title follow the visitor's browser language, like the chat itself.
 */
(() => {
  // The loader's own words, in the languages of the messenger's catalogue
  // (web/messenger/catalogue.ts), kept here: every site that embeds the messenger loads this
  // file, and nothing it declares may leak into the site's globals, so it imports nothing.
  const en = { open: 'Open chat', title: 'Messenger' };
  const WORDS: Record<string, typeof en> = {
    en,
    tr: { open: 'Sohbeti aç', title: 'Mesajlaşma' },
    fr: { open: 'Ouvrir la discussion', title: 'Messagerie' },
    es: { open: 'Abrir el chat', title: 'Mensajería' },
    de: { open: 'Chat öffnen', title: 'Messenger' },
    pt: { open: 'Abrir a conversa', title: 'Mensagens' },
    sw: { open: 'Fungua gumzo', title: 'Ujumbe' },
    hi: { open: 'चैट खोलें', title: 'मैसेंजर' },
    ar: { open: 'افتح المحادثة', title: 'المراسلة' },
  };
  // The first of the browser's languages we have (by full tag, then prefix), else English.
  const locale =
    (navigator.languages?.length ? navigator.languages : [navigator.language])
      .flatMap((tag) => [tag.toLowerCase(), tag.toLowerCase().split('-')[0] ?? ''])
      .find((tag) => tag in WORDS) ?? 'en';
  const words = WORDS[locale] ?? en;

  const script = document.currentScript as HTMLScriptElement | null;
  const appId = script?.dataset.app;
  if (!script || !appId || document.querySelector('[data-otpd-messenger]')) return;
  const origin = new URL(script.src).origin;
  const label = script.dataset.label || words.open;

  const host = document.createElement('div');
  host.setAttribute('data-otpd-messenger', appId);
  // The site may be in another language than the visitor's: say which one these words are.
  host.lang = locale;
  host.dir = locale === 'ar' ? 'rtl' : 'ltr';
  const root = host.attachShadow({ mode: 'open' });
  const css = (element: HTMLElement, style: Partial<CSSStyleDeclaration>) =>
    Object.assign(element.style, style);
  css(host, { all: 'initial', position: 'fixed', zIndex: '2147483000', right: '0', bottom: '0' });

  const frame = document.createElement('iframe');
  frame.title = words.title;
  frame.src = `${origin}/messenger/${encodeURIComponent(appId)}`;
  frame.hidden = true;
  frame.setAttribute('allow', 'otp-credentials');
  css(frame, {
    position: 'fixed',
    right: '16px',
    bottom: '88px',
    width: 'min(400px, calc(100vw - 32px))',
    height: 'min(640px, calc(100vh - 120px))',
    border: '0',
    borderRadius: '12px',
    boxShadow: '0 8px 32px rgba(0,0,0,.25)',
    background: 'Canvas',
  });

  const button = document.createElement('button');
  button.type = 'button';
  button.setAttribute('aria-label', label);
  button.setAttribute('aria-expanded', 'false');
  // A speech bubble drawn inline: no font on the visitor's device has to have an emoji.
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '28');
  svg.setAttribute('height', '28');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('fill', 'currentColor');
  path.setAttribute(
    'd',
    'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z',
  );
  svg.append(path);
  button.append(svg);
  css(button, {
    position: 'fixed',
    right: '16px',
    bottom: '16px',
    width: '56px',
    height: '56px',
    borderRadius: '50%',
    border: '0',
    cursor: 'pointer',
    display: 'grid',
    placeItems: 'center',
    background: '#1f5fd1',
    color: '#fff',
    boxShadow: '0 4px 16px rgba(0,0,0,.3)',
  });
  const toggle = (open: boolean) => {
    frame.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (open) frame.focus();
  };
  button.addEventListener('click', () => toggle(frame.hidden));
  root.addEventListener('keydown', (event) => {
    if ((event as KeyboardEvent).key === 'Escape' && !frame.hidden) {
      toggle(false);
      button.focus();
    }
  });

  // Escape inside the frame arrives as a message from the page (key events stay in the frame).
  window.addEventListener('message', (event) => {
    if (
      event.origin === origin &&
      event.source === frame.contentWindow &&
      event.data === 'otpd:close'
    ) {
      toggle(false);
      button.focus();
    }
  });

  root.append(frame, button);
  document.body.append(host);
})();
