import Foundation

/// Runs the pipeline over issue files and keeps the rows the CSVs would hold, for scoring.
public enum Evaluation {
  public static func rows(for files: [IssueFile], pipeline: Pipeline) -> [Table: [Scorer.Row]] {
    let perFile = IssueScan(pipeline: pipeline).map(files) { _, result -> [Table: [[String]]] in
      (try? result.get()).map { RowBuilder.rows($0.records) } ?? [:]
    }
    var out: [Table: [Scorer.Row]] = [:]
    for rows in perFile {
      for (table, list) in rows { out[table, default: []] += list.map(table.keyed) }
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
