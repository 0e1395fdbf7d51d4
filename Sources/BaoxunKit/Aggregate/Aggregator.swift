import Foundation

/// A sentence with the article it belongs to and what the matcher kept and rejected there.
public struct MatchedSentence: Sendable {
  public var article: Int
  public var sentence: Sentence
  public var matches: SentenceMatches

  public init(article: Int, sentence: Sentence, matches: SentenceMatches) {
    self.article = article
    self.sentence = sentence
    self.matches = matches
  }
}

/// Everything the aggregator needs about one issue, produced by the earlier stages.
public struct AggregationInput: Sendable {
  public var issue: String
  public var encoding: String
  public var text: NormalizedText
  public var articles: [Article]
  public var sentences: [MatchedSentence]
  public var dates: DateResolver
}

/// Merges mentions into records: one official per person, parsed amounts and job counts,
/// events and projects with their lists split and duplicates merged.
public struct Aggregator: Sendable {
  /// Post words (`书记`, `区长`…), to tell an organization from its post.
  let posts: PostWords

  public init(posts: [String]) {
    self.posts = PostWords(posts)
  }

  public func aggregate(_ input: AggregationInput) -> IssueRecords {
    var records = IssueRecords()
    records.articles = articles(input)
    var context = Context(input: input)
    for s in input.sentences {
      for m in s.matches.kept {
        switch m.record {
        case .official: addOfficial(m, s, &context)
        case .amount: addAmount(m, s, &context)
        case .job: addJob(m, s, &context)
        case .project: addProjects(m, s, &context)
        case .event: addEvents(m, s, &context)
        }
      }
      for f in s.matches.failures {
        records.errors.append(ErrorRecord(issue: input.issue, stage: "match", message: f.message))
      }
    }
    records.officials = context.officials
    records.amounts = context.amounts
    records.jobs = context.jobs
    records.projects = context.projects
    records.events = finishEvents(context)
    return records
  }

  struct Context {
    let input: AggregationInput
    let reporters: Set<ByteKey>
    var officials: [Official] = []
    var officialIndex: [ByteKey: Int] = [:]
    /// The articles each official is named in, in step with `officials`, each article once.
    var officialArticles: [[Int]] = []
    var amounts: [Amount] = []
    var amountKeys = Set<ByteKey>()
    var jobs: [JobCount] = []
    var jobKeys = Set<ByteKey>()
    var projects: [Project] = []
    var projectIndex: [ByteKey: Int] = [:]
    /// Each project's name prepared for the abbreviation test, kept in step with `projects`.
    var projectForms: [AbbreviationForm] = []
    var events: [Event] = []
    var eventIndex: [ByteKey: Int] = [:]
    /// Each event's name prepared for the abbreviation test, kept in step with `events`.
    var eventForms: [AbbreviationForm] = []
    var eventArticles: [Int] = []
    /// The person a tour or meeting names (`person` group), in step with `events`.
    var eventPersons: [String?] = []
    /// Whether each event was read from a headline line only, in step with `events`.
    var eventInHeadline: [Bool] = []
    /// Whether each event stands only if its `person` is named as an official in the issue (a
    /// `confirm` field: 安全检查不留死角 is no tour by 安全), in step with `events`.
    var eventNeedsOfficial: [Bool] = []

    init(input: AggregationInput) {
      self.input = input
      var names = Set(input.articles.flatMap(\.byline).map(ByteKey.init))
      names.formUnion(Byline.creditedNames(in: input.text.scalars[...]).map(ByteKey.init))
      reporters = names
    }

    func provenance(_ r: Range<Int>, _ s: MatchedSentence, rule: String) -> Provenance {
      let o = input.text.originalRange(r)
      return Provenance(issue: input.issue, article: s.article, start: o.lowerBound, end: o.upperBound,
        sentence: s.sentence.text, rule: rule)
    }
  }

  func articles(_ input: AggregationInput) -> [ArticleRecord] {
    input.articles.map { a in
      let o = input.text.originalRange(a.range)
      let first = a.sentences.first?.text ?? ""
      return ArticleRecord(
        provenance: Provenance(issue: input.issue, article: a.index, start: o.lowerBound,
          end: o.upperBound, sentence: first, rule: "segmenter"),
        headline: a.headline?.text ?? "", kicker: a.kicker?.text ?? "",
        subheadline: a.subheadline?.text ?? "", byline: a.byline, kind: a.kind,
        chars: a.bodyCharacters, encoding: input.encoding)
    }
  }

  func addAmount(_ m: Mention, _ s: MatchedSentence, _ c: inout Context) {
    let span = m.groups["amount"] ?? GroupCapture(range: m.range, text: m.text)
    guard let q = NumberParser.parse(span.text) else { return }
    let unit = q.unit.isEmpty ? (m.set["unit"] ?? "") : q.unit
    let qualifier = q.qualifier.isEmpty ? (m.field("qualifier") ?? "") : q.qualifier
    let amount = Amount(provenance: c.provenance(m.range, s, rule: m.ruleID), text: m.text,
      value: q.value, high: q.high, unit: unit, qualifier: qualifier, bound: q.bound,
      kind: m.field("kind") ?? "", subject: m.field("subject") ?? "")
    let key = "\(m.text)|\(q.value?.fastPlainString ?? "")|\(unit)|\(amount.subject)"
    if c.amountKeys.insert(ByteKey(key)).inserted { c.amounts.append(amount) }
  }

  func addJob(_ m: Mention, _ s: MatchedSentence, _ c: inout Context) {
    let span = m.groups["amount"] ?? GroupCapture(range: m.range, text: m.text)
    guard let q = NumberParser.parse(span.text) else { return }
    let job = JobCount(provenance: c.provenance(m.range, s, rule: m.ruleID), text: m.text,
      value: q.value, qualifier: q.qualifier.isEmpty ? (m.field("qualifier") ?? "") : q.qualifier,
      bound: q.bound, subject: m.field("subject") ?? "")
    let key = "\(m.text)|\(q.value?.fastPlainString ?? "")|\(job.subject)"
    if c.jobKeys.insert(ByteKey(key)).inserted { c.jobs.append(job) }
  }
}
