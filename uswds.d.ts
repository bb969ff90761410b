// USWDS ships its component behaviours as untyped CommonJS modules.
declare module '@uswds/uswds/js/*' {
  interface Behavior {
    on(target?: HTMLElement): void;
    off(target?: HTMLElement): void;
  }
  const behavior: Behavior;
  export default behavior;
}
