/**
 * Reading and writing bundles: the streaming, Blob-based reader and writer of shared/bundle
 * (with age encryption). Everything in renderer/bundle and the bundle worker imports them
 * from here.
 */
export { BundleTooLargeError, ageHeader, ageKey, passphraseScryptArgs, layOutFiles, partsBlob, payloadKeyOf, randomBytes, readBundleBlob, recordsEntry, writeBundleBlob, writeBundleParts, writeBundleRest, writeBundleSealedAtSave } from '../../shared/bundle';
export type { AgeKey, BundleFile, BundleHead, ByteParts, BundleInfo, CaseSnapshot, PreparedEntry, ReadBundleOptions, ReadBundleResult, SealedParts, WriteBundleOptions } from '../../shared/bundle';
