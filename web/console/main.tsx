import { render } from 'preact';
import { createApi } from './api.ts';
import { wordsFor } from './catalogue.ts';
import { ConsoleApp } from './console-app.tsx';

const words = wordsFor(navigator.languages);
document.documentElement.lang = words.locale;
document.title = words.say('title');

render(
  <ConsoleApp api={createApi()} words={words} />,
  document.getElementById('console') as HTMLElement,
);
