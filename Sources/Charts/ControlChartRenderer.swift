import LineModel

/// Draws a `ControlChartPicture` as SVG: panels stacked on a shared x axis, each with its
/// 1- and 2-sigma zones, center line, control limits (dashed red), spec limits (solid purple),
/// the series, and the points that signalled as red discs carrying their rule number; lot
/// changes as dashed verticals named at the top; a legend at the bottom.
public struct ControlChartRenderer: Sendable {
    public var width: Double
    public var height: Double

    public init(width: Double = 1200, height: Double = 760) {
        self.width = width
        self.height = height
    }

    static let left = 92.0
    static let right = 180.0
    static let header = 92.0
    static let footer = 96.0
    static let panelTop = 30.0
    static let panelBottom = 30.0

    /// The SVG document. `standalone` adds the XML declaration for a file; leave it off to
    /// embed the `<svg>` element in HTML.
    public func render(_ picture: ControlChartPicture, standalone: Bool = true) -> String {
        var canvas = SVGCanvas(width: width, height: height)
        canvas.text(SVGText.truncated(picture.title, to: 90), x: Self.left, y: 38, class: "title")
        canvas.text(SVGText.truncated(picture.subtitle, to: 128), x: Self.left, y: 66, class: "subtitle")
        let length = Swift.max(picture.length, 1)
        let plotLeft = Self.left
        let plotRight = width - Self.right
        let xScale = LinearScale(domain: -0.5...(Double(length) - 0.5), from: plotLeft, to: plotRight)
        let totalWeight = picture.panels.map { Swift.max($0.weight, 0.1) }.reduce(0, +)
        var top = Self.header
        let available = height - Self.header - Self.footer
        for (number, panel) in picture.panels.enumerated() {
            let share = available * Swift.max(panel.weight, 0.1) / Swift.max(totalWeight, 0.1)
            let area = PlotArea(
                left: plotLeft, right: plotRight, top: top + Self.panelTop, bottom: top + share - Self.panelBottom)
            drawPanel(
                panel, first: number == 0, last: number == picture.panels.count - 1, picture: picture, area: area,
                xScale: xScale, canvas: &canvas)
            top += share
        }
        drawLegend(picture, y: height - 14, canvas: &canvas)
        let signals = picture.panels.reduce(0) { $0 + $1.signalled.count }
        var description = "\(picture.panels.first?.marks.count ?? 0) points, \(signals) signalled"
        for panel in picture.panels {
            var limits: [String] = []
            if let lcl = panel.lcl { limits.append("LCL \(ChartNumber.label(lcl))") }
            if let center = panel.center { limits.append("CL \(ChartNumber.label(center))") }
            if let ucl = panel.ucl { limits.append("UCL \(ChartNumber.label(ucl))") }
            if let lsl = panel.spec?.lsl { limits.append("LSL \(ChartNumber.label(lsl))") }
            if let usl = panel.spec?.usl { limits.append("USL \(ChartNumber.label(usl))") }
            description += "; \(panel.title): " + (limits.isEmpty ? "no limits" : limits.joined(separator: ", "))
        }
        return canvas.document(title: picture.title, description: description, standalone: standalone)
    }

    struct PlotArea {
        var left, right, top, bottom: Double
    }

    private func drawPanel(
        _ panel: ChartPanel, first: Bool, last: Bool, picture: ControlChartPicture, area: PlotArea, xScale: LinearScale,
        canvas: inout SVGCanvas
    ) {
        let unit = first && !picture.unit.isEmpty ? " [\(picture.unit)]" : ""
        canvas.text(panel.title + unit, x: area.left, y: area.top - 9, class: "panel-title")
        let range = PanelRange(panel)
        let yScale = LinearScale(domain: range.domain, from: area.bottom, to: area.top)
        canvas.group(class: "panel", ["data-panel": panel.title])
        drawZones(panel, area: area, yScale: yScale, canvas: &canvas)
        for tick in yScale.ticks(count: first ? 6 : 3) {
            let y = yScale.position(tick)
            canvas.line(x1: area.left, y1: y, x2: area.right, y2: y, class: "grid")
            canvas.text(ChartNumber.label(tick, digits: 5), x: area.left - 8, y: y + 5, class: "tick", anchor: "end")
        }
        var labels: [RightLabel] = []
        drawLimits(panel, range: range, area: area, yScale: yScale, labels: &labels, canvas: &canvas)
        drawBoundaries(picture, first: first, area: area, xScale: xScale, canvas: &canvas)
        drawSeries(panel, area: area, xScale: xScale, yScale: yScale, canvas: &canvas)
        canvas.rect(x: area.left, y: area.top, width: area.right - area.left, height: area.bottom - area.top, class: "frame")
        RightLabel.place(&labels, top: area.top - 4, bottom: area.bottom + 12)
        for label in labels {
            canvas.text(label.text, x: area.right + 10, y: label.y + 5, class: label.style)
        }
        drawXTicks(picture, area: area, xScale: xScale, caption: last, canvas: &canvas)
        canvas.close()
    }

    private func drawZones(_ panel: ChartPanel, area: PlotArea, yScale: LinearScale, canvas: inout SVGCanvas) {
        guard let sigma = panel.sigma, sigma > 0, let center = panel.center else { return }
        let floor = panel.lcl ?? (center - 3 * sigma)
        let ceiling = panel.ucl ?? (center + 3 * sigma)
        let bands: [(Double, Double, String)] = [
            (center + 2 * sigma, ceiling, "zone-a"), (center + sigma, center + 2 * sigma, "zone-b"),
            (center - sigma, center + sigma, "zone-c"), (center - 2 * sigma, center - sigma, "zone-b"),
            (floor, center - 2 * sigma, "zone-a"),
        ]
        for (low, high, style) in bands {
            let lo = Swift.max(low, floor, yScale.domain.lowerBound)
            let hi = Swift.min(high, ceiling, yScale.domain.upperBound)
            guard hi > lo else { continue }
            let yTop = yScale.position(hi)
            canvas.rect(x: area.left, y: yTop, width: area.right - area.left, height: yScale.position(lo) - yTop, class: style)
        }
    }

    private func drawLimits(
        _ panel: ChartPanel, range: PanelRange, area: PlotArea, yScale: LinearScale, labels: inout [RightLabel],
        canvas: inout SVGCanvas
    ) {
        func horizontal(_ value: Double?, style: String, label: String, labelStyle: String, name: String) {
            guard let value else { return }
            let text = "\(label) \(ChartNumber.label(value, digits: 5))"
            guard range.domain.contains(value) else {
                // Off the scale: named at the edge it lies beyond, so nobody thinks it is missing.
                let above = value > range.domain.upperBound
                labels.append(RightLabel(text: text + (above ? " \u{2191}" : " \u{2193}"), y: above ? area.top : area.bottom,
                                         style: labelStyle))
                return
            }
            let y = yScale.position(value)
            canvas.line(x1: area.left, y1: y, x2: area.right, y2: y, class: style, ["data-limit": name])
            labels.append(RightLabel(text: text, y: y, style: labelStyle))
        }
        horizontal(panel.spec?.usl, style: "spec", label: "USL", labelStyle: "spec-label", name: "usl")
        horizontal(panel.spec?.lsl, style: "spec", label: "LSL", labelStyle: "spec-label", name: "lsl")
        horizontal(panel.spec?.target, style: "target", label: "T", labelStyle: "spec-label", name: "target")
        horizontal(panel.ucl, style: "limit", label: "UCL", labelStyle: "limit-label", name: "ucl")
        horizontal(panel.center, style: "center", label: "CL", labelStyle: "center-label", name: "cl")
        horizontal(panel.lcl, style: "limit", label: "LCL", labelStyle: "limit-label", name: "lcl")
    }

    private func drawBoundaries(
        _ picture: ControlChartPicture, first: Bool, area: PlotArea, xScale: LinearScale, canvas: inout SVGCanvas
    ) {
        var lastLabelX = -Double.infinity
        for boundary in picture.lotBoundaries {
            let x = xScale.position(Double(boundary.index) - 0.5)
            canvas.line(x1: x, y1: area.top, x2: x, y2: area.bottom, class: "lot-boundary", ["data-lot": boundary.lot])
            if first, x - lastLabelX > 120 {
                canvas.text(SVGText.truncated(boundary.lot, to: 16), x: x + 4, y: area.top + 15, class: "lot-label")
                lastLabelX = x
            }
        }
        if let start = picture.phaseTwoStart, start > 0, start < picture.length {
            let x = xScale.position(Double(start) - 0.5)
            canvas.line(x1: x, y1: area.top, x2: x, y2: area.bottom, class: "phase-boundary")
            if first {
                canvas.text("Phase I", x: x - 4, y: area.bottom - 8, class: "lot-label", anchor: "end")
                canvas.text("Phase II", x: x + 4, y: area.bottom - 8, class: "lot-label")
            }
        }
    }

    private func drawSeries(
        _ panel: ChartPanel, area: PlotArea, xScale: LinearScale, yScale: LinearScale, canvas: inout SVGCanvas
    ) {
        let marks = panel.marks.sorted { $0.index < $1.index }
        guard !marks.isEmpty else {
            canvas.text("no data in this window", x: (area.left + area.right) / 2, y: (area.top + area.bottom) / 2,
                        class: "empty", anchor: "middle")
            return
        }
        let points = marks.map { (xScale.position(Double($0.index)), yScale.position($0.value)) }
        canvas.polyline(points, class: "series")
        let radius = marks.count > 400 ? 1.8 : (marks.count > 150 ? 2.6 : 3.6)
        for (mark, point) in zip(marks, points) where mark.rule == nil {
            if let note = mark.note, marks.count <= 400 {
                canvas.group(class: "point-group")
                canvas.circle(cx: point.0, cy: point.1, r: radius, class: "point")
                canvas.tooltip(note)
                canvas.close()
            } else {
                canvas.circle(cx: point.0, cy: point.1, r: radius, class: "point")
            }
        }
        // Signals last, on top of everything.
        for (mark, point) in zip(marks, points) {
            guard let rule = mark.rule else { continue }
            canvas.group(class: "signal-mark", ["data-rule": "\(rule)", "data-index": "\(mark.index)"])
            canvas.tooltip("rule \(rule): \(ChartNumber.label(mark.value, digits: 6))" + (mark.note.map { ", \($0)" } ?? ""))
            canvas.circle(cx: point.0, cy: point.1, r: 11, class: "signal")
            canvas.text("\(rule)", x: point.0, y: point.1 + 5.5, class: "signal-label", anchor: "middle")
            canvas.close()
        }
    }

    private func drawXTicks(
        _ picture: ControlChartPicture, area: PlotArea, xScale: LinearScale, caption: Bool, canvas: inout SVGCanvas
    ) {
        let ticks = LinearScale(domain: 1...Double(Swift.max(picture.length, 2)), from: 0, to: 1).ticks(count: 10)
        for tick in ticks where tick >= 1 && tick == tick.rounded() {
            let x = xScale.position(tick - 1)
            canvas.line(x1: x, y1: area.bottom, x2: x, y2: area.bottom + 5, class: "frame")
            canvas.text(ChartNumber.label(tick, digits: 7), x: x, y: area.bottom + 20, class: "tick", anchor: "middle")
        }
        if caption {
            canvas.text(picture.axisCaption, x: (area.left + area.right) / 2, y: area.bottom + 40, class: "axis-label",
                        anchor: "middle")
        }
    }

    private func drawLegend(_ picture: ControlChartPicture, y: Double, canvas: inout SVGCanvas) {
        var x = Self.left
        var y = y - 24
        // Items flow left to right and wrap to a second row.
        func item(_ text: String, draw: (Double, Double, inout SVGCanvas) -> Void) {
            let itemWidth = 34 + Double(text.count) * 7.8 + 26
            if x + itemWidth > width - 10, x > Self.left {
                x = Self.left
                y += 24
            }
            draw(x, y, &canvas)
            canvas.text(text, x: x + 34, y: y + 5, class: "legend")
            x += itemWidth
        }
        canvas.group(class: "legend-box")
        item("center line") { x, y, c in c.line(x1: x, y1: y, x2: x + 28, y2: y, class: "center") }
        item("control limits (3\u{03C3})") { x, y, c in c.line(x1: x, y1: y, x2: x + 28, y2: y, class: "limit") }
        item("1\u{03C3} / 2\u{03C3} / 3\u{03C3} zones") { x, y, c in
            c.rect(x: x, y: y - 9, width: 9, height: 18, class: "zone-c")
            c.rect(x: x + 9, y: y - 9, width: 9, height: 18, class: "zone-b")
            c.rect(x: x + 18, y: y - 9, width: 10, height: 18, class: "zone-a")
        }
        item("spec limits") { x, y, c in c.line(x1: x, y1: y, x2: x + 28, y2: y, class: "spec") }
        item("signal, number = \(picture.ruleSet) rule") { x, y, c in
            c.circle(cx: x + 14, cy: y, r: 10, class: "signal")
            c.text("n", x: x + 14, y: y + 5, class: "signal-label", anchor: "middle")
        }
        item("lot change") { x, y, c in c.line(x1: x + 14, y1: y - 10, x2: x + 14, y2: y + 10, class: "lot-boundary") }
        canvas.close()
    }
}
