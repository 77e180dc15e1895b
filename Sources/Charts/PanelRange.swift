import LineModel

/// The y range of a panel: every value and control limit, plus the spec limits when they are
/// near enough not to squash the data (a far-away spec limit is named at the edge instead).
struct PanelRange {
    var domain: ClosedRange<Double>

    init(_ panel: ChartPanel) {
        var values = panel.marks.map(\.value).filter(\.isFinite)
        values += [panel.center, panel.lcl, panel.ucl].compactMap { $0 }.filter(\.isFinite)
        if let center = panel.center, let sigma = panel.sigma, sigma > 0 {
            values += [center - 3 * sigma, center + 3 * sigma].filter { value in
                (panel.lcl.map { value >= $0 } ?? true) && (panel.ucl.map { value <= $0 } ?? true)
            }
        }
        var low = values.min() ?? 0
        var high = values.max() ?? 1
        let span = Swift.max(high - low, Swift.abs(high) * 1e-6, 1e-9)
        for spec in [panel.spec?.lsl, panel.spec?.usl, panel.spec?.target].compactMap({ $0 }) where spec.isFinite {
            if spec < low, low - spec <= span * 0.75 { low = spec }
            if spec > high, spec - high <= span * 0.75 { high = spec }
        }
        let pad = Swift.max((high - low) * 0.06, span * 0.02)
        domain = (low - pad)...(high + pad)
    }
}

/// A label right of the plot (UCL, CL, USL, ...), moved apart from its neighbours so that none
/// overlap.
struct RightLabel {
    var text: String
    var y: Double
    var style: String

    static let spacing = 18.0

    static func place(_ labels: inout [RightLabel], top: Double, bottom: Double) {
        guard !labels.isEmpty else { return }
        labels.sort { $0.y < $1.y }
        for i in labels.indices {
            labels[i].y = Swift.max(labels[i].y, top + spacing / 2)
            if i > 0 { labels[i].y = Swift.max(labels[i].y, labels[i - 1].y + spacing) }
        }
        let overflow = (labels.last?.y ?? 0) - bottom
        if overflow > 0 {
            for i in labels.indices.reversed() {
                let limit = i == labels.count - 1 ? bottom : labels[i + 1].y - spacing
                labels[i].y = Swift.min(labels[i].y, limit)
            }
        }
    }
}
