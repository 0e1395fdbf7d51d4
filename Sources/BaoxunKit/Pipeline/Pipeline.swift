import Foundation

/// Everything one issue went through, for `explain`, `segment` and tests.
public struct IssueAnalysis: Sendable {
  public var text: NormalizedText
  public var articles: [Article]
  public var sentences: [MatchedSentence]
  public var records: IssueRecords
}

/// Runs the stages in order — decode, normalize, segment, match, aggregate — for one issue.
public struct Pipeline: Sendable {
  public let book: RuleBook
  public let usePrefilter: Bool
  let normalizer = Normalizer()
  let segmenter = Segmenter()
  let aggregator: Aggregator
  /// Built once and shared read-only by every thread's matcher.
  let prefilter: Prefilter?

  public init(book: RuleBook, usePrefilter: Bool = true) {
    self.book = book
    self.usePrefilter = usePrefilter
    aggregator = Aggregator(posts: book.words("posts"))
    prefilter = usePrefilter ? Prefilter(book.rules) : nil
  }

  /// A matcher for the calling thread (it owns PCRE2 scratch memory); a batch run needs no
  /// overlap losers.
  public func makeMatcher(keepingLosses: Bool = true) -> Matcher {
    let matcher = Matcher(book: book, prefilter: prefilter)
    matcher.keepsLosses = keepingLosses
    return matcher
  }

  public func analyze(
    text: String, issue: String, encoding: String = TextEncoding.utf8.rawValue,
    date: DateComponents? = nil, matcher: Matcher? = nil
  ) -> IssueAnalysis {
    let matcher = matcher ?? makeMatcher()
    let normalized = normalizer.normalize(text)
    let articles = segmenter.segment(normalized)
    let matched = articles.filter { $0.kind != .teaser }
    let all = matched.flatMap(\.sentences)
    var results = matcher.match(all, in: normalized).makeIterator()
    var sentences: [MatchedSentence] = []
    sentences.reserveCapacity(all.count)
    for article in matched {
      for sentence in article.sentences {
        sentences.append(MatchedSentence(article: article.index, sentence: sentence, matches: results.next()!))
      }
    }
    let input = AggregationInput(issue: issue, encoding: encoding, text: normalized, articles: articles,
      sentences: sentences, dates: DateResolver(issueDate: date))
    return IssueAnalysis(text: normalized, articles: articles, sentences: sentences,
      records: aggregator.aggregate(input))
  }

  /// Reads, decodes and analyzes one file. Whatever goes wrong becomes a row for `errors.csv`
  /// (stage `read` or `decode`) instead of an error, so one broken file never stops a batch.
  /// A file with no article gets a warning row (stage `empty`) naming its size and encoding,
  /// so an analyst can tell an empty page from a file that was never processed.
  public func process(_ file: IssueFile, date: DateComponents? = nil, matcher: Matcher) -> IssueRecords {
    if let reason = file.listingError {
      return .problem(file, .read, ReadError.unlistedFolder(reason).description)
    }
    let bytes: [UInt8]
    do {
      bytes = try IssueReader.read(file)
    } catch {
      return .problem(file, .read, error.description)
    }
    let decoded: DecodedText
    do {
      decoded = try Decoder.decode(bytes)
    } catch {
      return .problem(file, .decode, error.description)
    }
    let issueDate = date ?? DateResolver.issueDate(fromPath: file.path)
    var records = analyze(text: decoded.text, issue: file.display, encoding: decoded.encoding.rawValue,
      date: issueDate, matcher: matcher).records
    if records.articles.isEmpty {
      records.errors.insert(ErrorRecord(issue: file.display, stage: IssueStage.empty.rawValue,
        message: Self.emptyMessage(bytes: bytes.count, decoded)), at: 0)
    }
    return records
  }

  /// Says why a file gave no article, and how it was read, so the encoding is on record too.
  static func emptyMessage(bytes: Int, _ decoded: DecodedText) -> String {
    let how = "read as \(decoded.encoding.rawValue)"
    if bytes == 0 { return "empty file (0 bytes): nothing to extract" }
    if decoded.text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace || $0 == "\u{FEFF}" }) {
      return "only whitespace (\(bytes) bytes, \(how)): nothing to extract"
    }
    let chars = decoded.text.unicodeScalars.count
    return "no article found in \(chars) characters (\(how)): check that the file is newspaper text"
  }
}

extension IssueRecords {
  /// The records of a file that could not be processed: one `errors.csv` row, nothing else.
  static func problem(_ file: IssueFile, _ stage: IssueStage, _ message: String) -> IssueRecords {
    var r = IssueRecords()
    r.errors.append(ErrorRecord(issue: file.display, stage: stage.rawValue, message: message))
    return r
  }
}
