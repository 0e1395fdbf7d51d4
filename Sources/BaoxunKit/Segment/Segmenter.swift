/// Splits a normalized issue into articles (headline group, byline, body, kind) and sentences.
/// Teaser blocks and jump lines are not articles; a lead paragraph extracted away from its
/// article is reattached to the article it belongs to.
public struct Segmenter: Sendable {
  public init() {}

  enum Shape: Equatable {
    case headline, bylineOnly, body, teaser, jump, furniture
  }

  struct Draft {
    var headlines: [TextSpan] = []
    var byline: [String] = []
    var bylineFromMark = false
    var paragraphs: [Range<Int>] = []
    var leadAt: Int? = nil
    var orphan = false
  }

  public func segment(_ text: NormalizedText) -> [Article] {
    let shapes = classify(text)
    var drafts: [Draft] = []
    var current: Draft? = nil
    var pending: [TextSpan] = []
    func close() {
      if let c = current { drafts.append(c) }
      current = nil
    }
    for (p, paragraph) in text.paragraphs.enumerated() {
      let whole = text.string(paragraph.range)
      switch shapes[p] {
      case .headline:
        if current != nil { close() }
        pending += paragraph.lines.map { TextSpan(range: $0, text: text.string($0)) }
      case .teaser, .jump:
        close()
        pending = []
      case .furniture:
        continue
      case .bylineOnly:
        let names = Byline.leading(whole)?.names ?? []
        if !pending.isEmpty {
          close()
          current = Draft(headlines: pending)
          pending = []
        }
        if current == nil { current = Draft() }
        current!.byline += names
        current!.bylineFromMark = current!.bylineFromMark || whole.hasPrefix("◎") || whole.hasPrefix("□")
      case .body:
        let lead = LineShape.startsWithByline(text.scalars[paragraph.lines[0]])
          ? Byline.leading(whole) : nil
        if !pending.isEmpty {
          close()
          current = Draft(headlines: pending)
          pending = []
        } else if lead != nil, current == nil || !(current!.paragraphs.isEmpty) {
          close()
          current = Draft(orphan: true)
        } else if current == nil {
          current = Draft()
        }
        var body = paragraph.range
        if let tail = Byline.trailing(whole) {
          current!.byline += tail.names
          body = body.lowerBound..<(body.lowerBound + tail.start)
        }
        if let lead {
          current!.byline += lead.names
          body = (body.lowerBound + lead.length)..<body.upperBound
          if current!.leadAt == nil { current!.leadAt = current!.paragraphs.count }
        }
        if let cut = LineShape.jumpMarker(in: text.string(body)) {
          body = body.lowerBound..<(body.lowerBound + cut)
          current!.paragraphs.append(body)
          close()
        } else if !body.isEmpty {
          current!.paragraphs.append(body)
        }
      }
    }
    close()
    // Headline lines with no text after them are a whole text only when nothing else is there;
    // on a page they are signatures or stray furniture.
    if !pending.isEmpty && drafts.isEmpty { drafts.append(Draft(headlines: pending)) }
    if drafts.count > 1 { drafts.removeAll { $0.paragraphs.isEmpty && $0.byline.isEmpty } }
    return finish(reattachOrphans(drafts), text)
  }

  func classify(_ text: NormalizedText) -> [Shape] {
    var shapes = text.paragraphs.map { shape(of: $0, in: text) }
    for (p, shape) in shapes.enumerated() where shape == .teaser {
      var q = p - 1
      while q >= 0, shapes[q] == .headline {
        shapes[q] = .teaser
        q -= 1
      }
    }
    return shapes
  }

  func shape(of paragraph: Paragraph, in text: NormalizedText) -> Shape {
    let lines = paragraph.lines.map { text.string($0) }
    if lines.allSatisfy(PageFurniture.matches) || PageFurniture.isMasthead(lines) { return .furniture }
    // Section heads inside an article (■2018年工作回顾) are part of its text, not new headlines.
    if let first = lines.first?.unicodeScalars.first, ["■", "□", "●", "◆", "★", "▲", "▶"].contains(first),
      !LineShape.startsWithByline(lines[0].unicodeScalars)
    {
      return .body
    }
    if let last = lines.last, let at = LineShape.jumpMarker(in: last), at == 0 {
      return last.contains("详见") || last.contains("见第") ? .teaser : .jump
    }
    let whole = text.string(paragraph.range)
    if LineShape.startsWithByline(whole.unicodeScalars), let lead = Byline.leading(whole),
      lead.length >= whole.unicodeScalars.count - 1
    {
      return .bylineOnly
    }
    if LineShape.isHeadlineGroup(lines.map(\.unicodeScalars.count), hasFullStop: whole.contains("。")), !lines.contains(where: { $0.hasSuffix("：") }),
      !LineShape.startsWithByline(whole.unicodeScalars), !lines.contains(where: isCaption)
    {
      return .headline
    }
    return .body
  }

  func isCaption(_ line: String) -> Bool {
    line.hasPrefix("图为") || line.hasPrefix("▲") || line.hasSuffix("摄")
  }

  /// A lead found after its article's body (page extraction moved it) belongs to the nearest
  /// earlier article that has a headline, no byline yet, and no lead of its own.
  func reattachOrphans(_ drafts: [Draft]) -> [Draft] {
    var out: [Draft] = []
    for draft in drafts {
      guard draft.orphan, draft.headlines.isEmpty else {
        out.append(draft)
        continue
      }
      if let home = out.lastIndex(where: { !$0.headlines.isEmpty && $0.byline.isEmpty && $0.leadAt == nil }) {
        out[home].byline += draft.byline
        out[home].paragraphs = draft.paragraphs + out[home].paragraphs
        out[home].leadAt = 0
        out[home].orphan = true
      } else {
        out.append(draft)
      }
    }
    return out
  }

  func finish(_ drafts: [Draft], _ text: NormalizedText) -> [Article] {
    var articles: [Article] = []
    for draft in drafts where !(draft.paragraphs.isEmpty && draft.headlines.isEmpty) {
      let (kicker, headline, sub) = HeadlineGroup.assign(draft.headlines)
      var sentences: [Sentence] = []
      for span in [kicker, headline, sub].compactMap({ $0 }) {
        sentences.append(Sentence(range: span.range, text: span.text, isHeadline: true))
      }
      for paragraph in draft.paragraphs {
        for r in SentenceSplitter.split(text, paragraph) {
          sentences.append(Sentence(range: r, text: text.string(r), isHeadline: false))
        }
      }
      var seen = Set<String>()
      let byline = draft.byline.filter { seen.insert($0).inserted }
      let kind = kindOf(draft, headline: headline?.text, text)
      articles.append(
        Article(
          index: articles.count + 1, kicker: kicker, headline: headline, subheadline: sub,
          byline: byline, kind: kind, sentences: sentences, paragraphs: draft.paragraphs,
          hasOrphanedLead: draft.orphan && !draft.headlines.isEmpty))
    }
    return articles
  }

  func kindOf(_ draft: Draft, headline: String?, _ text: NormalizedText) -> ArticleKind {
    // A photo with its title line is a caption, not an article.
    if !draft.paragraphs.isEmpty, draft.byline.isEmpty || draft.paragraphs.count == 1,
      draft.paragraphs.allSatisfy({ isCaption(text.string($0)) })
    {
      return .caption
    }
    guard let headline else { return draft.orphan ? .news : .jump }
    let commentaryWords = ["评论员", "短评", "时评", "社论", "评论", "论语", "漫谈", "随笔"]
    if draft.bylineFromMark || commentaryWords.contains(where: { headline.contains($0) }) {
      return .commentary
    }
    if ["公告", "通告", "启事", "公示", "通知"].contains(where: { headline.contains($0) }) {
      return .notice
    }
    return .news
  }
}
