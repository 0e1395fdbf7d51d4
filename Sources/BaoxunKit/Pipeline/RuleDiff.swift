import Foundation

/// A record that one rule set produces and the other does not.
public struct RecordChange: Sendable, Equatable {
  public enum Kind: String, Sendable { case gained, lost }
  public var kind: Kind
  public var table: Table
  public var issue: String
  public var article: Int
  public var start: Int
  public var end: Int
  public var rule: String
  /// The record's own columns as `name=value`, in table order, empty ones left out.
  public var fields: [String]
  public var sentence: String
}

/// The effect of a rule change, record by record: both rule sets run over the same issues, and
/// the records only the old one produced are lost, those only the new one produced are gained.
///
/// Records are compared by table, issue, their own columns and their provenance (article,
/// offsets, rule), not as raw matches: a match that the aggregator merges or drops changes
/// nothing an analyst sees, so it is not listed. The sentence and an official's `mentions`
/// count are left out of the comparison (the first follows from the offsets, the second
/// changes with every other mention of the person).
public struct RuleDiff: Sendable {
  public var changes: [RecordChange]
  public var files: Int
  /// Files that could not be read or decoded (the same for both rule sets).
  public var errors: [ErrorRecord]

  public var gained: [RecordChange] { changes.filter { $0.kind == .gained } }
  public var lost: [RecordChange] { changes.filter { $0.kind == .lost } }

  /// Tables whose rows rules produce; `errors` is included because a new rule that hits the
  /// match limit shows up there.
  static let tables: [Table] = [.officials, .events, .projects, .amounts, .jobs, .errors]
  static let ignoredColumns: Set<String> = ["sentence", "mentions"]

  public static func build(
    _ files: [IssueFile], old: Pipeline, new: Pipeline, jobs: Int = 1, date: DateComponents? = nil
  ) -> RuleDiff {
    let reduce:
      @Sendable (IssueFile, Result<IssueAnalysis, IssueScanError>) -> Result<
        IssueRecords, IssueScanError
      > = {
        $1.map(\.records)
      }
    let before = IssueScan(pipeline: old, jobs: jobs, date: date).map(files, reduce)
    let after = IssueScan(pipeline: new, jobs: jobs, date: date).map(files, reduce)
    var diff = RuleDiff(changes: [], files: files.count, errors: [])
    for (a, b) in zip(before, after) {
      switch (a, b) {
      case (.success(let a), .success(let b)): diff.changes += compare(old: a, new: b)
      case (.failure(let e), _), (_, .failure(let e)): diff.errors.append(e.record)
      }
    }
    return diff
  }

  /// The records of one issue that differ between two runs, lost before gained at each place.
  public static func compare(old: IssueRecords, new: IssueRecords) -> [RecordChange] {
    let a = RowBuilder.rows(old)
    let b = RowBuilder.rows(new)
    var out: [RecordChange] = []
    for table in tables {
      let columns = table.columns
      let key = { (row: [String]) in
        zip(columns, row).filter { !ignoredColumns.contains($0.0) }.map(\.1)
      }
      var remaining: [[String]: Int] = [:]
      for row in b[table] ?? [] { remaining[key(row), default: 0] += 1 }
      var changes: [RecordChange] = []
      for row in a[table] ?? [] {
        let k = key(row)
        if let n = remaining[k], n > 0 {
          remaining[k] = n - 1
        } else {
          changes.append(change(.lost, table, row))
        }
      }
      for row in b[table] ?? [] {
        let k = key(row)
        if let n = remaining[k], n > 0 {
          remaining[k] = n - 1
          changes.append(change(.gained, table, row))
        }
      }
      out += changes.sorted {
        ($0.start, $0.kind == .gained ? 1 : 0) < ($1.start, $1.kind == .gained ? 1 : 0)
      }
    }
    return out
  }

  static func change(_ kind: RecordChange.Kind, _ table: Table, _ row: [String]) -> RecordChange {
    let r = table.keyed(row)
    let provenance: Set<String> = ["issue", "article", "start", "end", "sentence", "rule"]
    let fields = zip(table.columns, row).filter { !provenance.contains($0.0) && !$0.1.isEmpty }.map
    { "\($0.0)=\($0.1)" }
    return RecordChange(
      kind: kind, table: table, issue: r["issue"] ?? "", article: Int(r["article"] ?? "") ?? 0,
      start: Int(r["start"] ?? "") ?? 0, end: Int(r["end"] ?? "") ?? 0, rule: r["rule"] ?? "",
      fields: fields,
      sentence: r["sentence"] ?? "")
  }

  /// Counts per rule, then each change as `-` (lost) or `+` (gained) with its fields and sentence,
  /// grouped by issue.
  public func table() -> String {
    var out = ""
    var issue: String?
    for c in changes {
      if c.issue != issue {
        out += "\(c.issue)\n"
        issue = c.issue
      }
      let place = c.table == .errors ? "" : " [\(c.article)] \(c.start)-\(c.end)"
      out +=
        "  \(c.kind == .lost ? "-" : "+") \(c.table.rawValue) \(c.rule)\(place)  \(c.fields.joined(separator: " "))\n"
      if !c.sentence.isEmpty { out += "      \(c.sentence)\n" }
    }
    var perRule: [String: (gained: Int, lost: Int)] = [:]
    for c in changes where c.table != .errors {
      if c.kind == .gained {
        perRule[c.rule, default: (0, 0)].gained += 1
      } else {
        perRule[c.rule, default: (0, 0)].lost += 1
      }
    }
    if !perRule.isEmpty {
      out += "\nby rule:\n"
      let width = perRule.keys.map(\.count).max() ?? 0
      for (rule, n) in perRule.sorted(by: { $0.key < $1.key }) {
        out +=
          "  \(rule.padding(toLength: width, withPad: " ", startingAt: 0))  +\(n.gained) -\(n.lost)\n"
      }
    }
    out += "\n\(gained.count) gained, \(lost.count) lost in \(files) files\n"
    return out
  }

  public static let csvColumns = [
    "change", "table", "issue", "article", "start", "end", "rule", "fields", "sentence",
  ]

  /// One row per change; `fields` holds the record's own columns as `name=value` joined by
  /// `; ` (a cell may itself hold `|`).
  public func csv(bom: Bool = false) -> [UInt8] {
    var out: [UInt8] = bom ? CSVWriter.bom : []
    CSVWriter.append(row: Self.csvColumns, to: &out)
    for c in changes {
      CSVWriter.append(
        row: [
          c.kind.rawValue, c.table.rawValue, c.issue, String(c.article), String(c.start),
          String(c.end), c.rule, c.fields.joined(separator: "; "), c.sentence,
        ], to: &out)
    }
    return out
  }
}
