/**
 * Which code this is: the bundle's build puts a digest of src/ and the package version here
 * (scripts/build.mjs), so a result remembered by one build is never reused by another. Tests
 * and `tsx` runs from source share the one id "source".
 */
declare const __OPS_BUILD_ID__: string | undefined;

export const BUILD_ID: string = typeof __OPS_BUILD_ID__ === 'string' ? __OPS_BUILD_ID__ : 'source';
