// The catalog's key list lives with the catalogs (src/locales/keys.ts), below the model.
export * from '../../locales/keys.js';
