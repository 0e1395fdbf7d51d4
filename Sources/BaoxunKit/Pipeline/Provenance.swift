/// Where a record came from: the promise that every row can be traced to exact characters.
public struct Provenance: Sendable, Equatable {
  /// The issue file's path relative to the folder given on the command line.
  public var issue: String
  /// 1-based article index in the issue; 0 when the text lies outside any article.
  public var article: Int
  /// Offsets in Unicode scalars of the decoded original file, end exclusive, BOM not counted.
  public var start: Int
  public var end: Int
  /// The normalized sentence the record came from.
  public var sentence: String
  public var rule: String

  public init(issue: String, article: Int, start: Int, end: Int, sentence: String, rule: String) {
    self.issue = issue
    self.article = article
    self.start = start
    self.end = end
    self.sentence = sentence
    self.rule = rule
  }
}
