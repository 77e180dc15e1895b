/// The FNV-1a checksums of the shipped migrations' SQL, pinned when each was shipped.
enum FrozenChecksums {
    static let values: [Int: Int64] = [
        1: 3_949_388_297_796_928_411,
        2: 5_495_483_244_420_959_853,
        3: 8_908_991_148_716_653_959,
    ]
}
