/// The data of an analysis, taken from a `CSVTable` by column names (case-insensitive):
/// - variables: `subgroup,value` (one row per measurement; subgroups in order of first
///   appearance) or just `value`; `sample`/`group` name the subgroup too, and a file without
///   `value` may have exactly one other numeric column (e.g. `diameter`);
/// - attributes: `subgroup,count,size` (`d`/`x` for count, `n` for size; c charts need no size);
/// - multivariate: `subgroup` (optional) then one numeric column per variable;
/// - Z-MR: `part,value`.
/// An optional `trial` column (TRUE/FALSE) marks the Phase I rows when `--phase1` is absent;
/// `obs`/`observation`/`index` columns are ignored.
struct AnalysisInput {
    static let subgroupNames = ["subgroup", "sample", "group"]
    static let ignoredNames = ["trial", "obs", "observation", "index", "batch", "time", "timestamp"]
    static let countNames = ["count", "d", "x", "defects", "nonconforming", "nonconformities"]
    static let sizeNames = ["size", "n"]
    static let partNames = ["part", "product"]

    /// Labels of the points (subgroup names or 1-based row numbers), in order.
    var labels: [String]
    /// The subgroups' values (one value each for individuals).
    var groups: [[Double]]
    /// Phase I subgroup count implied by a `trial` column, if any.
    var trialCount: Int?

    /// Variables data: grouped by the subgroup column when there is one and `grouped` is true.
    static func variables(_ table: CSVTable, grouped: Bool) throws(AnalysisError) -> AnalysisInput {
        let subgroup = table.column(named: subgroupNames)
        let value = try valueColumn(table, excluding: [subgroup].compactMap { $0 })
        let trial = table.column(named: ["trial"])
        var labels: [String] = []
        var groups: [[Double]] = []
        var trialFlags: [Bool] = []
        var index: [String: Int] = [:]
        for r in table.rows.indices {
            let v = try table.number(row: r, column: value)
            let flag = try trial.map { (c: Int) throws(AnalysisError) in try truth(table, row: r, column: c) } ?? true
            if grouped, let subgroup {
                let key = table.rows[r][subgroup]
                if let at = index[key] {
                    groups[at].append(v)
                    continue
                }
                index[key] = groups.count
                labels.append(key)
            } else {
                labels.append(subgroup.map { table.rows[r][$0] } ?? String(r + 1))
            }
            groups.append([v])
            trialFlags.append(flag)
        }
        return AnalysisInput(labels: labels, groups: groups, trialCount: trial == nil ? nil : leadingTrue(trialFlags))
    }

    /// Attribute data: counts and sizes per subgroup row.
    static func attributes(_ table: CSVTable, kind: AnalysisChartKind) throws(AnalysisError) -> (AnalysisInput, [AttributeRow]) {
        let subgroup = table.column(named: subgroupNames)
        let size = table.column(named: sizeNames)
        if size == nil, kind != .c {
            throw AnalysisError("a \(kind.rawValue) chart needs a 'size' column (subgroup,count,size)", file: table.file)
        }
        let count: Int
        if let named = table.column(named: countNames) {
            count = named
        } else {
            count = try valueColumn(table, excluding: [subgroup, size].compactMap { $0 }, role: "count")
        }
        let trial = table.column(named: ["trial"])
        var rows: [AttributeRow] = []
        var labels: [String] = []
        var flags: [Bool] = []
        for r in table.rows.indices {
            let c = try table.number(row: r, column: count)
            let n = try size.map { (s: Int) throws(AnalysisError) in try table.number(row: r, column: s) } ?? 1
            if c < 0 { throw AnalysisError("a count cannot be negative", file: table.file, line: table.lines[r], column: table.header[count]) }
            if let size, n <= 0 {
                throw AnalysisError("a size must be positive", file: table.file, line: table.lines[r], column: table.header[size])
            }
            if let size, kind == .p || kind == .np, c > n {
                throw AnalysisError("the count \(c) exceeds the size \(n)", file: table.file, line: table.lines[r], column: table.header[size])
            }
            rows.append(AttributeRow(count: c, size: n))
            labels.append(subgroup.map { table.rows[r][$0] } ?? String(r + 1))
            flags.append(try trial.map { (t: Int) throws(AnalysisError) in try truth(table, row: r, column: t) } ?? true)
        }
        let input = AnalysisInput(labels: labels, groups: [], trialCount: trial == nil ? nil : leadingTrue(flags))
        return (input, rows)
    }

    /// Multivariate data: subgroups of observation vectors, and the variable names.
    static func multivariate(_ table: CSVTable) throws(AnalysisError) -> (AnalysisInput, [[[Double]]], [String]) {
        let subgroup = table.column(named: subgroupNames)
        let ignored = Set(table.header.indices.filter { ignoredNames.contains(table.header[$0].lowercased()) })
        let variables = table.header.indices.filter { $0 != subgroup && !ignored.contains($0) }
        guard variables.count >= 2 else {
            throw AnalysisError("a T2 chart needs at least 2 variable columns, found \(variables.count)", file: table.file)
        }
        var labels: [String] = []
        var groups: [[[Double]]] = []
        var index: [String: Int] = [:]
        let trial = table.column(named: ["trial"])
        var flags: [Bool] = []
        for r in table.rows.indices {
            var obs: [Double] = []
            for c in variables { obs.append(try table.number(row: r, column: c)) }
            if let subgroup {
                let key = table.rows[r][subgroup]
                if let at = index[key] {
                    groups[at].append(obs)
                    continue
                }
                index[key] = groups.count
                labels.append(key)
            } else {
                labels.append(String(r + 1))
            }
            groups.append([obs])
            flags.append(try trial.map { (t: Int) throws(AnalysisError) in try truth(table, row: r, column: t) } ?? true)
        }
        let input = AnalysisInput(labels: labels, groups: [], trialCount: trial == nil ? nil : leadingTrue(flags))
        return (input, groups, variables.map { table.header[$0] })
    }

    /// Z-MR data: part names and values.
    static func parts(_ table: CSVTable) throws(AnalysisError) -> (AnalysisInput, [String]) {
        guard let part = table.column(named: partNames) else {
            throw AnalysisError("a zmr chart needs a 'part' column (part,value)", file: table.file)
        }
        let subgroup = table.column(named: subgroupNames)
        let value = try valueColumn(table, excluding: [part, subgroup].compactMap { $0 })
        var values: [[Double]] = []
        var parts: [String] = []
        var labels: [String] = []
        for r in table.rows.indices {
            values.append([try table.number(row: r, column: value)])
            parts.append(table.rows[r][part])
            labels.append(subgroup.map { table.rows[r][$0] } ?? String(r + 1))
        }
        return (AnalysisInput(labels: labels, groups: values, trialCount: nil), parts)
    }

    /// The `value` column, or the single remaining numeric column.
    static func valueColumn(_ table: CSVTable, excluding: [Int], role: String = "value") throws(AnalysisError) -> Int {
        if role == "value", let named = table.column(named: ["value"]) { return named }
        let candidates = table.header.indices.filter {
            !excluding.contains($0) && !ignoredNames.contains(table.header[$0].lowercased())
        }
        if candidates.count == 1 { return candidates[0] }
        let numeric = candidates.filter { table.isNumeric(column: $0) }
        if numeric.count == 1 { return numeric[0] }
        throw AnalysisError(
            "cannot tell which column holds the \(role): name it '\(role)' (columns: \(table.header.joined(separator: ", ")))",
            file: table.file)
    }

    static func truth(_ table: CSVTable, row: Int, column: Int) throws(AnalysisError) -> Bool {
        switch table.rows[row][column].lowercased() {
        case "true", "t", "1", "yes": return true
        case "false", "f", "0", "no": return false
        default:
            throw AnalysisError("'\(table.rows[row][column])' is not TRUE or FALSE", file: table.file,
                                line: table.lines[row], column: table.header[column])
        }
    }

    static func leadingTrue(_ flags: [Bool]) -> Int? {
        let n = flags.firstIndex(of: false) ?? flags.count
        return n == 0 ? nil : n
    }
}

/// One attribute row: count and size.
struct AttributeRow {
    var count: Double
    var size: Double
}
