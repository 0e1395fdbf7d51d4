import Foundation

/// How one rule did over the issues scanned.
public struct RuleCoverage: Sendable, Equatable {
  public var rule: String
  public var record: RecordType
  public var location: SourceLocation
  /// Matches that survived overlap resolution.
  public var fires: Int
  /// Matches that lost an overlap to another rule of the same record type.
  public var lost: Int
  /// Rows in the output tables that name this rule (officials count once per person per issue).
  public var records: Int
}

/// A sentence with a number and unit or a title word, where no rule kept a match: the rule
/// author's to-do list.
public struct UncoveredSentence: Sendable, Equatable {
  public var issue: String
  public var article: Int
  /// Offsets in Unicode scalars of the original file, as in the output tables' provenance.
  public var start: Int
  public var end: Int
  public var sentence: String
  /// What made the sentence look like it holds a record: quantities such as `120亩`, title words.
  public var cues: [String]
}

/// What `rules coverage` reports: how often each rule fires, which never do, and the sentences
/// that look like they hold a record but produced none.
public struct CoverageReport: Sendable {
  public var rules: [RuleCoverage]
  public var uncovered: [UncoveredSentence]
  /// Files that could not be read or decoded, and rules that hit the match limit.
  public var errors: [ErrorRecord]
  public var files: Int
  public var sentences: Int

  public var neverFired: [RuleCoverage] { rules.filter { $0.fires == 0 && $0.lost == 0 } }

  /// Scans `files` with `pipeline`'s rules.
  public static func build(_ files: [IssueFile], pipeline: Pipeline, jobs: Int = 1)
    -> CoverageReport
  {
    let cues = CoverageCues(posts: pipeline.book.words("posts"))
    let parts = IssueScan(pipeline: pipeline, jobs: jobs).map(files) { file, result in
      IssueCoverage(result, issue: file.display, cues: cues)
    }
    var fires: [String: Int] = [:]
    var lost: [String: Int] = [:]
    var records: [String: Int] = [:]
    var report = CoverageReport(
      rules: [], uncovered: [], errors: [], files: files.count, sentences: 0)
    for part in parts {
      fires.merge(part.fires, uniquingKeysWith: +)
      lost.merge(part.lost, uniquingKeysWith: +)
      records.merge(part.records, uniquingKeysWith: +)
      report.uncovered += part.uncovered
      report.errors += part.errors
      report.sentences += part.sentences
    }
    report.rules = pipeline.book.rules.map {
      RuleCoverage(
        rule: $0.id, record: $0.record, location: $0.location, fires: fires[$0.id] ?? 0,
        lost: lost[$0.id] ?? 0, records: records[$0.id] ?? 0)
    }
    return report
  }

  /// A readable report: rules by record type with their counts, rules that never fired, then
  /// the uncovered sentences with their cues.
  public func table() -> String {
    var out = "\(files) files, \(sentences) sentences, \(rules.count) rules\n\n"
    let width = max(4, rules.map(\.rule.count).max() ?? 0)
    out +=
      "rule".padding(toLength: width, withPad: " ", startingAt: 0) + "   fires   lost  records\n"
    for r in rules.sorted(by: { ($0.record, -$0.fires, $0.rule) < ($1.record, -$1.fires, $1.rule) })
    {
      out +=
        r.rule.padding(toLength: width, withPad: " ", startingAt: 0)
        + String(format: " %7d %6d %8d\n", r.fires, r.lost, r.records)
    }
    let never = neverFired
    out += "\nnever fired (\(never.count))\(never.isEmpty ? "" : ":")\n"
    for r in never { out += "  \(r.location): \(r.rule)\n" }
    out +=
      "\nsentences with a quantity or title word but no match (\(uncovered.count))\(uncovered.isEmpty ? "" : ":")\n"
    for u in uncovered {
      out +=
        "  \(u.issue) [\(u.article)] \(u.start)-\(u.end)  \(u.cues.joined(separator: " | "))\n    \(u.sentence)\n"
    }
    return out
  }

  /// One CSV for both lists, told apart by `kind`: `rule` rows (with `fires`, `lost`,
  /// `records` and where the rule is written; never-fired rules have zeros) and `uncovered`
  /// rows (with the sentence, its provenance and its `cues`), so a spreadsheet filter gives
  /// either list. Errors are not rows here: the command prints them.
  public static let csvColumns = [
    "kind", "rule", "record", "fires", "lost", "records", "location", "issue", "article", "start",
    "end", "cues",
    "sentence",
  ]

  public func csv(bom: Bool = false) -> [UInt8] {
    var out: [UInt8] = bom ? CSVWriter.bom : []
    CSVWriter.append(row: Self.csvColumns, to: &out)
    for r in rules {
      CSVWriter.append(
        row: [
          "rule", r.rule, r.record.rawValue, String(r.fires), String(r.lost), String(r.records),
          r.location.description, "", "", "", "", "", "",
        ], to: &out)
    }
    for u in uncovered {
      CSVWriter.append(
        row: [
          "uncovered", "", "", "", "", "", "", u.issue, String(u.article), String(u.start),
          String(u.end), u.cues.joined(separator: "|"), u.sentence,
        ], to: &out)
    }
    return out
  }
}

/// One issue's share of the coverage report.
struct IssueCoverage: Sendable {
  var fires: [String: Int] = [:]
  var lost: [String: Int] = [:]
  var records: [String: Int] = [:]
  var uncovered: [UncoveredSentence] = []
  var errors: [ErrorRecord] = []
  var sentences = 0

  init(_ result: Result<IssueAnalysis, IssueScanError>, issue: String, cues: CoverageCues) {
    guard case .success(let analysis) = result else {
      if case .failure(let e) = result { errors.append(e.record) }
      return
    }
    errors = analysis.records.errors
    for (table, rows) in RowBuilder.rows(analysis.records)
    where table != .articles && table != .errors {
      guard let rule = table.columns.firstIndex(of: "rule") else { continue }
      for row in rows { records[row[rule], default: 0] += 1 }
    }
    for s in analysis.sentences {
      sentences += 1
      for m in s.matches.kept { fires[m.ruleID, default: 0] += 1 }
      for l in s.matches.lost { lost[l.loser.ruleID, default: 0] += 1 }
      guard s.matches.kept.isEmpty else { continue }
      let found = cues.cues(in: s.sentence.text)
      guard !found.isEmpty else { continue }
      let o = analysis.text.originalRange(s.sentence.range)
      uncovered.append(
        UncoveredSentence(
          issue: issue,
          article: s.article, start: o.lowerBound, end: o.upperBound, sentence: s.sentence.text,
          cues: found))
    }
  }
}

/// What makes a sentence look like it holds a record: a number with a unit of something counted
/// or measured (元, 人, 个, 亩, 平方米…), or a title word from `lexicons/posts.txt`.
public struct CoverageCues: Sendable {
  /// Units that are not what records hold: dates and durations, ratios, ordinals.
  static let ignoredUnits: Set<String> = [
    "", "year", "month", "week", "day", "hour", "minute", "s", "age", "anniversary", "percent",
    "pp", "x", "times",
  ]
  public var posts: [String]

  public init(posts: [String]) {
    self.posts = posts.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
  }

  /// The quantities and title words in `sentence`, in order of appearance, each once.
  public func cues(in sentence: String) -> [String] {
    let scalars = Array(sentence.unicodeScalars)
    var found: [(Int, String)] = []
    for q in NumberParser.quantities(in: sentence) where !Self.ignoredUnits.contains(q.unit) {
      guard let value = q.value else { continue }
      var s = String.UnicodeScalarView()
      s.append(contentsOf: scalars[q.range])
      let text = String(s)
      // 一场, 两个大局, 三个更加: small numbers in Chinese numerals are mostly idiom, not data.
      if value < 10 && !text.contains(where: \.isASCII) { continue }
      found.append((q.range.lowerBound, text))
    }
    // Longest first, and a shorter word inside a longer one found is not listed again.
    var taken: [Range<String.Index>] = []
    for post in posts {
      var from = sentence.startIndex
      while let r = sentence.range(of: post, range: from..<sentence.endIndex) {
        if !taken.contains(where: { $0.overlaps(r) }) {
          taken.append(r)
          found.append(
            (sentence.unicodeScalars.distance(from: sentence.startIndex, to: r.lowerBound), post))
        }
        from = r.upperBound
      }
    }
    var seen = Set<String>()
    return found.sorted { $0.0 < $1.0 }.map(\.1).filter { seen.insert($0).inserted }
  }
}
