/// What kind of item an article is, as the `kind` column of `articles.csv` spells it.
public enum ArticleKind: String, Sendable, Equatable {
  case news, commentary, notice, caption, teaser, jump
}

/// A piece of normalized text: a scalar range into `NormalizedText.scalars` and its text.
public struct TextSpan: Sendable, Equatable {
  public var range: Range<Int>
  public var text: String
}

/// A sentence the matcher runs on; headline lines are sentences too, flagged as such.
public struct Sentence: Sendable, Equatable {
  public var range: Range<Int>
  public var text: String
  public var isHeadline: Bool
}

/// One article of an issue: its headline group, byline, body sentences and kind.
public struct Article: Sendable, Equatable {
  /// 1-based position in the issue, in reading order of the headlines.
  public var index: Int
  public var kicker: TextSpan?
  public var headline: TextSpan?
  public var subheadline: TextSpan?
  /// Reporter, correspondent and author names, never officials.
  public var byline: [String]
  public var kind: ArticleKind
  public var sentences: [Sentence]
  /// Scalar ranges of the body paragraphs, in the order they were attached.
  public var paragraphs: [Range<Int>]
  /// True when the article's lead paragraph stood elsewhere in the file and was reattached.
  public var hasOrphanedLead: Bool

  public var range: Range<Int> {
    let starts = [kicker?.range, headline?.range, subheadline?.range].compactMap { $0?.lowerBound }
      + paragraphs.map(\.lowerBound)
    let ends = [kicker?.range, headline?.range, subheadline?.range].compactMap { $0?.upperBound }
      + paragraphs.map(\.upperBound)
    return (starts.min() ?? 0)..<(ends.max() ?? 0)
  }

  public var bodyCharacters: Int { paragraphs.reduce(0) { $0 + $1.count } }
}
