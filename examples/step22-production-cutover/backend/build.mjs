// "Build": checks that every backend module parses and imports cleanly.
import { health } from './health.mjs';
if (typeof health !== 'function') throw new Error('health() missing');
console.log('backend build: 1 module compiled');
