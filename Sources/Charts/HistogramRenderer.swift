import LineModel
import SPC

/// Draws a `HistogramPicture` as SVG: bars (red where the bin lies outside specification),
/// LSL / USL / target as vertical lines, the mean dashed, the normal curve, notes on the right.
public struct HistogramRenderer: Sendable {
    public var width: Double
    public var height: Double

    public init(width: Double = 1200, height: Double = 560) {
        self.width = width
        self.height = height
    }

    /// The SVG document (`standalone`: with the XML declaration, for files).
    public func render(_ picture: HistogramPicture, standalone: Bool = true) -> String {
        var canvas = SVGCanvas(width: width, height: height)
        canvas.text(SVGText.truncated(picture.title, to: 90), x: 92, y: 38, class: "title")
        canvas.text(SVGText.truncated(picture.subtitle, to: 128), x: 92, y: 66, class: "subtitle")
        let area = (left: 92.0, right: width - 330, top: 128.0, bottom: height - 70)
        let values = picture.values.filter(\.isFinite)
        var description = "\(values.count) values"
        if let lsl = picture.spec.lsl { description += ", LSL \(ChartNumber.label(lsl))" }
        if let usl = picture.spec.usl { description += ", USL \(ChartNumber.label(usl))" }
        guard let minimum = values.min(), let maximum = values.max() else {
            canvas.text("no values in this window", x: (area.left + area.right) / 2, y: (area.top + area.bottom) / 2,
                        class: "empty", anchor: "middle")
            return canvas.document(title: picture.title, description: description, standalone: standalone)
        }
        var low = minimum
        var high = maximum
        let span = Swift.max(high - low, Swift.abs(high) * 1e-6, 1e-9)
        for limit in [picture.spec.lsl, picture.spec.usl].compactMap({ $0 }) {
            if limit < low, low - limit <= span { low = limit }
            if limit > high, limit - high <= span { high = limit }
        }
        let count = picture.bins ?? HistogramBins.defaultCount(for: values.count)
        let bins = HistogramBins(values: values, range: minimum...Swift.max(maximum, minimum + span * 1e-9), count: count)
        let pad = (high - low) * 0.05 + bins.width
        let xScale = LinearScale(domain: (low - pad)...(high + pad), from: area.left, to: area.right)
        var peak = Double(bins.counts.max() ?? 1)
        if picture.mean != nil, let sigma = picture.sigma, sigma > 0 {
            peak = Swift.max(peak, Double(values.count) * bins.width / (sigma * 2.5066282746310002))
        }
        let yScale = LinearScale(domain: 0...(peak * 1.12), from: area.bottom, to: area.top)
        for tick in yScale.ticks(count: 5) where tick == tick.rounded() {
            let y = yScale.position(tick)
            canvas.line(x1: area.left, y1: y, x2: area.right, y2: y, class: "grid")
            canvas.text(ChartNumber.label(tick, digits: 6), x: area.left - 8, y: y + 5, class: "tick", anchor: "end")
        }
        canvas.group(class: "bars")
        for (i, n) in bins.counts.enumerated() where n > 0 {
            let x0 = xScale.position(bins.edge(i))
            let x1 = xScale.position(bins.edge(i + 1))
            let middle = bins.edge(i) + bins.width / 2
            let outside = picture.spec.judge(middle).isDefect
            let y = yScale.position(Double(n))
            canvas.rect(x: x0, y: y, width: x1 - x0, height: area.bottom - y, class: outside ? "bar-out" : "bar",
                        ["data-count": "\(n)"])
        }
        canvas.close()
        if let mean = picture.mean, let sigma = picture.sigma, sigma > 0 {
            let scale = Double(values.count) * bins.width
            let steps = 160
            var points: [(Double, Double)] = []
            for step in 0...steps {
                let value = xScale.domain.lowerBound + (xScale.domain.upperBound - xScale.domain.lowerBound) * Double(step) / Double(steps)
                let z = (value - mean) / sigma
                let density = scale * Normal.pdf(z) / sigma
                points.append((xScale.position(value), yScale.position(Swift.min(density, yScale.domain.upperBound))))
            }
            canvas.polyline(points, class: "curve")
        }
        // Spec limits labelled above the frame, the target above them, the mean inside the plot:
        // the four can sit close together without their labels colliding.
        func vertical(_ value: Double?, style: String, label: String, labelStyle: String, labelY: Double, anchor: String) {
            guard let value, xScale.domain.contains(value) else { return }
            let x = xScale.position(value)
            canvas.line(x1: x, y1: area.top - 6, x2: x, y2: area.bottom, class: style, ["data-limit": label.lowercased()])
            canvas.text("\(label) \(ChartNumber.label(value, digits: 5))", x: anchor == "start" ? x + 6 : x, y: labelY,
                        class: labelStyle, anchor: anchor)
        }
        vertical(picture.spec.lsl, style: "spec", label: "LSL", labelStyle: "spec-label", labelY: area.top - 12, anchor: "middle")
        vertical(picture.spec.usl, style: "spec", label: "USL", labelStyle: "spec-label", labelY: area.top - 12, anchor: "middle")
        vertical(picture.spec.target, style: "target", label: "target", labelStyle: "spec-label", labelY: area.top - 32,
                 anchor: "middle")
        vertical(picture.mean, style: "mean", label: "mean", labelStyle: "center-label", labelY: area.top + 20, anchor: "start")
        canvas.rect(x: area.left, y: area.top, width: area.right - area.left, height: area.bottom - area.top, class: "frame")
        for tick in xScale.ticks(count: 8) {
            let x = xScale.position(tick)
            canvas.line(x1: x, y1: area.bottom, x2: x, y2: area.bottom + 5, class: "frame")
            canvas.text(ChartNumber.label(tick, digits: 6), x: x, y: area.bottom + 22, class: "tick", anchor: "middle")
        }
        let caption = picture.unit.isEmpty ? "value" : "value [\(picture.unit)]"
        canvas.text(caption, x: (area.left + area.right) / 2, y: area.bottom + 46, class: "axis-label", anchor: "middle")
        canvas.text("count", x: 30, y: (area.top + area.bottom) / 2, class: "axis-label", anchor: "middle", rotate: -90)
        canvas.group(class: "notes")
        for (i, note) in picture.notes.prefix(16).enumerated() {
            canvas.text(SVGText.truncated(note, to: 34), x: area.right + 24, y: area.top + 14 + Double(i) * 24, class: "note")
        }
        canvas.close()
        return canvas.document(title: picture.title, description: description, standalone: standalone)
    }
}
