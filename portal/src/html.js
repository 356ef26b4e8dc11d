import { h } from 'preact';
import htm from 'htm';

/** Preact with htm's tagged templates: components without a JSX compiler. */
export const html = htm.bind(h);
