/// The tier of the hash indexes a new hash is recorded in (migration v12; every lookup asks both).
public enum HashTier: Int, Sendable {
    /// Tier 0, where `settleHashes()` moves hashes: a large load's hashes go straight here, since moving them later
    /// would rewrite each index entry it had just written (a year's backfill: 10 s of its load).
    case settled = 0
    /// Tier 1: a night's few thousand new hashes, kept together on a few pages instead of a year's random ones.
    case recent = 1
}
