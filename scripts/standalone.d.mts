export declare const ROOT: string;
/** Where the standalone server of the build in distDir (default .next) lives. */
export declare function standaloneDir(root?: string, distDir?: string): string;
/** Completes <distDir>/standalone (default .next) with public/, <distDir>/static and content/ (linked or copied); returns the folder. */
export declare function prepareStandalone(root?: string, options?: { linkContent?: boolean; distDir?: string }): string;
