extension Aggregator {
  func addEvents(_ m: Mention, _ s: MatchedSentence, _ c: inout Context) {
    let items = m.listedItems(minItem: 5)
    let prefix = m.field("prefix") ?? ""
    let suffix = m.field("suffix") ?? ""
    // A rule's own date text is resolved here; a date found in the sentence comes resolved.
    let found = m.groups["date_text"].map { ($0.text, c.input.dates.find(in: $0.text)?.iso ?? "") }
      ?? c.input.dates.find(in: s.sentence.text)
    let person = m.field("person")
    let needsOfficial = m.field("confirm") != nil && person != nil
    let dateText = found?.0 ?? ""
    let iso = found?.1 ?? ""
    for (raw, _) in items {
      var name = prefix + TextKeys.trimming(Self.itemEdges, raw)
      if !suffix.isEmpty, !name.hasSuffix(suffix) { name += suffix }
      if Self.endsInsideQuote(name) {
        // An award's name as the rule took it (“2021年度…贡献奖 + 颁奖) only lost its closing quote.
        guard name.first == "“" else { continue }
        name.removeFirst()
      }
      guard name.unicodeScalars.count >= 4 else { continue }
      let key = ByteKey(TextKeys.key(name))
      let kind = Self.kind(m.field("kind") ?? "", of: name)
      // A tour or a meeting told in a headline (张立群在县经开区调研时强调, 卢志国会见韩国客商) and
      // again in the lead is one event, under the longer account: both name the same person. Two
      // meetings of one person told in the text stay two.
      if c.eventIndex[key] == nil,
        let i = sameOccasion(name, kind: kind, by: person, article: s.article, inHeadline: s.sentence.isHeadline, c)
      {
        if name.unicodeScalars.count > c.events[i].name.unicodeScalars.count {
          c.events[i].name = name
          c.eventForms[i] = AbbreviationForm(name)
          c.eventPersons[i] = person
          c.events[i].provenance = c.provenance(m.range, s, rule: m.ruleID)
        }
        c.eventInHeadline[i] = false
        c.eventNeedsOfficial[i] = c.eventNeedsOfficial[i] && needsOfficial
        c.eventIndex[key] = i
      }
      // The same event named twice, once shorter (a headline's 经济工作会议, the lead's
      // 马桥镇2026年经济工作会议暨…动员大会), is one event under the fuller name; never an audience
      // with the fair whose guests it received (会见前来出席…洽谈会的…一行).
      if c.eventIndex[key] == nil, case let form = AbbreviationForm(key.text), case let plenum = Self.plenum(name),
        let i = c.eventForms.indices.first(where: {
          ((form.abbreviates(c.eventForms[$0]) || c.eventForms[$0].abbreviates(form))
            && (c.events[$0].kind == kind || Self.isAudience(name) == Self.isAudience(c.events[$0].name)))
            || (plenum != nil && plenum == Self.plenum(c.events[$0].name))
        })
      {
        if name.count > c.events[i].name.count {
          c.events[i].name = name
          c.eventForms[i] = AbbreviationForm(name)
          c.events[i].provenance = c.provenance(m.range, s, rule: m.ruleID)
        }
        c.eventIndex[key] = i
      }
      if let i = c.eventIndex[key] {
        if c.events[i].dateText.isEmpty { c.events[i].dateText = dateText; c.events[i].date = iso }
        if c.events[i].place.isEmpty { c.events[i].place = m.field("place") ?? "" }
        continue
      }
      c.eventIndex[key] = c.events.count
      c.eventArticles.append(s.article)
      c.eventForms.append(AbbreviationForm(name))
      c.eventPersons.append(person)
      c.eventInHeadline.append(s.sentence.isHeadline)
      c.eventNeedsOfficial.append(needsOfficial)
      c.events.append(Event(
        provenance: c.provenance(m.range, s, rule: m.ruleID), name: name, kind: kind,
        dateText: dateText, date: iso, place: m.field("place") ?? "", participants: []))
    }
  }

  static func isAudience(_ name: String) -> Bool { name.contains("会见") }

  /// A name whose last opening quote is never closed ends inside a quotation: the event word is
  /// part of a quoted phrase (热衷于“签约仪式上的掌声”), not the name of an occasion.
  static func endsInsideQuote(_ name: String) -> Bool {
    var open = false
    for c in name.unicodeScalars {
      if c == "“" { open = true } else if c == "”" { open = false }
    }
    return open
  }

  /// The numerals before 届 and 次 of a party committee's plenary session, marked when it is the
  /// discipline commission's (纪委九届五次全会 is not the 区委's); nil for any other name, and for a
  /// congress's sessions, whose 第X次会议 holds several 第Y次全体会议. Read on scalars: every event
  /// is compared with every earlier one of its issue. A plenum written short in a headline
  /// (八届区委十次全会) and in full in the lead (…区第八届委员会第十次全体会议) has the same key.
  static func plenum(_ name: String) -> String? {
    let s = Array(name.unicodeScalars)
    guard let term = s.firstIndex(of: "届"), let session = s[term...].firstIndex(of: "次"),
      s[...].containsScalars(plenumWords[0]) || s[...].containsScalars(plenumWords[1]),
      !plenumExcluded.contains(where: { s[...].containsScalars($0) })
    else { return nil }
    let body = plenumDiscipline.contains(where: { s[...].containsScalars($0) }) ? "纪" : ""
    let termNumber = s[..<term].reversed().prefix { plenumNumerals.contains($0) }
    let sessionNumber = s[(term + 1)..<session].reversed().prefix { plenumNumerals.contains($0) }
    guard !termNumber.isEmpty, !sessionNumber.isEmpty else { return nil }
    return body + String(String.UnicodeScalarView(termNumber.reversed())) + "届"
      + String(String.UnicodeScalarView(sessionNumber.reversed())) + "次"
  }

  static let plenumWords: [[Unicode.Scalar]] = ["全会", "全体会议"].map { Array($0.unicodeScalars) }
  static let plenumExcluded: [[Unicode.Scalar]] = ["人民代表大会", "人大", "政协", "代表大会", "会议第"]
    .map { Array($0.unicodeScalars) }
  static let plenumDiscipline: [[Unicode.Scalar]] = ["纪委", "纪律检查"].map { Array($0.unicodeScalars) }
  static let plenumNumerals = Set("〇一二三四五六七八九十百0123456789".unicodeScalars)

  /// A rule that reads a list of different events (出席A论坛、B推介会和C音乐节) sets the kind
  /// `by-name`: each item's kind is then read from the word its name ends in, first match wins.
  static let kindsByEnding: [(ending: String, kind: String)] = [
    ("颁奖典礼", "award"), ("颁奖仪式", "award"), ("决赛", "award"), ("大赛", "award"),
    ("签约仪式", "signing"), ("签约活动", "signing"),
    ("仪式", "ceremony"), ("典礼", "ceremony"), ("开幕式", "ceremony"), ("闭幕式", "ceremony"),
    ("论坛", "forum"), ("峰会", "forum"), ("圆桌会", "forum"), ("发布会", "release"),
    ("博览会", "fair"), ("交易会", "fair"), ("洽谈会", "fair"), ("展销会", "fair"), ("对接会", "fair"),
    ("推介会", "fair"), ("招聘会", "fair"), ("节", "fair"), ("周", "fair"), ("活动", "launch"),
  ]

  static func kind(_ ruleKind: String, of name: String) -> String {
    guard ruleKind == "by-name" else { return ruleKind }
    return kindsByEnding.first { name.hasSuffix($0.ending) }?.kind ?? "meeting"
  }

  /// An event of the same kind and article, told once in a headline and once in the text, that
  /// is the same occasion: one names a person (`person`, or the person the earlier one named)
  /// that the other's name holds.
  func sameOccasion(
    _ name: String, kind: String, by person: String?, article: Int, inHeadline: Bool, _ c: Context
  ) -> Int? {
    guard person != nil || c.eventPersons.contains(where: { $0 != nil }) else { return nil }
    return c.events.indices.first { i in
      guard c.eventArticles[i] == article, c.events[i].kind == kind, c.eventInHeadline[i] != inHeadline else {
        return false
      }
      if let person, TextKeys.contains(c.events[i].name, person) { return true }
      return c.eventPersons[i].map { TextKeys.contains(name, $0) } ?? false
    }
  }

  /// The first event of an article is the one it reports: the officials named there took part.
  /// An event that asked for it (`confirm`) stands only if its person is an official of the issue.
  func finishEvents(_ c: Context) -> [Event] {
    var events = c.events
    // Each article's officials, in the order officials were found, gathered in one pass.
    var named: [Int: [String]] = [:]
    for (i, official) in c.officials.enumerated() {
      for article in c.officialArticles[i] { named[article, default: []].append(official.name) }
    }
    var claimed = Set<Int>()
    for (i, article) in c.eventArticles.enumerated() where claimed.insert(article).inserted {
      events[i].participants = named[article] ?? []
    }
    return events.indices.compactMap { i in
      guard c.eventNeedsOfficial[i] else { return events[i] }
      let person = c.eventPersons[i].map { ByteKey(TextKeys.without([" "], in: $0)) }
      return person.flatMap { c.officialIndex[$0] } != nil ? events[i] : nil
    }
  }
}
