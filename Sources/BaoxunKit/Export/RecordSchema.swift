import Foundation

/// The output tables, their file names and column order, kept in one place.
public enum Table: String, CaseIterable, Sendable {
  case articles, officials, events, projects, amounts, jobs, errors

  public var columns: [String] {
    let head = ["issue", "article"]
    let tail = ["start", "end", "sentence", "rule"]
    switch self {
    case .articles:
      return head + ["headline", "kicker", "subheadline", "byline", "kind", "chars", "encoding"] + tail
    case .officials: return head + ["name", "titles", "organizations", "roles", "mentions"] + tail
    case .events: return head + ["name", "kind", "date_text", "date", "place", "participants"] + tail
    case .projects: return head + ["name", "count", "investment", "qualifier", "status"] + tail
    case .amounts: return head + ["text", "value", "high", "unit", "qualifier", "bound", "kind", "subject"] + tail
    case .jobs: return head + ["text", "value", "qualifier", "bound", "subject"] + tail
    case .errors: return ["issue", "stage", "message"]
    }
  }

  /// A row as column → value, the form scoring, examples, diffs and explain compare.
  public func keyed(_ row: [String]) -> [String: String] {
    Dictionary(uniqueKeysWithValues: zip(columns, row))
  }

  /// Columns whose values are numbers in JSONL output.
  static let numeric: Set<String> = ["article", "start", "end", "chars", "mentions", "count", "value", "high", "investment"]
  /// Record type named in each JSONL line.
  public var recordType: String {
    switch self {
    case .articles: return "article"
    case .officials: return "official"
    case .events: return "event"
    case .projects: return "project"
    case .amounts: return "amount"
    case .jobs: return "job"
    case .errors: return "error"
    }
  }
}

/// Rows of every table for one issue, in column order: what the writers consume.
public enum RowBuilder {
  static func join(_ values: [String]) -> String { values.joined(separator: "|") }
  static func number(_ d: Decimal?) -> String { d?.fastPlainString ?? "" }

  static func prov(_ p: Provenance, _ middle: [String]) -> [String] {
    [p.issue, String(p.article)] + middle + [String(p.start), String(p.end), p.sentence, p.rule]
  }

  public static func rows(_ r: IssueRecords) -> [Table: [[String]]] {
    [
      .articles: r.articles.map {
        prov($0.provenance, [$0.headline, $0.kicker, $0.subheadline, join($0.byline), $0.kind.rawValue,
          String($0.chars), $0.encoding])
      },
      .officials: r.officials.map {
        prov($0.provenance, [$0.name, join($0.titles), join($0.organizations), join($0.roles), String($0.mentions)])
      },
      .events: r.events.map {
        prov($0.provenance, [$0.name, $0.kind, $0.dateText, $0.date, $0.place, join($0.participants)])
      },
      .projects: r.projects.map {
        prov($0.provenance, [$0.name, $0.count.map(String.init) ?? "", number($0.investment), $0.qualifier, $0.status])
      },
      .amounts: r.amounts.map {
        prov($0.provenance, [$0.text, number($0.value), number($0.high), $0.unit, $0.qualifier,
          $0.bound?.rawValue ?? "", $0.kind, $0.subject])
      },
      .jobs: r.jobs.map {
        prov($0.provenance, [$0.text, number($0.value), $0.qualifier, $0.bound?.rawValue ?? "", $0.subject])
      },
      .errors: r.errors.map { [$0.issue, $0.stage, $0.message] },
    ]
  }
}
