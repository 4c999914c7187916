/** The sidebar's entry point: renders the App into #app. */
import { render } from 'preact';
import { App } from './app';

render(<App />, document.getElementById('app')!);
