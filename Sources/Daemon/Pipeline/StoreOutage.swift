/// How the writer's log tells a store outage: once when it begins, once when it ends.
///
/// A nearly full disk lets a small transaction through now and then; one clean pass is no
/// recovery, and a failure before the outage is closed is no new outage. The outage ends after
/// `cleanPassesToEnd` clean passes in a row (passes that wrote something: the writer does not
/// count a pass with nothing to write). (Status, STATUS= and the metrics follow each pass;
/// only the log lines wait.)
struct StoreOutage {
    enum Transition: Equatable {
        /// The first failure: the critical line.
        case began
        /// A failure after clean passes that did not yet end the outage.
        case relapsed
        /// The clean pass that ends it: the notice.
        case ended
    }

    let cleanPassesToEnd: Int
    /// Clean passes since the last failure of an open outage; nil while the store is healthy.
    private(set) var cleanPasses: Int?

    init(cleanPassesToEnd: Int = 3) {
        precondition(cleanPassesToEnd >= 1)
        self.cleanPassesToEnd = cleanPassesToEnd
    }

    var isOpen: Bool { cleanPasses != nil }

    /// Records one writer pass; returns what the log should say about it, if anything.
    mutating func pass(failed: Bool) -> Transition? {
        if failed {
            defer { cleanPasses = 0 }
            switch cleanPasses {
            case nil: return .began
            case 0: return nil
            default: return .relapsed
            }
        }
        guard let clean = cleanPasses else { return nil }
        if clean + 1 >= cleanPassesToEnd {
            cleanPasses = nil
            return .ended
        }
        cleanPasses = clean + 1
        return nil
    }
}
