import LineModel

/// A sample's `Quality.code` for binding: the common `good` as a literal (no copy), the rest
/// as text.
struct QualityText: SQLBindable {
    let quality: Quality

    init(_ quality: Quality) { self.quality = quality }

    func bind(to statement: Statement, at index: Int32) throws(StoreError) {
        if quality == .good {
            try StaticString("good").bind(to: statement, at: index)
        } else {
            try quality.code.bind(to: statement, at: index)
        }
    }
}
