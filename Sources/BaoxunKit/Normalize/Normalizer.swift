import Foundation

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
    let folded = foldLines(text)
    let paragraphs = groupParagraphs(folded)
    return emit(paragraphs, folded, originalLength: folded.originalLength)
  }

  /// A line after folding: a range of `Folded.scalars`, and where its line break stood.
  struct Line {
    var range: Range<Int>
    var breakAt: Int32
  }

  /// Every folded line back to back, without separators. Blank lines are empty ranges, so the
  /// lines of a paragraph, and two paragraphs with only blank lines between them, are adjacent:
  /// joining lines is joining their ranges, and nothing is copied until `emit`.
  struct Folded {
    var scalars: [Unicode.Scalar] = []
    var origin: [Int32] = []
    var lines: [Line] = []
    /// Scalars in the decoded original.
    var originalLength = 0

    subscript(_ line: Line) -> ArraySlice<Unicode.Scalar> { scalars[line.range] }
  }

  /// Decodes the text's UTF-8 and folds it in one pass, writing straight into the output
  /// buffers: this loop sees every scalar of every issue.
  func foldLines(_ text: String) -> Folded {
    var text = text
    var out = Folded()
    text.withUTF8 { bytes in
      var scalars: [Unicode.Scalar] = []
      // Never more scalars than bytes.
      out.origin = [Int32](unsafeUninitializedCapacity: bytes.count) { origin, originCount in
        scalars = [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { buffer, count in
          count = foldLines(
            bytes, into: buffer, origin, lines: &out.lines, length: &out.originalLength)
        }
        originCount = scalars.count
      }
      out.scalars = scalars
    }
    return out
  }

  private func foldLines(
    _ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<Unicode.Scalar>,
    _ origin: UnsafeMutableBufferPointer<Int32>, lines: inout [Line], length: inout Int
  ) -> Int {
    var k = 0
    var lineStart = 0
    func finish(_ at: Int) {
      while k > lineStart, out[k - 1] == " " { k -= 1 }
      lines.append(Line(range: lineStart..<k, breakAt: Int32(at)))
      lineStart = k
    }
    var i = 0
    var index = 0
    while i < bytes.count {
      let (c, width) = UTF8Width.decode(bytes, at: i)
      defer {
        i += width
        index += 1
      }
      // CJK ideographs (most of the text) fold to themselves.
      if c.value >= 0x3400 && c.value <= 0x9FFF {
        out[k] = c
        origin[k] = Int32(index)
        k += 1
        continue
      }
      if c == "\n" || c == "\r" || c == "\u{2028}" || c == "\u{2029}" {
        finish(index)
        if c == "\r", i + 1 < bytes.count, bytes[i + 1] == 0x0A {
          i += 1
          index += 1
        }
        continue
      }
      let previous = k > lineStart ? out[k - 1] : nil
      // Only , : . and their fullwidth forms look at the next scalar.
      var next: Unicode.Scalar? = nil
      let peeks = c == "," || c == ":" || c == "." || (0xFF0C...0xFF1A).contains(c.value)
      if peeks, i + width < bytes.count {
        next = UTF8Width.decode(bytes, at: i + width).scalar
      }
      let folded = fold(c, previous: previous, next: next)
      if folded == " " && (previous == nil || previous == " ") { continue }
      if let folded {
        out[k] = folded
        origin[k] = Int32(index)
        k += 1
      }
    }
    finish(index)
    length = index
    return k
  }

  /// ASCII and variant punctuation to its Chinese form: `,;:()!?`, 「」『』 and ﹐﹔﹕.
  @inline(__always)
  static func chineseForm(_ c: Unicode.Scalar) -> Unicode.Scalar {
    switch c {
    case ",", "﹐": return "，"
    case ";", "﹔": return "；"
    case ":", "﹕": return "："
    case "(": return "（"
    case ")": return "）"
    case "!": return "！"
    case "?": return "？"
    case "「": return "“"
    case "」": return "”"
    case "『": return "‘"
    case "』": return "’"
    default: return c
    }
  }

  /// One scalar to its normal form; nil drops it (zero-width and control characters).
  func fold(_ c: Unicode.Scalar, previous: Unicode.Scalar?, next: Unicode.Scalar?) -> Unicode.Scalar? {
    var c = c
    switch c.value {
    case 0xFF01...0xFF5E: c = Unicode.Scalar(c.value - 0xFEE0)!
    case 0x3000, 0x0009, 0x00A0, 0x2002...0x200A, 0x202F: return " "
    case 0x200B...0x200D, 0xFEFF, 0x0000...0x0008, 0x000B...0x001F, 0x007F: return nil
    // Variation selectors only choose a glyph; a compatibility ideograph (者 as U+FA5B, common in
    // OCR and Big5-converted text) is its unified ideograph for every rule and word list.
    case 0xFE00...0xFE0F, 0xE0100...0xE01EF: return nil
    case 0xF900...0xFAFF, 0x2F800...0x2FA1F: c = Self.unifiedIdeograph[c.value] ?? c
    default: break
    }
    if c == "," || c == ":" || c == "." {
      let nextFolded = next.map { $0.value >= 0xFF10 && $0.value <= 0xFF19 ? Unicode.Scalar($0.value - 0xFEE0)! : $0 }
      if let p = previous, isASCIIDigit(p), let n = nextFolded, isASCIIDigit(n) { return c }
      if c == "." { return c }
    }
    if c == ":" , let p = previous, p.isASCII, p.properties.isAlphabetic { return c }
    return Self.chineseForm(c)
  }

  /// Each CJK compatibility ideograph with a canonical equivalent, mapped to it (what NFC does).
  static let unifiedIdeograph: [UInt32: Unicode.Scalar] = {
    var map: [UInt32: Unicode.Scalar] = [:]
    for v in Array(UInt32(0xF900)...0xFAFF) + Array(UInt32(0x2F800)...0x2FA1F) {
      guard let c = Unicode.Scalar(v),
        let folded = String(Character(c)).precomposedStringWithCanonicalMapping.unicodeScalars.first,
        folded != c
      else { continue }
      map[v] = folded
    }
    return map
  }()

  func isASCIIDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }

  struct Block {
    var lines: [Line]
    var repaired = 0
  }

  /// Groups lines into paragraphs and repairs column breaks: a prose paragraph that stops
  /// mid-sentence continues in the next paragraph unless that one opens a byline or headline.
  func groupParagraphs(_ text: Folded) -> [Block] {
    var blocks: [Block] = []
    var current: [Line] = []
    for line in text.lines {
      if line.range.isEmpty {
        if !current.isEmpty { blocks.append(Block(lines: current)) }
        current = []
      } else {
        current.append(line)
      }
    }
    if !current.isEmpty { blocks.append(Block(lines: current)) }

    var merged: [Block] = []
    for var block in blocks {
      block = joinWrappedLines(block, text)
      if var last = merged.last, isCut(last, text), continues(block, text), !headsBrief(last, block, text) {
        let tail = last.lines.removeLast()
        let head = block.lines.removeFirst()
        assert(tail.range.upperBound == head.range.lowerBound)
        let joined = tail.range.lowerBound..<head.range.upperBound
        last.lines.append(Line(range: joined, breakAt: head.breakAt))
        last.lines += block.lines
        last.repaired += 1 + block.repaired
        merged[merged.count - 1] = joinWrappedLines(last, text)
      } else {
        merged.append(block)
      }
    }
    return merged
  }

  /// Hard-wrapped prose inside one paragraph becomes one line; short headline lines stay apart.
  func joinWrappedLines(_ block: Block, _ text: Folded) -> Block {
    guard block.lines.count > 1 else { return block }
    var out: [Line] = []
    for line in block.lines {
      if let last = out.last, last.range.count >= 30, !LineShape.endsSentence(text[last]),
        !LineShape.startsWithByline(text[line]), !LineShape.startsWithListMarker(text[line])
      {
        let joined = last.range.lowerBound..<line.range.upperBound
        out[out.count - 1] = Line(range: joined, breakAt: line.breakAt)
      } else {
        out.append(line)
      }
    }
    return Block(lines: out, repaired: block.repaired)
  }

  func isCut(_ block: Block, _ text: Folded) -> Bool {
    guard let last = block.lines.last, block.lines.count == 1 || last.range.count >= 30 else {
      return false
    }
    let line = text[last]
    return LineShape.isProse(line) && !LineShape.endsSentence(line)
      && !LineShape.isJumpOrTeaser(line) && !LineShape.endsNoticeTitle(line)
  }

  /// A town page's brief headline (临淮关镇：…) over a paragraph that names the place again: a
  /// headline with a colon, not prose cut at a column break.
  func headsBrief(_ last: Block, _ next: Block, _ text: Folded) -> Bool {
    guard last.lines.count == 1, let first = next.lines.first,
      let place = LineShape.briefPlace(text[last.lines[0]])
    else { return false }
    let body = text.scalars[first.range.lowerBound..<(next.lines.last ?? first).range.upperBound]
    return body.containsScalars(Array(place))
  }

  func continues(_ block: Block, _ text: Folded) -> Bool {
    guard let first = block.lines.first else { return false }
    if LineShape.startsWithByline(text[first]) || LineShape.isJumpOrTeaser(text[first])
      || LineShape.startsWithListMarker(text[first])
    {
      return false
    }
    let looksLikeHeadline = LineShape.isHeadlineGroup(
      block.lines.lazy.map(\.range.count),
      hasFullStop: block.lines.contains { text[$0].contains("。") })
    return !looksLikeHeadline
  }

  func emit(_ blocks: [Block], _ text: Folded, originalLength: Int) -> NormalizedText {
    var scalars: [Unicode.Scalar] = []
    var origin: [Int32] = []
    var paragraphs: [Paragraph] = []
    scalars.reserveCapacity(text.scalars.count + 2 * text.lines.count)
    origin.reserveCapacity(text.scalars.count + 2 * text.lines.count)
    paragraphs.reserveCapacity(blocks.count)
    for (b, block) in blocks.enumerated() {
      var ranges: [Range<Int>] = []
      ranges.reserveCapacity(block.lines.count)
      for (l, line) in block.lines.enumerated() {
        let start = scalars.count
        scalars += text.scalars[line.range]
        origin += text.origin[line.range]
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
