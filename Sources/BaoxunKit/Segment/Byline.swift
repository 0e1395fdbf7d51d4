/// Reads bylines: `本报讯（记者 阮伟康 陈书恒）`, `（记者 金一清）`, `记者 陈坚 通讯员 贾丹红`, `◎俞杰`,
/// and photo credits `记者 张三 摄`. The names it finds are reporters, never officials.
public enum Byline {
  static let roles = [
    "本报记者", "见习记者", "实习记者", "特约记者", "记者", "通讯员", "实习生", "摄影", "责任编辑", "编辑",
    "校对", "文/图", "文／图", "图/文", "文", "图",
  ]

  /// The byline at the start of a paragraph: its length in scalars and the names in it.
  public static func leading(_ text: String) -> (length: Int, names: [String])? {
    let scalars = Array(text.unicodeScalars)
    if scalars.first == "◎" {
      let end = scalars.firstIndex(where: { !isNameScalar($0) && $0 != "◎" && $0 != " " })
        ?? scalars.count
      let names = splitNames(String(String.UnicodeScalarView(scalars[1..<end])))
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
      let inner = String(String.UnicodeScalarView(scalars[(start + 1)..<close]))
      let names = names(inRoleList: inner)
      if names.isEmpty && start == 0 { return nil }
      var end = close + 1
      while end < scalars.count, scalars[end] == " " { end += 1 }
      return (end, names)
    }
    if start > 0 { return (start, []) }
    // A bare role list: 记者 陈坚 通讯员 贾丹红
    guard roles.contains(where: { text.hasPrefix($0 + " ") }) else { return nil }
    var end = 0
    var seenSpace = false
    for (i, c) in scalars.enumerated() {
      if c == " " { seenSpace = true }
      if !isNameScalar(c) && c != " " && c != "/" && c != "／" { break }
      end = i + 1
      if seenSpace && i > 40 { break }
    }
    let names = names(inRoleList: String(String.UnicodeScalarView(scalars[0..<end])))
    return names.isEmpty ? nil : (end, names)
  }

  /// Names in `记者 阮伟康 陈书恒 通讯员 贾丹红`; a lone character beside another (`李 岩`) is one name.
  public static func names(inRoleList text: String) -> [String] {
    var sawRole = false
    var rest = Substring(text)
    var body = ""
    while !rest.isEmpty {
      if let role = roles.first(where: { rest.hasPrefix($0) }) {
        sawRole = true
        rest = rest.dropFirst(role.count)
        body += " "
      } else {
        body.append(rest.removeFirst())
      }
    }
    guard sawRole else { return [] }
    return splitNames(body.replacingOccurrences(of: "摄", with: " "))
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

  /// Every reporter or photographer named anywhere in a text (`记者 张三 摄`, `通讯员 李四`).
  public static func creditedNames(in text: String) -> [String] {
    var found: [String] = []
    let scalars = Array(text.unicodeScalars)
    for role in ["记者", "通讯员", "摄影", "编辑", "实习生"] {
      let r = Array(role.unicodeScalars)
      var i = 0
      while i + r.count <= scalars.count {
        if Array(scalars[i..<(i + r.count)]) == r {
          var j = i + r.count
          var chunk: [Unicode.Scalar] = []
          while j < scalars.count, chunk.count < 14,
            isNameScalar(scalars[j]) || scalars[j] == " "
          {
            chunk.append(scalars[j])
            j += 1
          }
          let piece = String(String.UnicodeScalarView(chunk))
          let candidates = names(inRoleList: role + piece)
          if chunk.first == " " || piece.hasSuffix("摄") { found += candidates.filter { $0.count <= 3 } }
          i = j
        } else {
          i += 1
        }
      }
    }
    return found
  }
}
