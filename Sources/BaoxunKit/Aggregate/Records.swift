import Foundation

/// An article as the segmenter saw it, one row of `articles.csv`.
public struct ArticleRecord: Sendable, Equatable {
  public var provenance: Provenance
  public var headline: String
  public var kicker: String
  public var subheadline: String
  public var byline: [String]
  public var kind: ArticleKind
  public var chars: Int
  public var encoding: String
}

/// A person named with a post or honour, one per person per issue, with every title seen.
public struct Official: Sendable, Equatable {
  public var provenance: Provenance
  public var name: String
  public var titles: [String]
  public var organizations: [String]
  public var roles: [String]
  public var mentions: Int
}

public struct Event: Sendable, Equatable {
  public var provenance: Provenance
  public var name: String
  public var kind: String
  public var dateText: String
  /// ISO date when the issue date makes `dateText` resolvable, else empty.
  public var date: String
  public var place: String
  public var participants: [String]
}

public struct Project: Sendable, Equatable {
  public var provenance: Provenance
  public var name: String
  /// Number of projects for a group entry (`19个项目`), nil for a single project.
  public var count: Int?
  public var investment: Decimal?
  public var qualifier: String
  public var status: String
}

public struct Amount: Sendable, Equatable {
  public var provenance: Provenance
  public var text: String
  public var value: Decimal?
  public var high: Decimal?
  public var unit: String
  public var qualifier: String
  public var bound: Bound?
  public var kind: String
  public var subject: String
}

public struct JobCount: Sendable, Equatable {
  public var provenance: Provenance
  public var text: String
  public var value: Decimal?
  public var qualifier: String
  public var bound: Bound?
  public var subject: String
}

/// A file that could not be processed (or a rule that failed on it), one row of `errors.csv`.
public struct ErrorRecord: Sendable, Equatable {
  public var issue: String
  public var stage: String
  public var message: String
}

/// Everything extracted from one issue.
public struct IssueRecords: Sendable {
  public var articles: [ArticleRecord] = []
  public var officials: [Official] = []
  public var events: [Event] = []
  public var projects: [Project] = []
  public var amounts: [Amount] = []
  public var jobs: [JobCount] = []
  public var errors: [ErrorRecord] = []

  public init() {}

  public var recordCount: Int {
    officials.count + events.count + projects.count + amounts.count + jobs.count
  }
}
