// The little of Node's globals the journey uses (this folder has no @types/node; fetch, crypto.subtle,
// TextEncoder and Blob come from the DOM library, which Node 20+ provides as globals).
declare const process: {
    readonly env: Record<string, string | undefined>;
    exitCode: number | undefined;
};
