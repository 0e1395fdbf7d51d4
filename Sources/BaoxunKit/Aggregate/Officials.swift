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
      guard isPlausibleName(name), !c.reporters.contains(name) else { continue }
      if let i = c.officialIndex[name] {
        var o = c.officials[i]
        for t in titles where !o.titles.contains(t) { o.titles.append(t) }
        for org in titles.compactMap(organization) where !o.organizations.contains(org) {
          o.organizations.append(org)
        }
        if let role, !role.isEmpty, !o.roles.contains(role) { o.roles.append(role) }
        o.mentions += 1
        c.officials[i] = o
      } else {
        c.officialIndex[name] = c.officials.count
        var seen = Set<String>()
        let orgs = titles.compactMap(organization).filter { seen.insert($0).inserted }
        c.officials.append(Official(
          provenance: c.provenance(range, s, rule: m.ruleID), name: name, titles: titles,
          organizations: orgs, roles: role.map { $0.isEmpty ? [] : [$0] } ?? [], mentions: 1))
      }
      c.officialArticles[name, default: []].insert(s.article)
    }
  }

  /// Two to six Chinese characters, or a transliterated name of two dotted parts
  /// (艾尔肯·吐尔逊, 古丽米热·阿不都热合曼), which runs longer.
  func isPlausibleName(_ name: String) -> Bool {
    let scalars = name.unicodeScalars
    let longest = scalars.contains("·") ? 16 : 6
    guard (2...longest).contains(scalars.count), !Self.notNames.contains(name) else { return false }
    return scalars.allSatisfy { $0.properties.isIdeographic || $0 == "·" }
  }

  /// `市委常委、区委书记` → two titles; a piece with no post of its own (`市、县领导`) stays whole.
  func splitTitles(_ text: String) -> [String] {
    let cleaned = TextKeys.trimming([" ", "，"], text)
    guard !cleaned.isEmpty else { return [] }
    var out: [String] = []
    var carry = ""
    for piece in cleaned.split(separator: "、").map(String.init) {
      let whole = carry.isEmpty ? piece : carry + "、" + piece
      if posts.longestSuffix(of: whole) != nil || piece.count > 2 {
        out.append(whole)
        carry = ""
      } else {
        carry = whole
      }
    }
    if !carry.isEmpty { out.append(carry) }
    return out
  }

  /// The organization a title names before its post (`之江实验室主任` → `之江实验室`), if any.
  func organization(_ title: String) -> String? {
    guard let post = posts.longestSuffix(of: title) else { return nil }
    let org = String(title.unicodeScalars.dropLast(post))
    return org.count >= 2 ? org : nil
  }
}
