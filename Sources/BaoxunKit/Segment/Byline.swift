/// Reads bylines: `本报讯（记者 阮伟康 陈书恒）`, `（全媒体记者 金一清）`, `记者 陈坚 通讯员 贾丹红`, `◎俞杰`,
/// trailing ones (`…影响。（通讯员 丁晓燕 记者 施振东）`) and photo credits `记者 张三 摄`.
/// The names it finds are reporters, never officials.
public enum Byline {
  /// The byline at the start of a paragraph: its length in scalars and the names in it.
  public static func leading(_ text: String) -> (length: Int, names: [String])? {
    let scalars = Array(text.unicodeScalars)
    // ◎俞杰, and □ 陈书航 when the line holds nothing else (□ also marks section heads).
    if scalars.first == "◎" || (scalars.first == "□" && scalars.count <= 8) {
      let end = scalars.firstIndex(where: { !isNameScalar($0) && $0 != "◎" && $0 != "□" && $0 != " " })
        ?? scalars.count
      let names = splitNames(String(scalars: scalars[1..<end]))
      return names.isEmpty ? nil : (end, names)
    }
    var start = 0
    if text.hasPrefix("本报") {
      guard let open = scalars.prefix(20).firstIndex(where: { $0 == "讯" || $0 == "电" }) else {
        return nil
      }
      start = open + 1
      while start < scalars.count, scalars[start] == " " { start += 1 }
    }
    if start < scalars.count, scalars[start] == "（" {
      guard let close = scalars[start...].prefix(40).firstIndex(of: "）") else {
        return start > 0 ? (start, []) : nil
      }
      let inner = String(scalars: scalars[(start + 1)..<close])
      let names = names(inRoleList: inner)
      if names.isEmpty && start == 0 && !hasRole(inner) { return nil }
      var end = close + 1
      while end < scalars.count, scalars[end] == " " { end += 1 }
      return (end, names)
    }
    if start > 0 { return (start, []) }
    // A bare role list: 记者 陈坚 通讯员 贾丹红
    guard PlainText.firstPrefix(of: text, among: LineShape.creditRoles) != nil else { return nil }
    var end = 0
    for (i, c) in scalars.enumerated() {
      if !isNameScalar(c) && c != " " && c != "/" && c != "／" { break }
      end = i + 1
      if i > 40 { break }
    }
    let piece = String(scalars: scalars[0..<end])
    let names = names(inRoleList: piece)
    return names.isEmpty && !hasRole(piece) ? nil : (end, names)
  }

  /// A byline closing a paragraph (`…影响。（通讯员 丁晓燕 记者 施振东）`, `…到位。（施振东）`):
  /// where it starts, in scalars, and the names in it.
  public static func trailing(_ text: String) -> (start: Int, names: [String])? {
    let scalars = Array(text.unicodeScalars)
    guard scalars.last == "）", let open = scalars.lastIndex(of: "（"), open > 0,
      scalars.count - open <= 40
    else { return nil }
    let before = scalars[open - 1]
    guard ["。", "！", "？", "”", " "].contains(before) else { return nil }
    let inner = String(scalars: scalars[(open + 1)..<(scalars.count - 1)])
    if hasRole(inner) {
      let names = names(inRoleList: inner)
      return names.isEmpty ? nil : (open, names)
    }
    let tokens = inner.split(separator: " ").map(String.init)
    guard !tokens.isEmpty, tokens.allSatisfy({ (2...4).contains($0.count) && $0.unicodeScalars.allSatisfy(isNameScalar) })
    else { return nil }
    return (open, tokens)
  }

  static func hasRole(_ text: String) -> Bool {
    PlainText.containsAny(text, LineShape.creditRoles)
  }

  /// Names in `记者 阮伟康 陈书恒 通讯员 贾丹红`; a lone character beside another (`李 岩`) is one name.
  /// Roles are recognised at the start of a token only, so `钟文涛` keeps its `文`.
  public static func names(inRoleList text: String) -> [String] {
    var sawRole = false
    var kept: [String] = []
    for raw in text.split(whereSeparator: { $0 == " " || $0 == "、" || $0 == "，" }) {
      var token = String(raw)
      if token == "摄" || token == "文" || token == "图" {
        sawRole = true
        continue
      }
      if token.hasSuffix("摄"), token.count > 2 { token.removeLast() }
      if let role = PlainText.firstPrefix(of: token, among: LineShape.creditRoles) {
        sawRole = true
        token = String(token.dropFirst(role.count))
        if token.isEmpty { continue }
      }
      kept.append(token)
    }
    guard sawRole else { return [] }
    return splitNames(kept.joined(separator: " "))
  }

  static func splitNames(_ text: String) -> [String] {
    let tokens = text.split(whereSeparator: { $0 == " " || $0 == "、" || $0 == "，" }).map(String.init)
    var names: [String] = []
    var i = 0
    while i < tokens.count {
      if tokens[i].count == 1, i + 1 < tokens.count, tokens[i + 1].count <= 2 {
        names.append(tokens[i] + tokens[i + 1])
        i += 2
        continue
      }
      if (2...4).contains(tokens[i].count), tokens[i].unicodeScalars.allSatisfy(isNameScalar) {
        names.append(tokens[i])
      }
      i += 1
    }
    return names
  }

  static func isNameScalar(_ c: Unicode.Scalar) -> Bool {
    c.properties.isIdeographic || c == "·"
  }

  /// Every reporter, photographer or editor credited anywhere in a text (`记者 张三 摄`).
  public static func creditedNames(in text: String) -> [String] {
    var found: [String] = []
    let scalars = Array(text.unicodeScalars)
    for role in ["记者", "通讯员", "摄影", "编辑", "实习生", "评论员"] {
      let r = Array(role.unicodeScalars)
      var i = 0
      while i + r.count <= scalars.count {
        guard scalars[i] == r[0], scalars.hasScalars(r, at: i) else {
          i += 1
          continue
        }
        var j = i + r.count
        var chunk: [Unicode.Scalar] = []
        while j < scalars.count, chunk.count < 14, isNameScalar(scalars[j]) || scalars[j] == " " {
          chunk.append(scalars[j])
          j += 1
        }
        let piece = String(scalars: chunk)
        if chunk.first == " " || piece.hasSuffix("摄") {
          found += names(inRoleList: role + piece).filter { $0.count <= 3 }
        }
        i = j
      }
    }
    return found
  }
}
