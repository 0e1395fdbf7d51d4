/// Splits a normalized issue into articles (headline group, byline, body, kind) and sentences.
/// Teaser blocks and jump lines are not articles; a lead paragraph extracted away from its
/// article is reattached to the article it belongs to. Paragraphs and lines are read as slices
/// of `NormalizedText.scalars`; only headline and sentence texts become strings.
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
      let whole = text.scalars[paragraph.range]
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
        // A marked credit with no role (◎俞杰) signs a commentary; ◎记者 张弛 signs news.
        let marked = (whole.first == "◎" || whole.first == "□") && !Byline.hasRole(whole)
        current!.bylineFromMark = current!.bylineFromMark || marked
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
        if let cut = LineShape.jumpMarker(in: text.scalars[body]) {
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

  /// Whether the nearest headline before paragraph `p` titles a notice (…招标公告, 任前公示: one
  /// of `noticeWords`, which also mark an article's kind), and the paragraph after
  /// `p` opens no new article (本报讯…).
  func insideNotice(_ p: Int, _ shapes: [Shape], _ text: NormalizedText) -> Bool {
    if p + 1 < shapes.count, LineShape.startsWithByline(opening(p + 1, text)) { return false }
    guard var q = (0..<p).last(where: { shapes[$0] == .headline }) else { return false }
    // The whole headline group: a notice's number (（2025年第2号）) often stands under its title.
    while true {
      let head = text.scalars[text.paragraphs[q].range]
      if head.containsAnyScalars(Self.noticeWords) { return true }
      guard q > 0, shapes[q - 1] == .headline else { return false }
      q -= 1
    }
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
    for p in text.paragraphs.indices where shapes[p] == .headline {
      if isListTitle(p, shapes, text) { shapes[p] = .body }
      // A numbered section head inside a notice's text (二、报名办法, 3.投标人资格要求) heads a part
      // of that text, not a new article; numbered briefs and lists of stories keep their heads.
      if p > 0, shapes[p - 1] == .body, text.paragraphs[p].lines.count == 1,
        LineShape.startsWithListMarker(opening(p, text)), insideNotice(p, shapes, text)
      {
        shapes[p] = .body
      }
      if signsNotice(p, shapes, text) {
        shapes[p] = .body
        // Joint notices are signed by several issuers, one a line.
        var q = p - 1
        while q >= 0, shapes[q] == .headline, text.paragraphs[q].lines.count == 1, opening(q, text).count <= 20 {
          shapes[q] = .body
          q -= 1
        }
      }
      if isListItem(p, shapes, text) { shapes[p] = .body }
    }
    return shapes
  }

  func opening(_ p: Int, _ text: NormalizedText) -> ArraySlice<Unicode.Scalar> {
    text.scalars[text.paragraphs[p].lines[0]]
  }

  /// A list's title inside an article (任免名单, 签约项目清单) heads the list's items, not an
  /// article; a headline ending so (…项目名单 over 本报讯…) still heads its article.
  func isListTitle(_ p: Int, _ shapes: [Shape], _ text: NormalizedText) -> Bool {
    text.paragraphs[p].lines.count == 1 && p + 1 < shapes.count && shapes[p + 1] == .body
      && !LineShape.startsWithByline(opening(p + 1, text))
      && Self.listTitles.contains(where: opening(p, text).hasScalarSuffix)
  }

  /// A notice's signature (包头市发展和改革委员会 / 2026年5月11日), its date a paragraph of its own,
  /// ends the notice. A headline with its date under it (全县秋粮收购工作全面启动 / 2025年9月20日 /
  /// 本报讯…) is no signature: there the date is followed by the article.
  func signsNotice(_ p: Int, _ shapes: [Shape], _ text: NormalizedText) -> Bool {
    guard p > 0, p + 1 < shapes.count, shapes[p + 1] == .furniture, text.paragraphs[p + 1].lines.count == 1,
      PageFurniture.isLoneDate(opening(p + 1, text))
    else { return false }
    let followedByArticle = p + 2 < shapes.count && shapes[p + 2] == .body
      && LineShape.startsWithByline(opening(p + 2, text))
    return !followedByArticle && (shapes[p - 1] == .body || shapes[p - 1] == .headline)
  }

  /// The short items of a numbered list (名单如下： / 1.… / 2.…) are the list's, not headlines.
  func isListItem(_ p: Int, _ shapes: [Shape], _ text: NormalizedText) -> Bool {
    guard p > 0, shapes[p - 1] == .body, LineShape.startsWithListMarker(opening(p, text)) else { return false }
    let before = text.paragraphs[p - 1].lines
    return text.scalars[before[before.count - 1]].last == "："
      || LineShape.startsWithListMarker(opening(p - 1, text))
  }

  static let sectionMarks: Set<Unicode.Scalar> = ["■", "□", "●", "◆", "★", "▲", "▶"]
  static let speakerLabels = ["记者：", "本报记者：", "问：", "答：", "主持人："].map { Array($0.unicodeScalars) }
  static let seeAlso = Array("详见".unicodeScalars)
  static let seePage = Array("见第".unicodeScalars)

  func shape(of paragraph: Paragraph, in text: NormalizedText) -> Shape {
    let s = text.scalars
    let lines = paragraph.lines
    if PageFurniture.isFurniture(lines, in: s) { return .furniture }
    // Section heads inside an article (■2018年工作回顾) are part of its text, not new headlines.
    let firstLine = s[lines[0]]
    if let first = firstLine.first, Self.sectionMarks.contains(first),
      !LineShape.startsWithByline(firstLine)
    {
      return .body
    }
    // An interview's question (记者：今年有哪些新的探索？) is short and unpunctuated like a headline.
    if Self.speakerLabels.contains(where: firstLine.hasScalarPrefix) { return .body }
    let last = s[lines[lines.count - 1]]
    // A notice's signature (中共内江市委组织部 / 2026年3月20日) ends the notice; it heads nothing.
    if lines.count <= 3, PageFurniture.isLoneDate(last) { return .body }
    if let at = LineShape.jumpMarker(in: last), at == 0 {
      let teases = last.containsScalars(Self.seeAlso) || last.containsScalars(Self.seePage)
      return teases ? .teaser : .jump
    }
    let whole = s[paragraph.range]
    if LineShape.startsWithByline(whole), let lead = Byline.leading(whole),
      lead.length >= whole.count - 1
    {
      return .bylineOnly
    }
    // A credit standing alone after the text it signs, names only (（张楠楠）): `trailing` reads it.
    if lines.count == 1, whole.first == "（", Byline.trailing(whole)?.start == 0 { return .body }
    if LineShape.isHeadlineGroup(lines.lazy.map(\.count), hasFullStop: false), !whole.contains("。"),
      !lines.contains(where: { s[$0].last == "：" || s[$0].last == "；" }), !LineShape.startsWithByline(whole),
      !lines.contains(where: { isCaption(s[$0]) })
    {
      return .headline
    }
    // A notice's title runs long (…关于召开…听证会的公告) but is one unpunctuated line.
    if lines.count == 1, LineShape.endsNoticeTitle(firstLine), !LineShape.startsWithByline(whole) {
      return .headline
    }
    return .body
  }

  static let photoIs = Array("图为".unicodeScalars)
  /// The title of a list printed inside an article (任免名单, 签约项目清单): the list's items
  /// follow it, not a new article.
  static let listTitles = ["名单", "清单", "一览表"].map { Array($0.unicodeScalars) }

  func isCaption(_ line: ArraySlice<Unicode.Scalar>) -> Bool {
    line.hasScalarPrefix(Self.photoIs) || line.first == "▲" || line.last == "摄"
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
      let (kicker, headline, sub) = HeadlineGroup.assign(draft.headlines, in: text.scalars)
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
      let kind = kindOf(draft, headline: headline.map { text.scalars[$0.range] }, text)
      articles.append(
        Article(
          index: articles.count + 1, kicker: kicker, headline: headline, subheadline: sub,
          byline: byline, kind: kind, sentences: sentences, paragraphs: draft.paragraphs,
          hasOrphanedLead: draft.orphan && !draft.headlines.isEmpty))
    }
    return articles
  }

  static let commentaryWords = ["评论员", "短评", "时评", "社论", "评论", "论语", "漫谈", "随笔"].map {
    Array($0.unicodeScalars)
  }
  static let noticeWords = ["公告", "通告", "启事", "公示", "通知"].map { Array($0.unicodeScalars) }

  func kindOf(_ draft: Draft, headline: ArraySlice<Unicode.Scalar>?, _ text: NormalizedText)
    -> ArticleKind
  {
    // A photo with its title line is a caption, not an article.
    if !draft.paragraphs.isEmpty, draft.byline.isEmpty || draft.paragraphs.count == 1,
      draft.paragraphs.allSatisfy({ isCaption(text.scalars[$0]) })
    {
      return .caption
    }
    guard let headline else { return draft.orphan ? .news : .jump }
    if draft.bylineFromMark || headline.containsAnyScalars(Self.commentaryWords) {
      return .commentary
    }
    if headline.containsAnyScalars(Self.noticeWords) { return .notice }
    return .news
  }
}
