import { render } from 'preact';
import { createApi } from './api.ts';
import { wordsFor } from './catalogue.ts';
import { Messenger } from './messenger.tsx';

// The page lives at /messenger/{appId}, hosted or inside the loader's iframe.
const appId = decodeURIComponent(location.pathname.split('/')[2] ?? '');
const words = wordsFor(navigator.languages);
document.documentElement.lang = words.locale;
document.documentElement.dir = words.dir;

render(
  <Messenger api={createApi(appId)} words={words} />,
  document.getElementById('messenger') as HTMLElement,
);
