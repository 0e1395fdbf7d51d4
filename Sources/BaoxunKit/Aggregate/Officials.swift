extension Aggregator {
  /// Words that rules may catch in a name position but that never name a person.
  static let notNames: Set<String> = [
    "同志", "领导", "一行", "代表", "主持", "讲话", "出席", "参加", "陪同", "强调", "指出", "表示", "要求",
    "带队", "负责人", "全体", "有关", "相关", "主要", "分别", "一起", "共同", "等人", "应邀",
  ]

  func addOfficial(_ m: Mention, _ s: MatchedSentence, _ c: inout Context) {
    let titles = splitTitles(m.field("titles") ?? m.field("title") ?? "")
    let people = m.listedItems(minItem: 1, wholeMatch: false)
    let role = m.field("role")
    for (raw, range) in people {
      let name = TextKeys.without([" "], in: raw)
      let key = ByteKey(name)
      guard isPlausibleName(name), !c.reporters.contains(key) else { continue }
      // A name whose end no following word shows stands only if the issue names it again,
      // followed by something else (林志远穿着… / 林志远说).
      if m.field("confirm") != nil, !c.input.text.scalars[...].endsTwiceDifferently(Array(name.unicodeScalars)) {
        continue
      }
      if let i = c.officialIndex[key] {
        var o = c.officials[i]
        for t in titles where !o.titles.contains(t) { o.titles.append(t) }
        for org in titles.compactMap(organization) where !o.organizations.contains(org) {
          o.organizations.append(org)
        }
        if let role, !role.isEmpty, !o.roles.contains(role) { o.roles.append(role) }
        o.mentions += 1
        c.officials[i] = o
      } else {
        c.officialIndex[key] = c.officials.count
        c.officialArticles.append([])
        var seen = Set<String>()
        let orgs = titles.compactMap(organization).filter { seen.insert($0).inserted }
        c.officials.append(Official(
          provenance: c.provenance(range, s, rule: m.ruleID), name: name, titles: titles,
          organizations: orgs, roles: role.map { $0.isEmpty ? [] : [$0] } ?? [], mentions: 1))
      }
      let i = c.officialIndex[key]!
      if c.officialArticles[i].last != s.article { c.officialArticles[i].append(s.article) }
    }
  }

  /// Two to six Chinese characters, or a transliterated name of two dotted parts
  /// (艾尔肯·吐尔逊, 古丽米热·阿不都热合曼), which runs longer; never a post with a surname
  /// before it (由区长任组长: 任组长).
  func isPlausibleName(_ name: String) -> Bool {
    var scalars: [Unicode.Scalar] = []
    var dotted = false
    for s in name.unicodeScalars {
      guard Byline.isNameScalar(s) else { return false }
      if s == "·" { dotted = true }
      scalars.append(s)
    }
    guard (2...(dotted ? 16 : 6)).contains(scalars.count) else { return false }
    if scalars.count >= 3, (posts.longestSuffix(of: scalars[...]) ?? 0) >= 2 { return false }
    return scalars.count > 3 || !Self.notNames.contains(name)
  }

  /// `市委常委、区委书记` → two titles; a piece with no post of its own (`市、县领导`) stays whole.
  /// Split on scalars: `String.split` and `count` walk grapheme clusters, which cost more than
  /// the rest of adding an official.
  func splitTitles(_ text: String) -> [String] {
    let cleaned = Array(TextKeys.trimming([" ", "，"], text).unicodeScalars)
    guard !cleaned.isEmpty else { return [] }
    var out: [String] = []
    var carryStart: Int? = nil
    var start = 0
    // Titles are chained with 、, and sometimes with a comma (自治区党委常委，包头市委书记，…).
    for i in 0...cleaned.count where i == cleaned.count || cleaned[i] == "、" || cleaned[i] == "，" {
      defer { start = i + 1 }
      // Empty pieces (`、、`) are dropped, as `split` drops them.
      guard i > start else { continue }
      let from = carryStart ?? start
      if posts.longestSuffix(of: cleaned[from..<i]) != nil || i - start > 2 {
        out.append(String(scalars: cleaned[from..<i]))
        carryStart = nil
      } else if carryStart == nil {
        carryStart = start
      }
    }
    if let carryStart { out.append(String(scalars: cleaned[carryStart..<cleaned.count])) }
    return out
  }

  /// The organization a title names before its post (`之江实验室主任` → `之江实验室`), if any.
  func organization(_ title: String) -> String? {
    let scalars = Array(title.unicodeScalars)
    guard let post = posts.longestSuffix(of: scalars[...]) else { return nil }
    return scalars.count - post >= 2 ? String(scalars: scalars.dropLast(post)) : nil
  }
}
