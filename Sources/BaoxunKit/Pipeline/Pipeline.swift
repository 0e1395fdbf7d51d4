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

  public init(book: RuleBook, usePrefilter: Bool = true) {
    self.book = book
    self.usePrefilter = usePrefilter
    aggregator = Aggregator(posts: book.words("posts"))
  }

  /// A matcher for the calling thread (it owns PCRE2 scratch memory).
  public func makeMatcher() -> Matcher { Matcher(book: book, usePrefilter: usePrefilter) }

  public func analyze(
    text: String, issue: String, encoding: String = TextEncoding.utf8.rawValue,
    date: DateComponents? = nil, matcher: Matcher? = nil
  ) -> IssueAnalysis {
    let matcher = matcher ?? makeMatcher()
    let normalized = normalizer.normalize(text)
    let articles = segmenter.segment(normalized)
    var sentences: [MatchedSentence] = []
    for article in articles where article.kind != .teaser {
      for sentence in article.sentences {
        sentences.append(MatchedSentence(article: article.index, sentence: sentence,
          matches: matcher.match(sentence, in: normalized)))
      }
    }
    let input = AggregationInput(issue: issue, encoding: encoding, text: normalized, articles: articles,
      sentences: sentences, dates: DateResolver(issueDate: date))
    return IssueAnalysis(text: normalized, articles: articles, sentences: sentences,
      records: aggregator.aggregate(input))
  }

  /// Reads, decodes and analyzes one file; a file that cannot be read or decoded becomes an error row.
  public func process(_ file: IssueFile, date: DateComponents? = nil, matcher: Matcher) -> IssueRecords {
    let data: Data
    do {
      data = try Data(contentsOf: file.url)
    } catch {
      var r = IssueRecords()
      r.errors.append(ErrorRecord(issue: file.display, stage: "read",
        message: "cannot read file: \((error as NSError).localizedDescription)"))
      return r
    }
    let decoded: DecodedText
    do {
      decoded = try Decoder.decode([UInt8](data))
    } catch {
      var r = IssueRecords()
      r.errors.append(ErrorRecord(issue: file.display, stage: "decode", message: error.description))
      return r
    }
    let issueDate = date ?? DateResolver.issueDate(fromPath: file.url.path)
    return analyze(text: decoded.text, issue: file.display, encoding: decoded.encoding.rawValue,
      date: issueDate, matcher: matcher).records
  }
}
