/// Normalized issue text: one width, one punctuation form, tidy whitespace, page breaks repaired,
/// and for every scalar the offset of the original scalar it came from.
public struct NormalizedText: Sendable {
  public let scalars: [Unicode.Scalar]
  /// `origin[i]` is the index, in Unicode scalars of the decoded original, of `scalars[i]`.
  public let origin: [Int32]
  public let originalLength: Int
  public let paragraphs: [Paragraph]

  public func string(_ range: Range<Int>) -> String { String(scalars: scalars[range]) }

  /// The original scalar range a normalized range came from (end exclusive).
  public func originalRange(_ range: Range<Int>) -> Range<Int> {
    guard !range.isEmpty else {
      let at = range.lowerBound < origin.count ? Int(origin[range.lowerBound]) : originalLength
      return at..<at
    }
    return Int(origin[range.lowerBound])..<(Int(origin[range.upperBound - 1]) + 1)
  }
}

/// A block of text between blank lines; `lines` are scalar ranges into `NormalizedText.scalars`.
public struct Paragraph: Sendable, Equatable {
  public var lines: [Range<Int>]
  /// How many column or page breaks were repaired to make this paragraph whole.
  public var repairedBreaks: Int
  public var range: Range<Int> { lines[0].lowerBound..<lines[lines.count - 1].upperBound }
}

/// Folds width and punctuation, tidies whitespace, and joins paragraphs cut at column breaks.
public struct Normalizer: Sendable {
  public init() {}

  public func normalize(_ text: String) -> NormalizedText {
    let source = Array(text.unicodeScalars)
    let lines = foldLines(source)
    let paragraphs = groupParagraphs(lines)
    return emit(paragraphs, originalLength: source.count)
  }

  /// One line after folding: its scalars, their origins, and where its line break stood.
  struct Line {
    var scalars: [Unicode.Scalar] = []
    var origin: [Int32] = []
    var breakAt: Int32 = 0
  }

  func foldLines(_ source: [Unicode.Scalar]) -> [Line] {
    var lines: [Line] = []
    var line = Line()
    var i = 0
    func finish(_ at: Int) {
      while line.scalars.last == " " {
        line.scalars.removeLast()
        line.origin.removeLast()
      }
      line.breakAt = Int32(at)
      lines.append(line)
      line = Line()
    }
    while i < source.count {
      let c = source[i]
      if c == "\n" || c == "\r" || c == "\u{2028}" || c == "\u{2029}" {
        finish(i)
        if c == "\r", i + 1 < source.count, source[i + 1] == "\n" { i += 1 }
        i += 1
        continue
      }
      let folded = fold(c, previous: line.scalars.last, next: i + 1 < source.count ? source[i + 1] : nil)
      if folded == " " {
        if line.scalars.isEmpty || line.scalars.last == " " {
          i += 1
          continue
        }
      }
      if let folded {
        line.scalars.append(folded)
        line.origin.append(Int32(i))
      }
      i += 1
    }
    finish(source.count)
    return lines
  }

  static let toChinese: [Unicode.Scalar: Unicode.Scalar] = [
    ",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "!": "！", "?": "？",
    "「": "“", "」": "”", "『": "‘", "』": "’", "﹐": "，", "﹔": "；", "﹕": "：",
  ]

  /// One scalar to its normal form; nil drops it (zero-width and control characters).
  func fold(_ c: Unicode.Scalar, previous: Unicode.Scalar?, next: Unicode.Scalar?) -> Unicode.Scalar? {
    var c = c
    switch c.value {
    case 0xFF01...0xFF5E: c = Unicode.Scalar(c.value - 0xFEE0)!
    case 0x3000, 0x0009, 0x00A0, 0x2002...0x200A, 0x202F: return " "
    case 0x200B...0x200D, 0xFEFF, 0x0000...0x0008, 0x000B...0x001F, 0x007F: return nil
    default: break
    }
    if c == "," || c == ":" || c == "." {
      let nextFolded = next.map { $0.value >= 0xFF10 && $0.value <= 0xFF19 ? Unicode.Scalar($0.value - 0xFEE0)! : $0 }
      if let p = previous, isASCIIDigit(p), let n = nextFolded, isASCIIDigit(n) { return c }
      if c == "." { return c }
    }
    if c == ":" , let p = previous, p.isASCII, p.properties.isAlphabetic { return c }
    // Only ASCII, 「」『』 and ﹐﹔﹕ have entries in the table: the rest of the text (nearly all
    // of it) skips the hashing.
    guard c.value < 0x80 || (0x300C...0x300F).contains(c.value) || (0xFE50...0xFE55).contains(c.value)
    else { return c }
    return Self.toChinese[c] ?? c
  }

  func isASCIIDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }

  struct Block {
    var lines: [Line]
    var repaired = 0
  }

  /// Groups lines into paragraphs and repairs column breaks: a prose paragraph that stops
  /// mid-sentence continues in the next paragraph unless that one opens a byline or headline.
  func groupParagraphs(_ lines: [Line]) -> [Block] {
    var blocks: [Block] = []
    var current: [Line] = []
    for line in lines {
      if line.scalars.isEmpty {
        if !current.isEmpty { blocks.append(Block(lines: current)) }
        current = []
      } else {
        current.append(line)
      }
    }
    if !current.isEmpty { blocks.append(Block(lines: current)) }

    var merged: [Block] = []
    for var block in blocks {
      block = joinWrappedLines(block)
      if var last = merged.last, isCut(last), continues(block) {
        var tail = last.lines.removeLast()
        let head = block.lines.removeFirst()
        tail.scalars += head.scalars
        tail.origin += head.origin
        tail.breakAt = head.breakAt
        last.lines.append(tail)
        last.lines += block.lines
        last.repaired += 1 + block.repaired
        merged[merged.count - 1] = joinWrappedLines(last)
      } else {
        merged.append(block)
      }
    }
    return merged
  }

  /// Hard-wrapped prose inside one paragraph becomes one line; short headline lines stay apart.
  func joinWrappedLines(_ block: Block) -> Block {
    var out: [Line] = []
    for line in block.lines {
      if var last = out.last, last.scalars.count >= 30, !LineShape.endsSentence(last.scalars),
        !LineShape.startsWithByline(line.scalars)
      {
        last.scalars += line.scalars
        last.origin += line.origin
        last.breakAt = line.breakAt
        out[out.count - 1] = last
      } else {
        out.append(line)
      }
    }
    return Block(lines: out, repaired: block.repaired)
  }

  func isCut(_ block: Block) -> Bool {
    guard let last = block.lines.last, block.lines.count == 1 || last.scalars.count >= 30 else {
      return false
    }
    return LineShape.isProse(last.scalars) && !LineShape.endsSentence(last.scalars)
      && !LineShape.isJumpOrTeaser(last.scalars)
  }

  func continues(_ block: Block) -> Bool {
    guard let first = block.lines.first else { return false }
    if LineShape.startsWithByline(first.scalars) || LineShape.isJumpOrTeaser(first.scalars) {
      return false
    }
    let looksLikeHeadline = LineShape.isHeadlineGroup(
      block.lines.map(\.scalars.count), hasFullStop: block.lines.contains { $0.scalars.contains("。") })
    return !looksLikeHeadline
  }

  func emit(_ blocks: [Block], originalLength: Int) -> NormalizedText {
    var scalars: [Unicode.Scalar] = []
    var origin: [Int32] = []
    var paragraphs: [Paragraph] = []
    scalars.reserveCapacity(originalLength)
    origin.reserveCapacity(originalLength)
    for (b, block) in blocks.enumerated() {
      var ranges: [Range<Int>] = []
      for (l, line) in block.lines.enumerated() {
        let start = scalars.count
        scalars += line.scalars
        origin += line.origin
        ranges.append(start..<scalars.count)
        let isLastLine = l == block.lines.count - 1
        let separators = isLastLine ? (b == blocks.count - 1 ? 0 : 2) : 1
        for _ in 0..<separators {
          scalars.append("\n")
          origin.append(line.breakAt)
        }
      }
      paragraphs.append(Paragraph(lines: ranges, repairedBreaks: block.repaired))
    }
    return NormalizedText(
      scalars: scalars, origin: origin, originalLength: originalLength, paragraphs: paragraphs)
  }
}
