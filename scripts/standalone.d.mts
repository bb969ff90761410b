export declare const ROOT: string;
/** Where the standalone server lives. */
export declare function standaloneDir(root?: string): string;
/** Completes .next/standalone with public/, .next/static and content/ (linked or copied); returns the folder. */
export declare function prepareStandalone(root?: string, options?: { linkContent?: boolean }): string;
