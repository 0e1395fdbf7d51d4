import BaoxunKit

/// libFuzzer's entry point: feeds arbitrary bytes through the decoder, the normalizer, the
/// segmenter and the number parser, the stages that read untrusted text, and traps when one of
/// them breaks a promise the later stages rely on (offsets inside the text, ranges in order).
///
/// Nothing here catches a crash: a trap in a stage is exactly what the fuzzer is looking for.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  // Undecodable bytes still go on as lossy UTF-8: the later stages must survive any text.
  let text = (try? BaoxunKit.Decoder.decode(bytes).text) ?? String(decoding: bytes, as: UTF8.self)
  let normalized = Normalizer().normalize(text)
  FuzzChecks.normalized(normalized, original: text)
  let articles = Segmenter().segment(normalized)
  FuzzChecks.articles(articles, in: normalized)
  FuzzChecks.numbers(in: text)
  for article in articles.prefix(8) {
    for sentence in article.sentences.prefix(8) { FuzzChecks.numbers(in: sentence.text) }
  }
  return 0
}

/// The invariants checked after each stage; each failure names the stage and what broke.
enum FuzzChecks {
  static func normalized(_ n: NormalizedText, original: String) {
    let length = original.unicodeScalars.count
    precondition(
      n.originalLength == length, "normalizer: originalLength \(n.originalLength) != \(length)")
    precondition(
      n.origin.count == n.scalars.count, "normalizer: origin and scalars differ in length")
    var previous = -1
    for o in n.origin {
      precondition(
        o >= 0 && Int(o) < max(length, 1), "normalizer: origin \(o) outside 0..<\(length)")
      precondition(Int(o) >= previous, "normalizer: origins go backwards (\(previous) then \(o))")
      previous = Int(o)
    }
    for p in n.paragraphs {
      precondition(!p.lines.isEmpty, "normalizer: paragraph without lines")
      for line in p.lines {
        precondition(
          line.lowerBound >= 0 && line.upperBound <= n.scalars.count,
          "normalizer: line \(line) outside the text")
        _ = n.originalRange(line)
      }
    }
  }

  static func articles(_ articles: [Article], in n: NormalizedText) {
    for article in articles {
      let whole = article.range
      precondition(
        whole.upperBound <= n.scalars.count,
        "segmenter: article \(article.index) ends past the text")
      for s in article.sentences {
        precondition(
          s.range.lowerBound >= 0 && s.range.upperBound <= n.scalars.count,
          "segmenter: sentence \(s.range) outside 0..<\(n.scalars.count)")
        let original = n.originalRange(s.range)
        precondition(
          original.upperBound <= n.originalLength, "segmenter: sentence maps past the original")
      }
      for p in article.paragraphs {
        precondition(p.upperBound <= n.scalars.count, "segmenter: paragraph \(p) outside the text")
      }
      _ = article.bodyCharacters
    }
  }

  static func numbers(in text: String) {
    let length = text.unicodeScalars.count
    for q in NumberParser.quantities(in: text) {
      precondition(
        q.range.lowerBound >= 0 && q.range.upperBound <= length,
        "number parser: quantity \(q.range) outside 0..<\(length)")
      _ = q.value?.plainString
      _ = q.high?.plainString
    }
    if let q = NumberParser.parse(text) {
      precondition(
        q.range.upperBound <= length, "number parser: parse range \(q.range) outside 0..<\(length)")
    }
    _ = NumberParser.numeral(text)
  }
}
