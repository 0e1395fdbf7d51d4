import Foundation

/// Runs the pipeline over issue files and keeps the rows the CSVs would hold, for scoring.
public enum Evaluation {
  public static func rows(for files: [IssueFile], pipeline: Pipeline) -> [Table: [Scorer.Row]] {
    let matcher = pipeline.makeMatcher()
    var out: [Table: [Scorer.Row]] = [:]
    for file in files {
      let records = pipeline.process(file, matcher: matcher)
      for (table, rows) in RowBuilder.rows(records) {
        out[table, default: []] += rows.map { Dictionary(uniqueKeysWithValues: zip(table.columns, $0)) }
      }
    }
    return out
  }

  /// `{"officials": {"p": …, "r": …, "f1": …, "tp": …, "fp": …, "fn": …}, …}`
  public static func json(_ scorer: Scorer) -> String {
    let parts = Scorer.kinds.compactMap { kind -> String? in
      guard let s = scorer.scores[kind] else { return nil }
      return String(format: "\"%@\": {\"p\": %.3f, \"r\": %.3f, \"f1\": %.3f, \"tp\": %d, \"fp\": %d, \"fn\": %d}",
        kind, s.precision, s.recall, s.f1, s.tp, s.fp, s.fn)
    }
    return "{" + parts.joined(separator: ", ") + "}"
  }
}
