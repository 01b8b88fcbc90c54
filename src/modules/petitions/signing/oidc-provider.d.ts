// oidc-provider ships no type declarations; the few calls made to it are typed where they are made.
declare module 'oidc-provider';
