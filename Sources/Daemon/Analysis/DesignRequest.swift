public import SPC

/// `lineguard design`: the EWMA limit width L or the CUSUM decision interval h giving ARL0.
public struct DesignRequest: Sendable, Hashable {
    public var chart: RunLengthChart
    public var arl0: Double
    public var lambda: Double
    public var k: Double
    public var sides: CUSUMARL.Sides

    public init(chart: RunLengthChart, arl0: Double, lambda: Double = 0.2, k: Double = 0.5, sides: CUSUMARL.Sides = .two) {
        self.chart = chart
        self.arl0 = arl0
        self.lambda = lambda
        self.k = k
        self.sides = sides
    }

    /// The designed L (EWMA) or h (CUSUM).
    public func run() throws(AnalysisError) -> Double {
        do {
            switch chart {
            case .ewma: return try ChartDesign.ewmaWidth(lambda: lambda, arl0: arl0)
            case .cusum: return try ChartDesign.cusumInterval(k: k, arl0: arl0, sides: sides)
            case .shewhart: throw AnalysisError("design supports ewma and cusum")
            }
        } catch let error as AnalysisError {
            throw error
        } catch let error as SPCError {
            throw AnalysisError(error.message)
        } catch {
            throw AnalysisError("\(error)")
        }
    }

    public func json(_ value: Double) -> JSONValue {
        switch chart {
        case .cusum:
            .object([("chart", .string("cusum")), ("arl0", .number(arl0)), ("k", .number(k)),
                     ("sided", .string(sides.rawValue)), ("h", .number(value))])
        default:
            .object([("chart", .string(chart.rawValue)), ("arl0", .number(arl0)), ("lambda", .number(lambda)),
                     ("L", .number(value))])
        }
    }

    public func text(_ value: Double) -> String {
        switch chart {
        case .cusum:
            "CUSUM (k = \(k), \(sides.rawValue)-sided) for ARL0 \(arl0): h = \(NumberFormat.significant(value, 8))\n"
        default:
            "EWMA (lambda = \(lambda)) for ARL0 \(arl0): L = \(NumberFormat.significant(value, 8))\n"
        }
    }
}
