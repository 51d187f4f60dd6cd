export * from './resolve.js';
export * from './position-book.js';
