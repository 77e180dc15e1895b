/// What stations of one line learn from each other while the engine runs: the coated web's
/// loading by metre (the calender presses it), the reels slit (the oven dries them) and the
/// latest oven batch (the cells are built from it).
struct LineState: Sendable {
    /// Per coating traverse: total coated metres at its end, and the true loading per lane.
    var coatingHistory: [(metreEnd: Double, loadings: [Double])] = []
    /// Slit reels finished since the last oven batch.
    var reelsAwaitingDrying: [String] = []
    var latestOvenBatch: String?
    /// The coated roll length (calendered rolls follow the coated ones one to one).
    var coatingRollLength: Double = 3000

    /// The loadings of the coated web at total metre `metre` (nil before any coating data).
    func loadings(atMetre metre: Double) -> [Double]? {
        guard !coatingHistory.isEmpty else { return nil }
        var low = 0
        var high = coatingHistory.count - 1
        while low < high {
            let middle = (low + high) / 2
            if coatingHistory[middle].metreEnd < metre { low = middle + 1 } else { high = middle }
        }
        return coatingHistory[low].loadings
    }
}
