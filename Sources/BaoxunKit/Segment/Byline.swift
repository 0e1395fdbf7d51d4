/// Reads bylines: `本报讯（记者 阮伟康 陈书恒）`, `（全媒体记者 金一清）`, `记者 陈坚 通讯员 贾丹红`, `◎俞杰`,
/// trailing ones (`…影响。（通讯员 丁晓燕 记者 施振东）`) and photo credits `记者 张三 摄`.
/// The names it finds are reporters, never officials. The work happens on scalar slices of the
/// normalized text; only the names found become strings.
public enum Byline {
  typealias Scalars = ArraySlice<Unicode.Scalar>

  /// The byline at the start of a paragraph: its length in scalars and the names in it.
  public static func leading(_ text: String) -> (length: Int, names: [String])? {
    leading([Unicode.Scalar](scalarsOf: text)[...])
  }

  static let newspaper = Array("本报".unicodeScalars)

  static func leading(_ s: Scalars) -> (length: Int, names: [String])? {
    let base = s.startIndex
    // ◎俞杰, and □ 陈书航 when the line holds nothing else (□ also marks section heads).
    // ◎记者 张弛: a role after the mark is a role, not a name.
    if s.first == "◎" || (s.first == "□" && s.count <= 8) {
      let end =
        s.firstIndex(where: { !isNameScalar($0) && $0 != "◎" && $0 != "□" && $0 != " " })
        ?? s.endIndex
      let credit = s[(base + 1)..<end]
      let names = hasRole(credit) ? names(inRoleList: credit) : splitNames(credit)
      return names.isEmpty ? nil : (end - base, names)
    }
    var start = base
    if s.hasScalarPrefix(newspaper) {
      guard let open = s.prefix(20).firstIndex(where: { $0 == "讯" || $0 == "电" }) else {
        return nil
      }
      start = open + 1
      while start < s.endIndex, s[start] == " " { start += 1 }
    }
    if start < s.endIndex, s[start] == "（" {
      guard let close = s[start...].prefix(40).firstIndex(of: "）") else {
        return start > base ? (start - base, []) : nil
      }
      let inner = s[(start + 1)..<close]
      let names = names(inRoleList: inner)
      if names.isEmpty && start == base && !hasRole(inner) { return nil }
      var end = close + 1
      while end < s.endIndex, s[end] == " " { end += 1 }
      return (end - base, names)
    }
    if start > base { return (start - base, []) }
    // A bare role list: 记者 陈坚 通讯员 贾丹红, 文/珠江时报记者 梁嘉欣, or 三峡日报记者 陈思远
    guard s.firstScalarPrefix(among: LineShape.creditRoleScalars) != nil
      || s.firstScalarPrefix(among: LineShape.writtenByMarks) != nil || LineShape.opensWithOutletCredit(s)
    else { return nil }
    var end = base
    for i in s.indices {
      let c = s[i]
      if !isNameScalar(c) && c != " " && c != "/" && c != "／" { break }
      end = i + 1
      if i - base > 40 { break }
    }
    let piece = s[base..<end]
    let names = names(inRoleList: piece)
    return names.isEmpty && !hasRole(piece) ? nil : (end - base, names)
  }

  /// A byline closing a paragraph (`…影响。（通讯员 丁晓燕 记者 施振东）`, `…到位。（施振东）`), or
  /// making up a whole paragraph after the text (`（张楠楠）`): where it starts, in scalars, and the
  /// names in it.
  public static func trailing(_ text: String) -> (start: Int, names: [String])? {
    trailing([Unicode.Scalar](scalarsOf: text)[...])
  }

  static func trailing(_ s: Scalars) -> (start: Int, names: [String])? {
    // The opening parenthesis must lie within the last 40 scalars, so only they are searched.
    guard s.last == "）", let open = s[max(s.startIndex, s.endIndex - 40)...].lastIndex(of: "（")
    else { return nil }
    if open > s.startIndex {
      let before = s[open - 1]
      guard before == "。" || before == "！" || before == "？" || before == "”" || before == " " else {
        return nil
      }
    } else if s.count > 15 || notCredits.contains(where: { s.dropFirst().containsScalars($0) })
      || LineShape.outletMarks.contains(s[s.endIndex - 2])
    {
      return nil
    }
    let inner = s[(open + 1)..<(s.endIndex - 1)]
    if hasRole(inner) {
      let names = names(inRoleList: inner)
      return names.isEmpty ? nil : (open - s.startIndex, names)
    }
    let tokens = inner.scalarTokens { $0 == " " }
    guard !tokens.isEmpty,
      tokens.allSatisfy({ (2...4).contains($0.count) && $0.allSatisfy(isNameScalar) })
    else { return nil }
    return (open - s.startIndex, tokens.map { String(scalars: $0) })
  }

  /// Words a short paragraph in parentheses holds that are not names (（待续）, （未完）).
  static let notCredits: [[Unicode.Scalar]] = [
    "待续", "未完", "完", "续", "上", "下", "图片", "资料", "图文", "供图", "视频", "广告", "节选", "转载", "综合",
    "新华", "人民日报", "附件", "删节", "全文", "摘编", "来源", "特稿", "专稿", "简讯", "快讯", "评论", "社论", "据",
  ].map { Array($0.unicodeScalars) }

  static func hasRole(_ s: Scalars) -> Bool {
    s.containsAnyScalars(LineShape.creditRoleScalars)
  }

  @inline(__always)
  static func isNameSeparator(_ c: Unicode.Scalar) -> Bool { c == " " || c == "、" || c == "，" }

  /// Names in `记者 阮伟康 陈书恒 通讯员 贾丹红`; a lone character beside another (`李 岩`) is one name.
  /// Roles are recognised at the start of a token only, so `钟文涛` keeps its `文`.
  public static func names(inRoleList text: String) -> [String] {
    names(inRoleList: [Unicode.Scalar](scalarsOf: text)[...])
  }

  static func names(inRoleList s: Scalars) -> [String] {
    var sawRole = false
    var kept: [Scalars] = []
    for raw in s.scalarTokens(where: isNameSeparator) {
      var token = raw
      if token.count == 1, let c = token.first, c == "摄" || c == "文" || c == "图" {
        sawRole = true
        continue
      }
      if token.last == "摄", token.count > 2 { token.removeLast() }
      if token.firstScalarPrefix(among: LineShape.creditRoleScalars) == nil,
        let mark = token.firstScalarPrefix(among: LineShape.writtenByMarks)
      {
        sawRole = true
        token = token.dropFirst(mark.count)
        if token.isEmpty { continue }
      }
      if LineShape.isOutletRole(token) {
        sawRole = true
        continue
      }
      if let role = token.firstScalarPrefix(among: LineShape.creditRoleScalars) {
        sawRole = true
        token = token.dropFirst(role.count)
        if token.isEmpty { continue }
      }
      kept.append(token)
    }
    guard sawRole else { return [] }
    return splitNames(kept)
  }

  static func splitNames(_ s: Scalars) -> [String] {
    splitNames(s.scalarTokens(where: isNameSeparator))
  }

  /// Tokens hold no separator and are never empty.
  static func splitNames(_ tokens: [Scalars]) -> [String] {
    var names: [String] = []
    var i = 0
    while i < tokens.count {
      if tokens[i].count == 1, i + 1 < tokens.count, tokens[i + 1].count <= 2 {
        names.append(String(scalars: tokens[i]) + String(scalars: tokens[i + 1]))
        i += 2
        continue
      }
      if (2...4).contains(tokens[i].count), tokens[i].allSatisfy(isNameScalar) {
        names.append(String(scalars: tokens[i]))
      }
      i += 1
    }
    return names
  }

  /// Ideographs and the middle dot of transcribed names; the common CJK block is answered
  /// without a Unicode property lookup, and no scalar below U+3000 is ideographic.
  @inline(__always)
  static func isNameScalar(_ c: Unicode.Scalar) -> Bool {
    let v = c.value
    if v < 0x3000 { return v == 0xB7 }
    if v >= 0x4E00 && v <= 0x9FA5 { return true }
    return c.properties.isIdeographic
  }

  static let creditWords: [[Unicode.Scalar]] = ["记者", "通讯员", "摄影", "编辑", "实习生", "评论员"].map {
    Array($0.unicodeScalars)
  }

  /// Every reporter, photographer or editor credited anywhere in a text (`记者 张三 摄`).
  public static func creditedNames(in text: String) -> [String] {
    creditedNames(in: [Unicode.Scalar](scalarsOf: text)[...])
  }

  /// The same, on scalars already decoded (a whole normalized issue). One pass over the text
  /// serves every role word; names are returned role by role, in text order within a role.
  public static func creditedNames(in scalars: ArraySlice<Unicode.Scalar>) -> [String] {
    let scalars = scalars.startIndex == 0 ? scalars : ArraySlice(Array(scalars))
    var found = [[String]](repeating: [], count: creditWords.count)
    // Where each role's search resumes: a role's hit skips the names read after it.
    var resume = [Int](repeating: 0, count: creditWords.count)
    for i in scalars.indices {
      switch scalars[i] {
      case "记", "通", "摄", "编", "实", "评": break
      default: continue
      }
      for (k, r) in creditWords.enumerated() where i >= resume[k] && i + r.count <= scalars.count {
        guard scalars[i] == r[0], scalars.hasScalars(r, at: i) else { continue }
        var j = i + r.count
        while j < scalars.count, j - i - r.count < 14, isNameScalar(scalars[j]) || scalars[j] == " " {
          j += 1
        }
        let chunk = scalars[(i + r.count)..<j]
        if chunk.first == " " || chunk.last == "摄" {
          found[k] += names(inRoleList: scalars[i..<j]).filter { $0.count <= 3 }
        }
        resume[k] = max(j, i + 1)
      }
    }
    return found.flatMap { $0 }
  }
}
