/// Finds literals a pattern cannot match without, for the prefilter: a rule whose literal is
/// absent from a sentence need not run there. Conservative: when unsure, it returns nothing,
/// and the rule always runs.
enum LiteralAnalysis {
  static func requiredLiterals(_ pattern: String) -> [String] {
    let chars = Array(pattern)
    var runs: [String] = []
    var run = ""
    var depth = 0
    var i = 0
    func breakRun() {
      if !run.isEmpty { runs.append(run) }
      run = ""
    }
    while i < chars.count {
      let c = chars[i]
      switch c {
      case "\\":
        guard i + 1 < chars.count else { return [] }
        let e = chars[i + 1]
        if depth == 0, !e.isLetter, !e.isNumber {
          run.append(e)
        } else {
          breakRun()
          if (e == "p" || e == "P"), i + 2 < chars.count, chars[i + 2] == "{",
            let close = chars[(i + 2)...].firstIndex(of: "}")
          {
            i = close + 1
            continue
          }
        }
        i += 2
        continue
      case "[":
        breakRun()
        var j = i + 1
        if j < chars.count, chars[j] == "^" { j += 1 }
        if j < chars.count, chars[j] == "]" { j += 1 }
        while j < chars.count, chars[j] != "]" { j += chars[j] == "\\" ? 2 : 1 }
        i = j + 1
        continue
      case "(":
        breakRun()
        depth += 1
      case ")":
        breakRun()
        depth -= 1
      case "|":
        if depth == 0 { return [] }
        breakRun()
      case "?", "*", "{":
        if depth == 0, !run.isEmpty {
          let optional = c != "{" || isZeroMinimum(chars, i)
          if optional { run.removeLast() }
        }
        breakRun()
        if c == "{", let close = chars[i...].firstIndex(of: "}") {
          i = close + 1
          continue
        }
      case "+", ".", "^", "$":
        breakRun()
      default:
        if depth == 0 { run.append(c) } else { breakRun() }
      }
      i += 1
    }
    breakRun()
    let useful = runs.filter { $0.unicodeScalars.contains { $0.properties.isIdeographic } }
    guard let best = useful.max(by: { $0.unicodeScalars.count < $1.unicodeScalars.count }) else {
      return []
    }
    return [best]
  }

  static func isZeroMinimum(_ chars: [Character], _ open: Int) -> Bool {
    var j = open + 1
    while j < chars.count, chars[j] == " " { j += 1 }
    return j < chars.count && chars[j] == "0"
  }
}
