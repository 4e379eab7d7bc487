// Types for the hostile fixture generator, so TypeScript tests can import it.
export declare const HOSTILE_DIR: string;
export declare const PAYLOADS: Record<string, string>;
export declare function hostileDocuments(): Record<string, string>;
export declare function brokenDocuments(): Record<string, Buffer>;
export declare function hostileWorkspace(): Record<string, string>;
export declare function baseScoreFile(): Record<string, unknown>;
export declare function brokenScoreFiles(): Record<string, string | Buffer>;
export declare function allFixtures(): Record<string, string | Buffer>;
export declare function staleFixtures(dir?: string): string[];
export declare function writeFixtures(dir?: string): void;
export declare function hostileCriteria(): Record<string, string>;
