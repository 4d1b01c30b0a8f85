import { render } from 'preact';

render(<p>Messenger</p>, document.getElementById('messenger') as HTMLElement);
