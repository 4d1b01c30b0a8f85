import { render } from 'preact';
import { createApi } from './api.ts';
import { wordsFor } from './catalogue.ts';
import { Messenger } from './messenger.tsx';

// The page lives at /messenger/{appId}, hosted or inside the loader's iframe.
const appId = decodeURIComponent(location.pathname.split('/')[2] ?? '');
const words = wordsFor(navigator.languages);
document.documentElement.lang = words.locale;
document.documentElement.dir = words.dir;

// Inside the loader's frame, Escape closes the frame and gives focus back to the launcher.
if (window.parent !== window) {
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') window.parent.postMessage('otpd:close', '*');
  });
}

render(
  <Messenger api={createApi(appId)} words={words} />,
  document.getElementById('messenger') as HTMLElement,
);
